import type { Browser, BrowserContext, Page } from 'playwright-core';

import { adminLogin, createAdminUser, superAdmin, type AdminApi } from './support/admin-api';
import { expectAccessible } from './support/axe';
import {
  dropFile,
  launchBrowser,
  login,
  newPage,
  openPage,
  screenshot,
  waitForText,
} from './support/browser';
import {
  englishFragments,
  expectNoEnglish,
  message,
  messagesOf,
  pluginText,
} from './support/language';

/**
 * The whole CRM panel for an admin whose interface language is French: every page and dialog
 * shows the plugin's French messages, and no piece of its English ones (support/language.ts).
 * The data (names, the file's headers and cells, the server's rule messages) is left aside.
 */
jest.setTimeout(300_000);

const fr = messagesOf('fr');
const t = (key: string, values?: Record<string, string | number>) => message(fr, key, values);
const fragments = englishFragments('fr');

const stamp = Date.now().toString(36);
const BUSINESS = `Maison Lefèvre ${stamp}`;
const FIRST = 'Élodie';
const LAST = `Martin${stamp}`;
const TWIN_FIRST = 'Elodie';
const EMAIL = `elodie.${stamp}@lefevre.example`;
const INVESTOR = `Fonds Garnier ${stamp}`;
const NEW_COMPANY = `Atelier Girard ${stamp}`;
const CSV = [
  'First Name,Last Name,E-mail,Company Name,Job Title',
  `Camille,Bernard,camille.${stamp}@lefevre.example,${BUSINESS},Acheteuse`,
  `Hugo,Petit,hugo.${stamp}@girard.example,${NEW_COMPANY},Gérant`,
  `Inès,,ines.${stamp}@lefevre.example,${BUSINESS},Comptable`,
].join('\n');
/** What is data, not the plugin's words: the records' names and values, the file, server rules. */
const DATA = [
  BUSINESS,
  INVESTOR,
  NEW_COMPANY,
  `${FIRST} ${LAST}`,
  `${TWIN_FIRST} ${LAST}`,
  LAST,
  EMAIL,
  ...CSV.split('\n').flatMap((line) => line.split(',')),
  'contacts-francais.csv',
  'a contact needs a lastName',
];

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;
const ids: { business?: string; individual?: string; twin?: string } = {};

const created = async (path: string, data: Record<string, unknown>) => {
  const response = await api.request('POST', path, { data });
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`POST ${path}: ${response.status} ${response.text.slice(0, 500)}`);
  return response.body.data as { documentId: string };
};

beforeAll(async () => {
  api = await superAdmin();
  const roles = await api.request('GET', '/admin/roles');
  const superRole = (roles.body.data as { id: number; code: string }[]).find(
    (role) => role.code === 'strapi-super-admin'
  )!;
  const user = await createAdminUser(api, {
    email: `francais-${stamp}@crm.test`,
    password: 'Francais-Password-1',
    roles: [superRole.id],
    firstname: 'Claire',
    lastname: 'Fontaine',
  });
  // The interface language is the admin's own setting (the profile page's "Interface language").
  const asUser = await adminLogin(user.email, user.password);
  const updated = await asUser.request('PUT', '/admin/users/me', { preferedLanguage: 'fr' });
  expect(updated.status).toBe(200);
  expect(updated.body.data.preferedLanguage).toBe('fr');

  ids.business = (
    await created('/crm/customers', {
      type: 'business',
      businessName: BUSINESS,
      phones: [{ type: 'work', number: '(415) 555-0190', isPrimary: true }],
    })
  ).documentId;
  ids.individual = (
    await created('/crm/customers', {
      type: 'individual',
      firstName: FIRST,
      lastName: LAST,
      ssn: '287-65-4321',
      emails: [{ type: 'personal', address: EMAIL, isPrimary: true }],
      phones: [{ type: 'cell', number: '(415) 555-0191', isPrimary: true }],
      addresses: [
        {
          type: 'physical',
          line1: '12 rue des Lilas',
          city: 'Lyon',
          postalCode: '69003',
          country: 'FR',
          isPrimary: true,
        },
      ],
    })
  ).documentId;
  const investor = await created('/crm/customers', { type: 'business', businessName: INVESTOR });
  // A likely duplicate of the individual: the same e-mail address.
  const twin = await api.request('POST', '/crm/customers', {
    data: {
      type: 'individual',
      firstName: TWIN_FIRST,
      lastName: LAST,
      emails: [{ type: 'work', address: EMAIL.toUpperCase(), isPrimary: true }],
    },
  });
  ids.twin = twin.body.data?.documentId;
  await created('/crm/connections', {
    customer: ids.individual,
    connectedCustomer: ids.business,
    relationshipType: 'employee',
    title: 'Directrice',
  });
  await created('/crm/relationships', {
    kind: 'hierarchical',
    parent: ids.business,
    child: ids.individual,
  });
  await created('/crm/relationships', {
    kind: 'loose',
    customer: investor.documentId,
    linkedCustomer: ids.business,
    type: 'investor',
  });

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page, { email: user.email, password: user.password });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const dialog = () => page.getByRole('dialog');

/** Screenshot, then the page must show no English of the plugin and pass axe. */
const check = async (name: string) => {
  await screenshot(page, `fr-${name}`);
  await expectNoEnglish(page, name, fragments, DATA);
  await expectAccessible(page, `fr-${name}`);
};

/** Opens a customer's overview once its connections are there (`connected` names one of them). */
const openOverview = async (documentId: string, connected: string) => {
  await openPage(page, `/admin/plugins/crm/customers/${documentId}`);
  await page.getByTestId('crm-summary').waitFor();
  await page.getByTestId('crm-connections').getByRole('link', { name: connected }).waitFor();
};

it('shows the customer search in French, and its results', async () => {
  // The check has English to look for, and sees the page's French.
  expect(fragments.length).toBeGreaterThan(300);
  await openPage(page, '/admin/plugins/crm');
  await page.getByRole('heading', { name: t('search.title') }).waitFor();
  await expect(pluginText(page)).resolves.toContain(t('search.prompt'));
  await check('01-search');

  await page.getByRole('searchbox', { name: t('common.searchCustomers') }).fill(LAST);
  await page.getByRole('button', { name: t('common.search'), exact: true }).click();
  await page.getByRole('row', { name: new RegExp(`${FIRST} ${LAST}`) }).waitFor();
  await check('02-search-results');
});

it('shows the New customer dialog in French', async () => {
  await openPage(page, '/admin/plugins/crm');
  await page
    .getByRole('button', { name: t('search.newCustomer') })
    .first()
    .click();
  await dialog()
    .getByRole('heading', { name: t('newCustomer.title') })
    .waitFor();
  await check('03-new-customer');
  await dialog()
    .getByRole('radio', { name: t('value.business') })
    .click();
  await dialog().getByLabel(t('newCustomer.businessName')).waitFor();
  await check('04-new-customer-business');
  await dialog()
    .getByRole('button', { name: t('common.cancel') })
    .click();
  await dialog().waitFor({ state: 'detached' });
});

it('shows the customer overview in French, with its SSN revealed', async () => {
  await openOverview(ids.individual!, BUSINESS);
  await page.getByTestId('crm-relationships').getByText(t('relationships.as.childOf')).waitFor();
  await page
    .getByTestId('crm-duplicates')
    .getByRole('link', { name: `${TWIN_FIRST} ${LAST}` })
    .waitFor();
  await check('05-overview');

  await page.getByRole('button', { name: t('ssn.reveal') }).click();
  await page.getByTestId('crm-ssn').getByText('287-65-4321').waitFor();
  await check('06-ssn-revealed');
});

it('shows the connection and relationship dialogs in French', async () => {
  await openOverview(ids.individual!, BUSINESS);
  await page.getByRole('button', { name: t('links.addConnection') }).click();
  await dialog()
    .getByRole('heading', { name: t('links.addConnection') })
    .waitFor();
  await check('07-add-connection');
  await dialog()
    .getByRole('button', { name: t('common.cancel') })
    .click();
  await dialog().waitFor({ state: 'detached' });

  await page.getByRole('button', { name: t('relationships.addHierarchical'), exact: true }).click();
  await dialog()
    .getByRole('heading', { name: t('links.addHierarchicalTitle') })
    .waitFor();
  await check('08-add-hierarchical');
  await dialog()
    .getByRole('button', { name: t('common.cancel') })
    .click();
  await dialog().waitFor({ state: 'detached' });

  await page.getByRole('button', { name: t('relationships.addLoose'), exact: true }).click();
  await dialog()
    .getByRole('heading', { name: t('links.addLooseTitle') })
    .waitFor();
  await check('09-add-loose');
  await dialog()
    .getByRole('button', { name: t('common.cancel') })
    .click();
  await dialog().waitFor({ state: 'detached' });
});

it('shows the merge dialog and its preview in French', async () => {
  await openOverview(ids.individual!, BUSINESS);
  await page
    .getByTestId('crm-duplicates')
    .getByRole('row', { name: new RegExp(`${TWIN_FIRST} ${LAST}`) })
    .getByRole('button', { name: t('duplicates.merge') })
    .click();
  await dialog().getByTestId('crm-merge-fields').waitFor();
  await check('10-merge');
  await dialog()
    .getByRole('button', { name: t('merge.preview') })
    .click();
  await dialog().getByTestId('crm-merge-preview').waitFor();
  await check('11-merge-preview');
  await dialog()
    .getByRole('button', { name: t('common.cancel') })
    .click();
  await dialog().waitFor({ state: 'detached' });
});

it('shows the network in French', async () => {
  await openOverview(ids.business!, `${FIRST} ${LAST}`);
  await page.getByRole('link', { name: t('overview.network'), exact: true }).click();
  await page.waitForURL(/\/network/);
  await page.getByTestId('crm-network-graph').waitFor();
  await waitForText(page.getByTestId('crm-network-counts'), /3 clients · 3 liens/);
  await check('12-network');
});

it('scans for duplicates in French', async () => {
  await openPage(page, '/admin/plugins/crm/duplicates');
  await page
    .getByRole('heading', { name: t('duplicates.title'), level: 1 })
    .first()
    .waitFor();
  await check('13-duplicates');
  await page.getByRole('button', { name: t('duplicates.scan') }).click();
  await page.waitForURL(/\/admin\/plugins\/crm\/duplicates\/[^/?]+/);
  await waitForText(page.getByTestId('crm-scan-stage'), t('duplicates.stage.done'), 90_000);
  await page.getByTestId('crm-duplicate-cluster').first().waitFor();
  await check('14-duplicates-scan');
});

it('runs the import wizard in French, from the upload to the undo', async () => {
  await openPage(page, '/admin/plugins/crm/imports');
  await page.getByRole('heading', { name: t('import.title') }).waitFor();
  await check('15-import-upload');

  await dropFile(page, '[data-testid="import-dropzone"]', {
    name: 'contacts-francais.csv',
    content: CSV,
  });
  await waitForText(page.getByTestId('import-selected-file'), 'contacts-francais.csv');
  await page.getByRole('button', { name: t('import.upload.submit') }).click();
  await page.waitForURL(/step=mapping$/);
  await page.getByTestId('mapping-row-First Name').waitFor();
  await waitForText(
    page.getByRole('combobox', { name: t('import.mapping.fieldFor', { column: 'Job Title' }) }),
    t('import.field.jobTitle')
  );
  await check('16-import-mapping');

  await page.getByRole('button', { name: t('import.mapping.next') }).click();
  await page.waitForURL(/step=mode$/);
  await page.getByRole('radio', { name: t('import.mode.create') }).waitFor();
  await check('17-import-mode');

  await page.getByRole('button', { name: t('import.mode.next') }).click();
  await waitForText(page.getByTestId('count-invalid'), '1');
  await page.getByTestId('validation-error-row').first().waitFor();
  await check('18-import-validation');

  await page.getByRole('button', { name: t('import.step.reference') }).click();
  const company = page.locator('tr', { hasText: NEW_COMPANY });
  await waitForText(company, t('import.reference.undecided'));
  await check('19-import-reference');

  await page
    .getByRole('button', {
      name: t('import.reference.linkCompany', { company: NEW_COMPANY }),
      exact: true,
    })
    .click();
  await dialog().getByRole('searchbox').fill('Lefèvre');
  await dialog()
    .getByRole('button', { name: t('import.linkModal.linkTo', { name: BUSINESS }) })
    .waitFor();
  await check('20-import-link');
  await dialog()
    .getByRole('button', { name: t('common.cancel') })
    .click();
  await dialog().waitFor({ state: 'detached' });

  await page
    .getByRole('button', {
      name: t('import.reference.createCompany', { company: NEW_COMPANY }),
      exact: true,
    })
    .click();
  await waitForText(page.getByTestId('import-stage'), t('import.stage.ready'));
  await page.getByRole('button', { name: t('import.step.review') }).click();
  await page.getByRole('button', { name: t('import.start.button') }).waitFor();
  await check('21-import-review');

  await page.getByRole('button', { name: t('import.start.button') }).click();
  await waitForText(page.getByTestId('import-stage'), t('import.stage.done'), 60_000);
  await page.getByTestId('import-log-row').first().waitFor();
  await check('22-import-results');

  await page.getByRole('button', { name: t('import.undo') }).click();
  await page.getByRole('alertdialog').waitFor();
  await check('23-import-undo-confirm');
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: t('import.undo') })
    .click();
  await waitForText(page.getByTestId('import-stage'), t('import.stage.undone'));
  await check('24-import-undone');
});
