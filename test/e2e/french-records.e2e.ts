import type { Browser, BrowserContext, Page } from 'playwright-core';

import {
  adminLogin,
  createAdminUser,
  createEntry,
  superAdmin,
  type AdminApi,
} from './support/admin-api';
import { expectAccessible } from './support/axe';
import {
  launchBrowser,
  login,
  newPage,
  openPage,
  screenshot,
  waitForText,
  documentAction,
} from './support/browser';
import { englishFragments, expectNoEnglish, message, messagesOf } from './support/language';

/**
 * The CRM's record screens for an admin whose interface language is French: the Contacts page and
 * a contact's page with its dialogs and activity, the marketing lists, the past imports, the
 * customer overview's edit form, contact points and contacts card, and the CRM's panels and
 * actions in the content manager. None shows a piece of the plugin's English (support/language.ts).
 */
jest.setTimeout(300_000);

const fr = messagesOf('fr');
const t = (key: string, values?: Record<string, string | number>) => message(fr, key, values);
const fragments = englishFragments('fr');

const stamp = Date.now().toString(36);
const CONTACT_UID = 'plugin::crm.contact';
const CUSTOMER_UID = 'plugin::crm.customer';
const COMPANY = `Maison Roux ${stamp}`;
const LAST = `Moreau${stamp}`;
const ANAIS = `Anaïs ${LAST}`;
const BASILE = `Basile ${LAST}`;
const ANAIS_EMAIL = `anais.${stamp}@roux.example`;
const INDIVIDUAL = `Chloé ${LAST}`;
const LIST = `Lettre de printemps ${stamp}`;
const IMPORT_FILE = `historique-${stamp}.csv`;
const COMMENT = `Appelée au sujet du renouvellement ${stamp}`;
/** What is data, not the plugin's words. */
const DATA = [
  COMPANY,
  ANAIS,
  BASILE,
  INDIVIDUAL,
  LAST,
  ANAIS_EMAIL,
  LIST,
  IMPORT_FILE,
  COMMENT,
  'Acheteuse',
  // Strapi's own preview panel of the content manager, which Strapi leaves in English.
  'Set up preview',
];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;
const ids: Record<string, string> = {};

const ok = async (what: string, response: Promise<{ status: number; body: any; text: string }>) => {
  const answer = await response;
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text}`);
  return answer.body.data;
};

beforeAll(async () => {
  api = await superAdmin();
  const roles = await api.request('GET', '/admin/roles');
  const superRole = (roles.body.data as { id: number; code: string }[]).find(
    (role) => role.code === 'strapi-super-admin'
  )!;
  const user = await createAdminUser(api, {
    email: `fiches-${stamp}@crm.test`,
    password: 'Francais-Password-1',
    roles: [superRole.id],
    firstname: 'Claire',
    lastname: 'Fontaine',
  });
  const asUser = await adminLogin(user.email, user.password);
  const updated = await asUser.request('PUT', '/admin/users/me', { preferedLanguage: 'fr' });
  expect(updated.status).toBe(200);

  ids.company = (
    await ok(
      'company',
      api.request('POST', '/crm/customers', {
        data: {
          type: 'business',
          businessName: COMPANY,
          phones: [{ type: 'work', number: '(415) 555-0180', isPrimary: true }],
        },
      })
    )
  ).documentId;
  ids.individual = (
    await ok(
      'individual',
      api.request('POST', '/crm/customers', {
        data: {
          type: 'individual',
          firstName: 'Chloé',
          lastName: LAST,
          ssn: '287-65-4321',
          emails: [{ type: 'personal', address: `chloe.${stamp}@example.test`, isPrimary: true }],
        },
      })
    )
  ).documentId;
  const contact = async (data: Record<string, unknown>) =>
    (
      await createEntry(api, CONTACT_UID, {
        lastName: LAST,
        ...data,
        company: { connect: [{ documentId: ids.company }] },
      })
    ).documentId;
  ids.anais = await contact({ firstName: 'Anaïs', jobTitle: 'Acheteuse', email: ANAIS_EMAIL });
  ids.basile = await contact({ firstName: 'Basile', mobilePhone: '+14155550101' });
  ids.list = (
    await ok(
      'list',
      api.request('POST', '/crm/marketing-lists', { data: { name: LIST, channel: 'email' } })
    )
  ).documentId;
  await ok(
    'members',
    api.request('POST', `/crm/marketing-lists/${ids.list}/members`, {
      contacts: [ids.anais, ids.basile],
    })
  );
  await ok(
    'comment',
    api.request('POST', `/crm/contacts/${ids.anais}/activity`, { data: { body: COMMENT } })
  );
  const form = new FormData();
  form.append('object', 'customers');
  form.append(
    'file',
    new Blob([`Type,First Name,Last Name\nindividual,Jules,Hist${stamp}\n`], { type: 'text/csv' }),
    IMPORT_FILE
  );
  await ok('import', api.request('POST', '/crm/imports', form));

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page, { email: user.email, password: user.password });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const dialog = () => page.getByRole('dialog');
const confirm = () => page.getByRole('alertdialog');

/** Screenshot, then the page must show no English of the plugin and pass axe. */
const check = async (name: string, strapi: string[] = []) => {
  await screenshot(page, `fr-${name}`);
  await expectNoEnglish(page, name, fragments, [...DATA, ...strapi]);
  await expectAccessible(page, `fr-${name}`);
};

const cancel = async (target = dialog()) => {
  await target.getByRole('button', { name: t('common.cancel') }).click();
  await target.waitFor({ state: 'detached' });
};

const openContact = async () => {
  await openPage(page, `/admin/plugins/crm/contacts/${ids.anais}`);
  await page.getByRole('heading', { name: ANAIS, level: 1 }).waitFor();
  await waitForText(page.getByTestId('crm-contact-activity'), COMMENT);
};

it('shows the Contacts page in French', async () => {
  await openPage(page, `/admin/plugins/crm/contacts?q=${encodeURIComponent(LAST)}`);
  await page.getByRole('searchbox', { name: t('contacts.search') }).waitFor();
  await page.getByRole('link', { name: ANAIS }).waitFor();
  await check('25-contacts');
});

it("shows a contact's page, its activity and its dialogs in French", async () => {
  await openContact();
  await check('26-contact');

  await page.getByRole('button', { name: t('contacts.generateLogin') }).click();
  await dialog().waitFor();
  await check('27-contact-generate-login');
  await cancel();

  await page.getByRole('button', { name: t('contacts.addToList') }).click();
  await dialog().waitFor();
  await check('28-contact-add-to-list');
  await cancel();

  await page.getByRole('button', { name: t('contacts.convert') }).click();
  await confirm().waitFor();
  await page.waitForTimeout(500);
  await check('29-contact-convert');
  await cancel(confirm());
});

it('shows the marketing lists and the new-list dialog in French', async () => {
  await openPage(page, '/admin/plugins/crm/marketing-lists');
  await page.getByRole('link', { name: LIST }).waitFor();
  await check('30-marketing-lists');
  await page.getByRole('button', { name: t('lists.new') }).click();
  await dialog().waitFor();
  await check('31-new-list');
  await cancel();
});

it("shows a list's members, the left-out ones after the export and the remove confirm in French", async () => {
  await openPage(page, `/admin/plugins/crm/marketing-lists/${ids.list}`);
  await page.getByRole('heading', { name: LIST, level: 1 }).waitFor();
  const members = page.getByRole('grid', { name: t('lists.members') });
  await waitForText(members.locator('tbody tr', { hasText: BASILE }), t('lists.reason.noEmail'));
  await check('32-list');

  await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t('lists.exportCsv') }).click(),
  ]);
  const leftOut = page
    .getByTestId('crm-list-export')
    .getByRole('grid', { name: t('lists.leftOut') });
  await waitForText(leftOut.locator('tbody tr', { hasText: BASILE }), t('lists.reason.noEmail'));
  await check('33-list-exported');

  await page.getByRole('checkbox', { name: t('lists.select', { name: BASILE }) }).check();
  await page.getByRole('button', { name: /^Retirer 1 membre/ }).click();
  await confirm().waitFor();
  await page.waitForTimeout(500);
  await check('34-list-remove-confirm');
  await cancel(confirm());
});

it('shows the past imports in French', async () => {
  await openPage(page, '/admin/plugins/crm/imports/history');
  await page.getByRole('row', { name: new RegExp(IMPORT_FILE.replace(/\./g, '\\.')) }).waitFor();
  await check('35-import-history');
});

it("shows the customer overview's edit form, a contact point dialog and the contacts card in French", async () => {
  await openPage(page, `/admin/plugins/crm/customers/${ids.company}`);
  await page.getByTestId('crm-summary').waitFor();
  await page.getByRole('button', { name: t('edit.open') }).click();
  await page.getByTestId('crm-edit-details').waitFor();
  await check('36-overview-edit');
  await cancel(page.getByTestId('crm-edit-details'));

  await page
    .getByTestId('crm-overview-phones')
    .getByRole('button', { name: /^Ajouter/ })
    .first()
    .click();
  await dialog().waitFor();
  await check('37-contact-point');
  await cancel();

  const card = page.getByTestId('crm-customer-contacts');
  await card.getByRole('link', { name: new RegExp(ANAIS) }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await check('38-overview-contacts');
});

const editView = (uid: string, documentId: string) =>
  `/admin/content-manager/collection-types/${uid}/${documentId}`;

const MORE = "Plus d'actions sur les documents";
/** The close button of the content manager's own action modal, which Strapi leaves in English. */
const STRAPI_MODAL = ['Close modal'];

it("shows the content manager's contact panels and document actions in French", async () => {
  await openPage(page, editView(CONTACT_UID, ids.anais));
  await waitForText(page.getByTestId('crm-company'), COMPANY);
  await waitForText(page.getByTestId('crm-activity'), COMMENT);
  await check('39-cm-contact');

  await documentAction(page, t('cm.generateLogin.label'), MORE);
  await dialog()
    .getByRole('heading', { name: t('cm.generateLogin.title', { name: ANAIS }) })
    .waitFor();
  await check('40-cm-generate-login', STRAPI_MODAL);
  await cancel();

  await documentAction(page, t('cm.lists.label'), MORE);
  await dialog()
    .getByRole('heading', { name: t('cm.lists.title', { name: ANAIS }) })
    .waitFor();
  await check('41-cm-add-to-list', STRAPI_MODAL);
  await cancel();

  await documentAction(page, t('cm.convert.label'), MORE);
  await confirm().waitFor();
  await page.waitForTimeout(500);
  await check('42-cm-convert');
  await cancel(confirm());
});

it("shows the content manager's customer panel in French", async () => {
  await openPage(page, editView(CUSTOMER_UID, ids.individual));
  const panel = page.getByTestId('crm-cm-customer');
  await waitForText(panel.getByTestId('crm-ssn'), '***-**-4321');
  await check('43-cm-customer');
});
