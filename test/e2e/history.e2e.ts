import { readFileSync } from 'node:fs';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { ERASED_PERSON_NAME } from '../../src/plugins/crm/contracts';
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
} from './support/browser';

/**
 * The change history and the personal data in the browser: a customer's timeline shows each
 * change with its values before and after and who made it; a revert sets a change back, and one
 * the record moved on from shows the server's refusal in place; the personal data downloads as
 * JSON and as a zip; an erasure asks first, then leaves the person's data gone; the contact's page
 * and the content manager's side panels show the same; an admin without the actions sees no
 * revert, export or erase.
 */
jest.setTimeout(300_000);

const stamp = Date.now().toString(36);
const LAST = `Lamarr${stamp}`;
const MARRIED = `Markey${stamp}`;
const EMAIL = `hedy.${stamp}@history.test`;
const CONTACT_UID = 'plugin::crm.contact';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;
const ids: Record<string, string> = {};

interface Entry {
  documentId: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

const ok = async (what: string, response: Promise<{ status: number; text: string; body: any }>) => {
  const answer = await response;
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text}`);
  return answer.body;
};

const updateCustomer = (data: Record<string, unknown>) =>
  ok('update the customer', api.request('PUT', `/crm/customers/${ids.customer}`, { data }));

/** The customer's history entries that changed `field`, newest first, as the server answers them. */
const entriesOf = async (field: string): Promise<Entry[]> =>
  (
    await ok(
      'read the history',
      api.request('GET', `/crm/customers/${ids.customer}/history?field=${field}&pageSize=50`)
    )
  ).data;

const readCustomer = async () =>
  (await ok('read the customer', api.request('GET', `/crm/customers/${ids.customer}`))).data;

const openOverview = async (target = page) => {
  await openPage(target, `/admin/plugins/crm/customers/${ids.customer}`);
  await target.getByTestId('crm-summary').waitFor();
  await target.getByTestId('crm-history').waitFor();
};

const timeline = (target = page) => target.getByTestId('crm-history-section');
const entryRow = (documentId: string, target = page) =>
  target.locator(`[data-testid="crm-history-entry"][data-entry="${documentId}"]`);

beforeAll(async () => {
  api = await superAdmin();
  const created = await ok(
    'create the customer',
    api.request('POST', '/crm/customers', {
      data: {
        type: 'individual',
        firstName: 'Hedy',
        lastName: LAST,
        emails: [{ type: 'personal', address: EMAIL }],
        phones: [{ type: 'cell', number: '(415) 555-0177' }],
      },
    })
  );
  ids.customer = created.data.documentId;
  await updateCustomer({ lastName: MARRIED });
  // The same person as a company's contact, found by the same e-mail.
  const company = await ok(
    'create the company',
    api.request('POST', '/crm/customers', {
      data: { type: 'business', businessName: `Studio ${stamp}` },
    })
  );
  ids.company = company.data.documentId;
  ids.contact = (
    await createEntry(api, CONTACT_UID, {
      firstName: 'Hedy',
      lastName: LAST,
      email: EMAIL,
      company: { connect: [{ documentId: ids.company }] },
    })
  ).documentId;

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
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

it("shows an update on the customer's timeline with its values before and after and its actor", async () => {
  const [update] = await entriesOf('lastName');
  expect(update).toMatchObject({ action: 'update' });
  await openOverview();
  const row = entryRow(update.documentId);
  await row.waitFor();
  const change = row.locator('[data-testid="crm-history-change"][data-field="lastName"]');
  await waitForText(change.getByTestId('crm-history-before'), LAST);
  await waitForText(change.getByTestId('crm-history-after'), MARRIED);
  await waitForText(row.getByTestId('crm-history-actor'), /^by .+ \(admin\)$/);
  await waitForText(row, 'Updated');
  // Its contact points' entries are in the customer's history too.
  await waitForText(timeline(), EMAIL);
  await timeline().scrollIntoViewIfNeeded();
  await screenshot(page, 'history-01-timeline');
  await expectAccessible(page, 'history-01-timeline');
});

it('reverts an update, and shows why a change the record moved on from cannot be', async () => {
  await updateCustomer({ middleName: 'Eva' });
  await updateCustomer({ middleName: 'Maria' });
  const [latest, older] = await entriesOf('middleName');
  expect(latest.changes).toEqual([{ field: 'middleName', before: 'Eva', after: 'Maria' }]);

  await openOverview();
  // The older change: the middle name changed since, so the server refuses it.
  await entryRow(older.documentId).getByRole('button', { name: 'Revert' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByText(/go back to their values before the change/).waitFor();
  await screenshot(page, 'history-02-revert-confirm');
  await expectAccessible(page, 'history-02-revert-confirm');
  await confirm.getByRole('button', { name: 'Revert' }).click();
  await confirm.waitFor({ state: 'detached' });
  const refusal = entryRow(older.documentId).getByRole('alert');
  await waitForText(refusal, /middleName/);
  await screenshot(page, 'history-03-revert-refused');
  await expectAccessible(page, 'history-03-revert-refused');
  expect((await readCustomer()).middleName).toBe('Maria');

  await entryRow(latest.documentId).getByRole('button', { name: 'Revert' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revert' }).click();
  await page.getByText('Change reverted').first().waitFor();
  expect((await readCustomer()).middleName).toBe('Eva');
  // The revert is a change of its own, at the top of the timeline.
  const [revert] = await entriesOf('middleName');
  expect(revert.changes).toEqual([{ field: 'middleName', before: 'Maria', after: 'Eva' }]);
  await entryRow(revert.documentId).waitFor();
  await screenshot(page, 'history-04-reverted');
});

it("downloads the customer's personal data as JSON and as a zip", async () => {
  await openOverview();
  const section = page.getByTestId('crm-personal-data-section');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'history-05-personal-data');
  await expectAccessible(page, 'history-05-personal-data');

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export personal data (JSON)' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const document = readFileSync((await json.path())!, 'utf8');
  expect(JSON.parse(document)).toHaveProperty('data');
  expect(document).toContain(MARRIED);
  expect(document).toContain(EMAIL);

  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Export personal data (zip of CSV files)' }).click(),
  ]);
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const bytes = readFileSync((await zip.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

it("shows the contact's history on its page and in the content manager's side panels", async () => {
  await openPage(page, `/admin/plugins/crm/contacts/${ids.contact}`);
  const section = timeline();
  await waitForText(section.getByTestId('crm-history-entry'), 'Created');
  await page.getByTestId('crm-personal-data-section').waitFor();
  await screenshot(page, 'history-06-contact-page');
  await expectAccessible(page, 'history-06-contact-page');

  await openPage(page, `/admin/content-manager/collection-types/${CONTACT_UID}/${ids.contact}`);
  await waitForText(page.getByTestId('crm-history').getByTestId('crm-history-entry'), 'Created');
  await page.getByTestId('crm-personal-data').waitFor();
  await screenshot(page, 'history-07-content-manager-panels');
  await expectAccessible(page, 'history-07-content-manager-panels', {
    covers: ['[data-testid="crm-history"]', '[data-testid="crm-personal-data"]'],
  });
});

it('erases the person after saying what goes, with the contacts that are the same person', async () => {
  await openOverview();
  const section = page.getByTestId('crm-personal-data-section');
  await section.getByRole('button', { name: 'Erase personal data' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm
    .getByText(`Names are replaced by “${ERASED_PERSON_NAME}” and a reference.`)
    .waitFor();
  await confirm.getByText(/same e-mail address or phone number are erased too/).waitFor();
  await confirm.getByText(/erasure list/).waitFor();
  await screenshot(page, 'history-08-erase-confirm');
  await expectAccessible(page, 'history-08-erase-confirm');
  await confirm.getByRole('button', { name: 'Erase', exact: true }).click();
  await page.getByText('Personal data erased').first().waitFor();
  await waitForText(page.locator('main h1'), ERASED_PERSON_NAME);
  await screenshot(page, 'history-09-erased');
  await expectAccessible(page, 'history-09-erased');

  const customer = await readCustomer();
  expect(JSON.stringify(customer)).not.toContain(MARRIED);
  expect(customer.emails ?? []).toEqual([]);
  expect(customer.phones ?? []).toEqual([]);
  const contact = await ok('read the contact', api.request('GET', `/crm/contacts/${ids.contact}`));
  expect(JSON.stringify(contact)).not.toContain(EMAIL);
  // The history keeps the changes, not the values.
  const history = JSON.stringify(
    await ok('read the history', api.request('GET', `/crm/customers/${ids.customer}/history`))
  );
  expect(history).not.toContain(MARRIED);
  expect(history).not.toContain(EMAIL);
});

it('keeps the erased e-mail off the CRM until it is taken off the erasure list', async () => {
  const bringBack = () =>
    api.request('POST', '/crm/customers', {
      data: {
        type: 'individual',
        firstName: 'Hedy',
        lastName: `Again${stamp}`,
        emails: [{ type: 'personal', address: EMAIL }],
      },
    });
  const refused = await bringBack();
  expect(refused.status).toBe(409);
  expect(refused.body.error.message).toMatch(/asked to be erased/);

  await openPage(page, '/admin/plugins/crm/erasures');
  // The customer's e-mail and its contact's (the same address) are listed as e-mail hashes.
  const emails = page.getByTestId('crm-erasure').filter({ hasText: 'E-mail address' });
  await emails.first().waitFor();
  await screenshot(page, 'history-10-erasure-list');
  await expectAccessible(page, 'history-10-erasure-list');
  for (let left = await emails.count(); left > 0; left -= 1) {
    const shown = await page.getByTestId('crm-erasure').count();
    await emails.first().getByRole('button', { name: 'Take off the list' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Take off the list' }).click();
    await page.getByText('Taken off the erasure list').first().waitFor();
    await page.waitForFunction(
      (count) =>
        (
          globalThis as unknown as {
            document: { querySelectorAll(selector: string): { length: number } };
          }
        ).document.querySelectorAll('[data-testid="crm-erasure"]').length < count,
      shown
    );
  }
  expect(await emails.count()).toBe(0);
  expect((await bringBack()).status).toBe(201);
});

it('shows an admin without the actions the timeline but no revert, export or erase', async () => {
  const role = await createAdminRole(api, `History reader ${stamp}`, [
    { action: 'plugin::crm.read' },
    { action: 'plugin::content-manager.explorer.read', subject: CONTACT_UID },
  ]);
  const user = await createAdminUser(api, {
    email: `history-reader-${stamp}@crm.test`,
    password: 'History-Reader-Password-1',
    roles: [role.id],
  });
  const reader = await newPage(browser);
  try {
    await login(reader.page, user);
    await openOverview(reader.page);
    await reader.page.getByTestId('crm-history-entry').first().waitFor();
    expect(await timeline(reader.page).getByRole('button', { name: 'Revert' }).count()).toBe(0);
    expect(await reader.page.getByTestId('crm-personal-data-section').count()).toBe(0);
    expect(await reader.page.getByRole('button', { name: /Export personal data/ }).count()).toBe(0);
    await screenshot(reader.page, 'history-11-reader');
    await expectAccessible(reader.page, 'history-11-reader');

    await openPage(
      reader.page,
      `/admin/content-manager/collection-types/${CONTACT_UID}/${ids.contact}`
    );
    await reader.page.getByTestId('crm-history').waitFor();
    expect(await reader.page.getByTestId('crm-personal-data').count()).toBe(0);
    expect(await reader.page.getByRole('button', { name: 'Revert' }).count()).toBe(0);
  } finally {
    await reader.context.close();
  }

  // The server refuses them the same.
  const readerApi = await adminLogin(user.email, user.password);
  const [entry] = await entriesOf('middleName');
  const refused = [
    await readerApi.request('POST', `/crm/history/${entry.documentId}/revert`),
    await readerApi.request('GET', `/crm/customers/${ids.customer}/personal-data`),
    await readerApi.request('POST', `/crm/contacts/${ids.contact}/erase`),
  ];
  expect(refused.map((response) => response.status)).toEqual([403, 403, 403]);
});
