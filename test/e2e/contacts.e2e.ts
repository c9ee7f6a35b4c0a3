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
  chooseOption,
  launchBrowser,
  login,
  newPage,
  openPage,
  screenshot,
  waitForText,
} from './support/browser';

/**
 * The Contacts page in the browser: the search field focused on open, search by name, e-mail and
 * company, active contacts only unless "Show inactive", the company filter; a contact's page with
 * its actions (generate login and its refusal, add to marketing list, convert to customer) and its
 * activity feed; an admin without the actions sees none of them and the server refuses them. Each
 * change is checked through the admin API as well.
 */
jest.setTimeout(300_000);

const stamp = Date.now().toString(36);
const CONTACT = 'plugin::crm.contact';
const COMPANY = `Contoso ${stamp}`;
const OTHER = `Fabrikam ${stamp}`;
const LAST = `Kay${stamp}`;
const ADA_EMAIL = `ada.${stamp}@contacts.test`;
const LIST = `Newsletter ${stamp}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;
const ids: Record<string, string> = {};

const createCustomer = async (businessName: string) => {
  const response = await api.request('POST', '/crm/customers', {
    data: { type: 'business', businessName },
  });
  if (response.status !== 201) throw new Error(`customer: ${response.status} ${response.text}`);
  return response.body.data as { documentId: string; customerNumber: string };
};

const contact = async (documentId: string) => {
  const response = await api.request('GET', `/crm/contacts/${documentId}`);
  expect(response.status).toBe(200);
  return response.body.data as {
    isUser: boolean;
    convertedCustomer: { documentId: string } | null;
    marketingLists: { documentId: string; name: string }[];
  };
};

beforeAll(async () => {
  api = await superAdmin();
  const company = await createCustomer(COMPANY);
  const other = await createCustomer(OTHER);
  ids.company = company.documentId;
  ids.companyNumber = company.customerNumber;
  const make = async (data: Record<string, unknown>, companyId: string) =>
    (
      await createEntry(api, CONTACT, {
        ...data,
        company: { connect: [{ documentId: companyId }] },
      })
    ).documentId;
  ids.ada = await make(
    { firstName: 'Ada', lastName: LAST, jobTitle: 'Buyer', email: ADA_EMAIL },
    ids.company
  );
  ids.ian = await make(
    { firstName: 'Ian', lastName: LAST, email: `ian.${stamp}@contacts.test`, active: false },
    ids.company
  );
  ids.bea = await make(
    { firstName: 'Bea', lastName: LAST, email: `bea.${stamp}@contacts.test` },
    other.documentId
  );
  const list = await api.request('POST', '/crm/marketing-lists', {
    data: { name: LIST, channel: 'email' },
  });
  expect(list.status).toBe(201);
  ids.list = list.body.data.documentId;

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const table = () => page.getByRole('grid', { name: 'Contacts' });
const rowNames = async () =>
  (await table().locator('tbody tr').allInnerTexts()).map((text) => text.split(/[\t\n]/)[0].trim());

const search = async (q: string) => {
  const box = page.getByRole('searchbox', { name: 'Search contacts' });
  await box.fill(q);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === q);
};

it('opens from the CRM pages with the search field focused, and finds active contacts', async () => {
  await openPage(page, '/admin/plugins/crm');
  await page
    .getByRole('navigation', { name: 'CRM pages' })
    .getByRole('link', { name: 'Contacts' })
    .click();
  await page.waitForURL(/\/admin\/plugins\/crm\/contacts$/);
  const box = page.getByRole('searchbox', { name: 'Search contacts' });
  await box.waitFor();
  // Runs in the page; the test project is compiled without the DOM library.
  const focused = await page.evaluate(() => {
    const dom = globalThis as unknown as {
      document: { activeElement: { getAttribute(name: string): string | null } | null };
    };
    return dom.document.activeElement?.getAttribute('name');
  });
  expect(focused).toBe('q');

  // Typing straight away searches: the field has the focus.
  await page.keyboard.type(LAST);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === LAST);
  await waitForText(table(), `Bea ${LAST}`);
  expect((await rowNames()).sort()).toEqual([`Ada ${LAST}`, `Bea ${LAST}`]);
  const row = table().locator('tbody tr', { hasText: `Ada ${LAST}` });
  const text = await row.innerText();
  expect(text).toContain(COMPANY);
  expect(text).toContain('Buyer');
  expect(text).toContain(ADA_EMAIL);
  expect(text).toMatch(/\bActive\b/i);
  await screenshot(page, 'contacts-01-search');
  await expectAccessible(page, 'contacts-01-search');

  // The server answers the same.
  const answer = await api.request('GET', `/crm/contacts?q=${encodeURIComponent(LAST)}`);
  expect(answer.body.data.map((item: { documentId: string }) => item.documentId).sort()).toEqual(
    [ids.ada, ids.bea].sort()
  );
});

it('finds by e-mail and by company name', async () => {
  await search(ADA_EMAIL);
  await waitForText(table(), `Ada ${LAST}`);
  expect(await rowNames()).toEqual([`Ada ${LAST}`]);
  await search(OTHER);
  await waitForText(table(), `Bea ${LAST}`);
  expect(await rowNames()).toEqual([`Bea ${LAST}`]);
});

it('shows inactive contacts on demand', async () => {
  await search(LAST);
  await waitForText(table(), `Bea ${LAST}`);
  const toggle = page.getByRole('checkbox', { name: 'Show inactive' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await page.waitForURL((url) => url.searchParams.get('inactive') === 'true');
  await waitForText(table(), `Ian ${LAST}`);
  expect((await rowNames()).sort()).toEqual([`Ada ${LAST}`, `Bea ${LAST}`, `Ian ${LAST}`]);
  await expect(
    table()
      .locator('tbody tr', { hasText: `Ian ${LAST}` })
      .innerText()
  ).resolves.toMatch(/Inactive/i);
  const answer = await api.request(
    'GET',
    `/crm/contacts?q=${encodeURIComponent(LAST)}&includeInactive=true`
  );
  expect(answer.body.data).toHaveLength(3);
  await screenshot(page, 'contacts-02-inactive-shown');
  await expectAccessible(page, 'contacts-02-inactive-shown');
});

it('filters by company', async () => {
  await page.getByRole('button', { name: 'Filter by company' }).click();
  const picker = page.getByRole('textbox', { name: 'Filter by company' });
  await picker.fill(COMPANY);
  await picker.press('Enter');
  await page.getByRole('radio', { name: new RegExp(`^${COMPANY}`) }).click();
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('company') === ids.company);
  await waitForText(page.getByTestId('crm-contacts-company-filter'), COMPANY);
  // The table reloads: wait for the filtered rows (the old ones, then none, then the new ones).
  const filtered = async () => {
    const names = await rowNames();
    return names.length > 0 && !names.includes(`Bea ${LAST}`);
  };
  for (let i = 0; i < 100 && !(await filtered()); i += 1)
    await new Promise((resolve) => setTimeout(resolve, 200));
  expect((await rowNames()).sort()).toEqual([`Ada ${LAST}`, `Ian ${LAST}`]);
  const answer = await api.request(
    'GET',
    `/crm/contacts?company=${ids.company}&includeInactive=true`
  );
  expect(answer.body.data.map((item: { documentId: string }) => item.documentId).sort()).toEqual(
    [ids.ada, ids.ian].sort()
  );
  await screenshot(page, 'contacts-03-company-filter');
  await expectAccessible(page, 'contacts-03-company-filter');
  await page.getByRole('button', { name: 'Any company' }).click();
  await waitForText(table(), `Bea ${LAST}`);
});

const openContact = async (documentId: string, name: string) => {
  await openPage(page, `/admin/plugins/crm/contacts/${documentId}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
};

it('opens a contact from the list: its details, lists and activity', async () => {
  await openPage(page, `/admin/plugins/crm/contacts?q=${encodeURIComponent(LAST)}`);
  const link = table().getByRole('link', { name: `Ada ${LAST}` });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/contacts/${ids.ada}$`));
  await page.getByRole('heading', { name: `Ada ${LAST}`, level: 1 }).waitFor();
  const details = page.getByTestId('crm-contact-details');
  await waitForText(details, ADA_EMAIL);
  await expect(
    details.getByRole('link', { name: new RegExp(COMPANY) }).getAttribute('href')
  ).resolves.toBe(`/admin/plugins/crm/customers/${ids.company}`);
  await screenshot(page, 'contacts-04-contact');
  await expectAccessible(page, 'contacts-04-contact');
});

it('generates a login, and shows why a second one for the same e-mail is refused', async () => {
  await openContact(ids.ada, `Ada ${LAST}`);
  await page.getByRole('button', { name: 'Generate login' }).click();
  const dialog = page.getByRole('dialog');
  const email = dialog.getByRole('textbox', { name: /E-mail/ });
  await expect(email.inputValue()).resolves.toBe(ADA_EMAIL);
  await screenshot(page, 'contacts-05-generate-login');
  await expectAccessible(page, 'contacts-05-generate-login');
  await dialog.getByRole('button', { name: 'Generate login' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: `Ada ${LAST}`, level: 1 }).waitFor();
  await expect(contact(ids.ada)).resolves.toMatchObject({ isUser: true });
  // A contact with a login is not offered another.
  await expect(page.getByRole('button', { name: 'Generate login' }).count()).resolves.toBe(0);

  // Bea asks for the e-mail Ada's login already has: the server's 409 is shown in the dialog.
  await openContact(ids.bea, `Bea ${LAST}`);
  await page.getByRole('button', { name: 'Generate login' }).click();
  const second = page.getByRole('dialog');
  await second.getByRole('textbox', { name: /E-mail/ }).fill(ADA_EMAIL);
  await second.getByRole('button', { name: 'Generate login' }).click();
  const direct = await api.request('POST', `/crm/contacts/${ids.bea}/generate-login`, {
    email: ADA_EMAIL,
  });
  expect(direct.status).toBe(409);
  await waitForText(second, direct.body.error.message);
  await screenshot(page, 'contacts-06-generate-login-refused');
  await expectAccessible(page, 'contacts-06-generate-login-refused');
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(contact(ids.bea)).resolves.toMatchObject({ isUser: false });
});

it('adds the contact to a marketing list', async () => {
  await openContact(ids.ada, `Ada ${LAST}`);
  await page.getByRole('button', { name: 'Add to marketing list' }).click();
  const dialog = page.getByRole('dialog');
  await chooseOption(page, 'Marketing list', new RegExp(`^${LIST}`));
  await screenshot(page, 'contacts-07-add-to-list');
  await expectAccessible(page, 'contacts-07-add-to-list');
  await dialog.getByRole('button', { name: 'Add to list' }).click();
  await dialog.waitFor({ state: 'detached' });
  await waitForText(page.getByTestId('crm-contact-lists'), LIST);
  const after = await contact(ids.ada);
  expect(after.marketingLists.map((list) => list.documentId)).toContain(ids.list);
  const members = await api.request('GET', `/crm/marketing-lists/${ids.list}/members`);
  expect(members.body.data.map((member: { documentId: string }) => member.documentId)).toContain(
    ids.ada
  );
});

it('posts a comment to the activity feed, shown newest first with its author', async () => {
  await openContact(ids.ada, `Ada ${LAST}`);
  const feed = page.getByTestId('crm-contact-activity');
  const body = `Called about the renewal ${stamp}`;
  await feed.getByRole('textbox', { name: 'Comment' }).fill(body);
  await feed.getByRole('button', { name: 'Post comment' }).click();
  await waitForText(feed.getByTestId('crm-activity-entry').first(), body);
  const activity = await api.request('GET', `/crm/contacts/${ids.ada}/activity`);
  expect(activity.status).toBe(200);
  expect(activity.body.data[0]).toMatchObject({ body, authorType: 'admin' });
  const author = activity.body.data[0].authorName as string;
  expect(author).toBeTruthy();
  await waitForText(feed.getByTestId('crm-activity-author').first(), author);
  await feed.scrollIntoViewIfNeeded();
  await screenshot(page, 'contacts-08-activity');
  await expectAccessible(page, 'contacts-08-activity');
});

it('converts the contact to a customer, then links to it', async () => {
  await openContact(ids.ada, `Ada ${LAST}`);
  await page.getByRole('button', { name: 'Convert to customer' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('button', { name: 'Convert to customer' }).click();
  await confirm.waitFor({ state: 'detached' });
  const link = page.getByTestId('crm-contact-converted');
  await link.waitFor();
  const converted = (await contact(ids.ada)).convertedCustomer;
  expect(converted).not.toBeNull();
  await expect(link.getAttribute('href')).resolves.toBe(
    `/admin/plugins/crm/customers/${converted!.documentId}`
  );
  const customer = await api.request('GET', `/crm/customers/${converted!.documentId}`);
  expect(customer.status).toBe(200);
  expect(customer.body.data).toMatchObject({
    type: 'individual',
    firstName: 'Ada',
    lastName: LAST,
  });
  await expect(page.getByRole('button', { name: 'Convert to customer' }).count()).resolves.toBe(0);
  await screenshot(page, 'contacts-09-converted');
  await expectAccessible(page, 'contacts-09-converted');
});

describe('an admin who may only read', () => {
  let reader: { context: BrowserContext; page: Page };
  let readerApi: AdminApi;

  beforeAll(async () => {
    const role = await createAdminRole(api, `Contacts reader ${stamp}`, [
      { action: 'plugin::crm.read' },
    ]);
    const user = await createAdminUser(api, {
      email: `reader.${stamp}@contacts.test`,
      password: 'Reader-password-1',
      roles: [role.id],
    });
    readerApi = await adminLogin(user.email, user.password);
    reader = await newPage(browser);
    await login(reader.page, { email: user.email, password: user.password });
  });
  afterAll(async () => {
    await reader?.context.close();
  });

  it('sees no contact action and cannot post, and the server refuses each', async () => {
    await openPage(reader.page, `/admin/plugins/crm/contacts/${ids.bea}`);
    await reader.page.getByRole('heading', { name: `Bea ${LAST}`, level: 1 }).waitFor();
    await reader.page.getByTestId('crm-contact-activity').waitFor();
    for (const name of ['Generate login', 'Convert to customer', 'Add to marketing list'])
      await expect(reader.page.getByRole('button', { name }).count()).resolves.toBe(0);
    await expect(reader.page.getByRole('textbox', { name: 'Comment' }).count()).resolves.toBe(0);
    await screenshot(reader.page, 'contacts-10-reader');
    await expectAccessible(reader.page, 'contacts-10-reader');

    const refused = [
      await readerApi.request('POST', `/crm/contacts/${ids.bea}/generate-login`, {
        email: `x.${stamp}@contacts.test`,
      }),
      await readerApi.request('POST', `/crm/contacts/${ids.bea}/convert`),
      await readerApi.request('POST', `/crm/contacts/${ids.bea}/activity`, {
        data: { body: 'no' },
      }),
      await readerApi.request('POST', `/crm/marketing-lists/${ids.list}/members`, {
        contacts: [ids.bea],
      }),
    ];
    expect(refused.map((response) => response.status)).toEqual([403, 403, 403, 403]);
  });

  it('sees the marketing lists but cannot create one or remove members', async () => {
    await openPage(reader.page, '/admin/plugins/crm/marketing-lists');
    await reader.page.getByRole('link', { name: LIST }).waitFor();
    await expect(reader.page.getByRole('button', { name: 'New list' }).count()).resolves.toBe(0);
    await reader.page.getByRole('link', { name: LIST }).click();
    await reader.page.getByRole('heading', { name: LIST, level: 1 }).waitFor();
    await reader.page.getByRole('button', { name: 'Export CSV' }).waitFor();
    await reader.page.getByRole('grid', { name: 'Members' }).waitFor();
    await expect(reader.page.getByRole('checkbox').count()).resolves.toBe(0);
    await expect(reader.page.getByRole('button', { name: /^Remove/ }).count()).resolves.toBe(0);
    const created = await readerApi.request('POST', '/crm/marketing-lists', {
      data: { name: `Refused ${stamp}`, channel: 'email' },
    });
    const removed = await readerApi.request(
      'POST',
      `/crm/marketing-lists/${ids.list}/members/remove`,
      { contacts: [ids.ada] }
    );
    expect([created.status, removed.status]).toEqual([403, 403]);
  });
});
