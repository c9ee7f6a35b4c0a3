import { readFileSync } from 'node:fs';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import {
  adminLogin,
  createAdminRole,
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
import { e2eEnv } from './support/env';

// The CRM's actions and side panels in Strapi's content manager, one story told in order: each
// action is taken through the panel, then its result is read back through the admin API.
jest.setTimeout(180_000);

const stamp = Date.now().toString(36);
const COMPANY = `Initech Panel ${stamp}`;
const LAST = `Panel${stamp}`;
const ADA = { firstName: 'Ada', lastName: LAST, email: `ada.${stamp}@initech.test` };
const BOB = { firstName: 'Bob', lastName: LAST, email: `bob.${stamp}@initech.test` };
const SSN = '287-65-4321';
const CONTACT_UID = 'plugin::crm.contact';
const CUSTOMER_UID = 'plugin::crm.customer';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let root: AdminApi;
const ids: Record<'company' | 'individual' | 'ada' | 'bob' | 'list' | 'bulkList', string> = {
  company: '',
  individual: '',
  ada: '',
  bob: '',
  list: '',
  bulkList: '',
};

const ok = async <T>(
  what: string,
  response: Promise<{ status: number; body: any; text: string }>
): Promise<T> => {
  const answer = await response;
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text}`);
  return answer.body.data as T;
};

beforeAll(async () => {
  root = await superAdmin();
  const company = await ok<{ documentId: string }>(
    'create the company',
    root.request('POST', '/crm/customers', {
      data: {
        type: 'business',
        businessName: COMPANY,
        emails: [{ type: 'work', address: `office.${stamp}@initech.test` }],
      },
    })
  );
  ids.company = company.documentId;
  const individual = await ok<{ documentId: string }>(
    'create the individual',
    root.request('POST', '/crm/customers', {
      data: {
        type: 'individual',
        firstName: 'Ivy',
        lastName: LAST,
        ssn: SSN,
        phones: [{ type: 'cell', number: '(415) 555-0142' }],
        emails: [{ type: 'personal', address: `ivy.${stamp}@example.test` }],
        addresses: [{ type: 'physical', line1: '1 Main St', city: 'Springfield', country: 'US' }],
      },
    })
  );
  ids.individual = individual.documentId;
  for (const [key, person] of [
    ['ada', ADA],
    ['bob', BOB],
  ] as const) {
    const contact = await createEntry(root, CONTACT_UID, {
      ...person,
      jobTitle: 'Engineer',
      company: { connect: [{ documentId: ids.company }] },
    });
    ids[key] = contact.documentId;
  }
  for (const [key, name] of [
    ['list', `Newsletter ${stamp}`],
    ['bulkList', `Bulk mailing ${stamp}`],
  ] as const) {
    const list = await ok<{ documentId: string }>(
      `create the list ${name}`,
      root.request('POST', '/crm/marketing-lists', { data: { name, channel: 'email' } })
    );
    ids[key] = list.documentId;
  }

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  // What the panel's requests were refused with, in the test's output when a step fails.
  page.on('response', (response) => {
    if (response.url().includes('/crm/') && response.status() >= 400)
      console.log(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  await login(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const editView = (uid: string, documentId: string) =>
  `/admin/content-manager/collection-types/${uid}/${documentId}`;

const openContact = async (documentId: string) => {
  await openPage(page, editView(CONTACT_UID, documentId));
  await page.getByTestId('crm-activity').waitFor({ timeout: 60_000 });
};

const MORE = 'More document actions';

/** The names of the edit view panel's document actions (its buttons and its menu's entries). */
const documentActionNames = async (target: Page): Promise<string[]> => {
  const names: string[] = [];
  const more = target.getByRole('button', { name: MORE });
  if (await more.isVisible().catch(() => false)) {
    await more.click();
    names.push(...(await target.getByRole('menuitem').allInnerTexts()));
    await target.keyboard.press('Escape');
  }
  for (const name of ['Generate login', 'Convert to customer', 'Add to marketing list']) {
    if (await target.getByRole('button', { name, exact: true }).isVisible()) names.push(name);
  }
  return names.map((name) => name.trim());
};

const dialog = () => page.getByRole('dialog');

// The CRM's side panels beside the content manager's forms, which the accessibility checks must
// reach (Strapi renders them inside the page's <main>).
const CONTACT_PANELS = ['[data-testid="crm-company"]', '[data-testid="crm-activity"]'];
const CUSTOMER_PANEL = ['[data-testid="crm-cm-customer"]'];

it('shows the contact’s company, linked to its CRM overview, and its activity feed beside the form', async () => {
  await openContact(ids.ada);
  const company = page.getByTestId('crm-company');
  await waitForText(company, COMPANY);
  const link = company.getByRole('link', { name: new RegExp(COMPANY) });
  expect(await link.getAttribute('href')).toBe(`/admin/plugins/crm/customers/${ids.company}`);
  await waitForText(page.getByTestId('crm-activity'), /No activity yet|./);
  await screenshot(page, 'cm-01-contact-side-panels');
  await expectAccessible(page, 'cm-01-contact-side-panels', { covers: CONTACT_PANELS });

  // The link opens the company's overview in the CRM.
  await link.click();
  await page.waitForURL(new RegExp(`/admin/plugins/crm/customers/${ids.company}$`));
  await page.getByTestId('crm-summary').waitFor();
});

it('posts a comment from the activity panel, shown newest first with its author', async () => {
  await openContact(ids.ada);
  const feed = page.getByTestId('crm-activity');
  const text = `Called about the renewal ${stamp}`;
  await feed.getByLabel('Comment').fill(text);
  await feed.getByRole('button', { name: 'Post comment' }).click();
  const first = feed.getByTestId('crm-activity-entry').first();
  await waitForText(first, text).catch(async (error) => {
    await screenshot(page, 'cm-debug-comment');
    throw error;
  });
  expect(await first.innerText()).toContain(e2eEnv().admin.email);
  await screenshot(page, 'cm-02-comment-posted');
  await expectAccessible(page, 'cm-02-comment-posted', { covers: CONTACT_PANELS });

  const activity = await root.request('GET', `/crm/contacts/${ids.ada}/activity`);
  expect(activity.status).toBe(200);
  expect(activity.body.data[0]).toMatchObject({
    body: text,
    authorType: 'admin',
    authorName: e2eEnv().admin.email,
  });
});

it('generates a login with the contact’s e-mail, and shows the server’s refusals in the dialog', async () => {
  await openContact(ids.ada);
  await documentAction(page, 'Generate login', MORE);
  await dialog()
    .getByRole('heading', { name: `Generate a login for Ada ${LAST}` })
    .waitFor();
  const email = dialog().getByLabel('E-mail');
  expect(await email.inputValue()).toBe(ADA.email);
  await screenshot(page, 'cm-03-generate-login-dialog');
  await expectAccessible(page, 'cm-03-generate-login-dialog');
  await dialog().getByRole('button', { name: 'Generate login' }).click();
  await dialog().waitFor({ state: 'detached' });

  const contact = await root.request('GET', `/crm/contacts/${ids.ada}`);
  expect(contact.body.data.isUser).toBe(true);
  const users = await root.request(
    'GET',
    `/content-manager/collection-types/plugin::users-permissions.user?_q=${encodeURIComponent(ADA.email)}`
  );
  expect(users.status).toBe(200);
  expect(users.body.results.map((user: { email: string }) => user.email)).toContain(ADA.email);

  // Again: the contact already has a login (409), said in the dialog, which stays open.
  await documentAction(page, 'Generate login', MORE);
  await dialog().getByRole('button', { name: 'Generate login' }).click();
  await waitForText(dialog(), 'this contact already has a login');
  await screenshot(page, 'cm-04-generate-login-refused');
  await expectAccessible(page, 'cm-04-generate-login-refused');
  await dialog().getByRole('button', { name: 'Cancel' }).click();

  // Another contact with the e-mail now taken by Ada's login.
  await openContact(ids.bob);
  await documentAction(page, 'Generate login', MORE);
  await dialog().getByLabel('E-mail').fill(ADA.email);
  await dialog().getByRole('button', { name: 'Generate login' }).click();
  await waitForText(dialog(), 'this email is already used by another account');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  expect((await root.request('GET', `/crm/contacts/${ids.bob}`)).body.data.isUser).toBe(false);
});

it('adds the contact to a marketing list picked from the existing lists', async () => {
  await openContact(ids.ada);
  await documentAction(page, 'Add to marketing list', MORE);
  await dialog()
    .getByRole('heading', { name: `Add Ada ${LAST} to a marketing list` })
    .waitFor();
  await dialog().getByRole('combobox', { name: 'Marketing list' }).click();
  await page.getByRole('option', { name: new RegExp(`^Newsletter ${stamp}`) }).click();
  await screenshot(page, 'cm-05-add-to-marketing-list');
  await expectAccessible(page, 'cm-05-add-to-marketing-list');
  await dialog().getByRole('button', { name: 'Add to list' }).click();
  await dialog().waitFor({ state: 'detached' });

  const members = await root.request('GET', `/crm/marketing-lists/${ids.list}/members`);
  expect(members.body.data.map((member: { documentId: string }) => member.documentId)).toEqual([
    ids.ada,
  ]);
});

it('converts the contact to a customer after confirmation and opens its CRM overview', async () => {
  await openContact(ids.ada);
  await documentAction(page, 'Convert to customer', MORE);
  const confirm = page.getByRole('alertdialog');
  await waitForText(confirm, `Create an individual customer from Ada ${LAST}`);
  await screenshot(page, 'cm-06-convert-confirm');
  await expectAccessible(page, 'cm-06-convert-confirm');
  await confirm.getByRole('button', { name: 'Convert' }).click();
  await page.waitForURL(/\/admin\/plugins\/crm\/customers\/[^/]+$/);
  await page.getByTestId('crm-summary').waitFor();
  await screenshot(page, 'cm-07-converted-customer-overview');
  await expectAccessible(page, 'cm-07-converted-customer-overview');
  const customerId = /\/customers\/([^/?#]+)$/.exec(page.url())?.[1];

  const contact = await root.request('GET', `/crm/contacts/${ids.ada}`);
  expect(contact.body.data.convertedCustomer?.documentId).toBe(customerId);
  const customer = await root.request('GET', `/crm/customers/${customerId}`);
  expect(customer.status).toBe(200);
  expect(customer.body.data).toMatchObject({
    type: 'individual',
    firstName: 'Ada',
    lastName: LAST,
  });

  // The contact's panel now links to the customer it became.
  await openContact(ids.ada);
  await waitForText(page.getByTestId('crm-company'), 'Converted to customer');
});

describe('contacts list view', () => {
  // Strapi's own count of the selected rows, which its table draws in neutral500 on neutral100
  // (2.95:1) just before the bulk action buttons: not the plugin's markup, so left out of the
  // accessibility check (and the test makes sure the selector finds that count).
  const SELECTED_COUNT = 'main span:has(+ div > button)';

  const openList = async () => {
    await openPage(
      page,
      `/admin/content-manager/collection-types/${CONTACT_UID}?page=1&pageSize=10&_q=${encodeURIComponent(LAST)}`
    );
    await page.getByRole('row', { name: /Bob/ }).first().waitFor();
    await page.getByRole('checkbox', { name: 'Select all entries' }).click();
  };

  it('adds the selected contacts to a marketing list', async () => {
    await openList();
    await page.getByRole('button', { name: 'Add to marketing list' }).waitFor();
    await screenshot(page, 'cm-08-contacts-bulk-actions');
    await waitForText(page.locator(SELECTED_COUNT), '2 entries selected');
    await expectAccessible(page, 'cm-08-contacts-bulk-actions', { exclude: [SELECTED_COUNT] });
    await page.getByRole('button', { name: 'Add to marketing list' }).click();
    await dialog().getByRole('heading', { name: 'Add 2 contacts to a marketing list' }).waitFor();
    await dialog().getByRole('combobox', { name: 'Marketing list' }).click();
    await page.getByRole('option', { name: new RegExp(`^Bulk mailing ${stamp}`) }).click();
    await screenshot(page, 'cm-09-bulk-add-to-marketing-list');
    await expectAccessible(page, 'cm-09-bulk-add-to-marketing-list', {
      exclude: [SELECTED_COUNT],
    });
    await dialog().getByRole('button', { name: 'Add to list' }).click();
    await dialog().waitFor({ state: 'detached' });

    const members = await root.request('GET', `/crm/marketing-lists/${ids.bulkList}/members`);
    expect(
      members.body.data.map((member: { documentId: string }) => member.documentId).sort()
    ).toEqual([ids.ada, ids.bob].sort());
  });

  it('exports the selected contacts as CSV', async () => {
    await openList();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(ADA.email);
    expect(csv).toContain(BOB.email);
    expect(csv).toContain(COMPANY);

    // The same file as the admin route answers for those contacts.
    const direct = await root.request(
      'GET',
      `/crm/contacts/export?contacts=${ids.ada}&contacts=${ids.bob}`
    );
    expect(direct.status).toBe(200);
    expect(csv.replace(/^\uFEFF/, '')).toBe(direct.text.replace(/^\uFEFF/, ''));
  });
});

it('shows the customer as the CRM does beside its form: primaries, masked SSN with Reveal, links', async () => {
  await openPage(page, editView(CUSTOMER_UID, ids.individual));
  const panel = page.getByTestId('crm-cm-customer');
  await waitForText(panel.getByTestId('crm-cm-customer-number'), /C-\d{6}/);
  await waitForText(panel.getByTestId('crm-cm-primary-email'), `ivy.${stamp}@example.test`);
  await waitForText(panel.getByTestId('crm-cm-primary-phone'), '+1 415 555 0142');
  await waitForText(panel.getByTestId('crm-ssn'), '***-**-4321');
  expect(await panel.getByRole('link', { name: 'Network' }).getAttribute('href')).toBe(
    `/admin/plugins/crm/customers/${ids.individual}/network`
  );
  await screenshot(page, 'cm-10-customer-side-panel');
  await expectAccessible(page, 'cm-10-customer-side-panel', { covers: CUSTOMER_PANEL });

  await panel.getByRole('button', { name: 'Reveal' }).click();
  await waitForText(panel.getByTestId('crm-ssn'), SSN);
  await screenshot(page, 'cm-11-customer-ssn-revealed');
  await expectAccessible(page, 'cm-11-customer-ssn-revealed', { covers: CUSTOMER_PANEL });

  await documentAction(page, 'Open in CRM', MORE);
  await page.waitForURL(new RegExp(`/admin/plugins/crm/customers/${ids.individual}$`));
  await page.getByTestId('crm-summary').waitFor();
});

it('hides each action from an admin role without it, and the server refuses it', async () => {
  // Reads and edits contacts and customers in the content manager (every field), reads the CRM,
  // and holds none of the CRM's other actions.
  const types = await root.request('GET', '/content-manager/content-types');
  const fieldsOf = (uid: string): string[] => {
    const type = types.body.data.find((entry: { uid: string }) => entry.uid === uid);
    return Object.keys(type.attributes).filter(
      (name) =>
        !['id', 'documentId', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'].includes(name)
    );
  };
  const role = await createAdminRole(root, `CRM reader in the content manager ${stamp}`);
  const contentManager = [CONTACT_UID, CUSTOMER_UID].flatMap((uid) =>
    ['read', 'update'].map((action) => ({
      action: `plugin::content-manager.explorer.${action}`,
      subject: uid,
      properties: { fields: fieldsOf(uid) },
      conditions: [],
    }))
  );
  const granted = await root.request('PUT', `/admin/roles/${role.id}/permissions`, {
    permissions: [
      { action: 'plugin::crm.read', subject: null, properties: {}, conditions: [] },
      ...contentManager,
    ],
  });
  expect(granted.status).toBe(200);
  const user = await createAdminUser(root, {
    email: `cm-reader-${stamp}@crm.test`,
    password: 'Cm-Reader-Password-1',
    roles: [role.id],
  });

  const reader = await newPage(browser);
  try {
    await login(reader.page, user);
    await openPage(reader.page, editView(CONTACT_UID, ids.bob));
    const feed = reader.page.getByTestId('crm-activity');
    await feed.waitFor();
    await waitForText(reader.page.getByTestId('crm-company'), COMPANY);
    expect(await feed.getByRole('button', { name: 'Post comment' }).count()).toBe(0);
    const names = await documentActionNames(reader.page);
    for (const hidden of ['Generate login', 'Convert to customer', 'Add to marketing list'])
      expect(names).not.toContain(hidden);
    await screenshot(reader.page, 'cm-12-reader-contact-without-actions');
    await expectAccessible(reader.page, 'cm-12-reader-contact-without-actions', {
      covers: CONTACT_PANELS,
    });

    await openPage(reader.page, editView(CUSTOMER_UID, ids.individual));
    const panel = reader.page.getByTestId('crm-cm-customer');
    await waitForText(panel.getByTestId('crm-ssn'), '***-**-4321');
    expect(await panel.getByRole('button', { name: 'Reveal' }).count()).toBe(0);
    await screenshot(reader.page, 'cm-13-reader-customer-without-reveal');
    await expectAccessible(reader.page, 'cm-13-reader-customer-without-reveal', {
      covers: CUSTOMER_PANEL,
    });

    await openPage(
      reader.page,
      `/admin/content-manager/collection-types/${CONTACT_UID}?page=1&pageSize=10&_q=${encodeURIComponent(LAST)}`
    );
    await reader.page.getByRole('row', { name: /Bob/ }).first().waitFor();
    await reader.page.getByRole('checkbox', { name: 'Select all entries' }).click();
    await reader.page.getByRole('button', { name: 'Export as CSV' }).waitFor();
    expect(await reader.page.getByRole('button', { name: 'Add to marketing list' }).count()).toBe(
      0
    );
  } finally {
    await reader.context.close();
  }

  const api = await adminLogin(user.email, user.password);
  const refused = [
    await api.request('POST', `/crm/contacts/${ids.bob}/generate-login`, { email: BOB.email }),
    await api.request('POST', `/crm/contacts/${ids.bob}/convert`),
    await api.request('POST', `/crm/marketing-lists/${ids.list}/members`, {
      contacts: [ids.bob],
    }),
    await api.request('POST', `/crm/contacts/${ids.bob}/activity`, { data: { body: 'Hello' } }),
  ];
  expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403]);
  expect((await api.request('GET', `/crm/contacts/${ids.bob}/activity`)).status).toBe(200);
});
