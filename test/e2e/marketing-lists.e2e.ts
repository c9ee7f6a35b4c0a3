import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { createEntry, superAdmin, type AdminApi } from './support/admin-api';
import { expectAccessible } from './support/axe';
import {
  chooseOption,
  launchBrowser,
  login,
  newPage,
  openPage,
  RESULTS_DIR,
  screenshot,
  waitForText,
} from './support/browser';

/**
 * The Marketing lists page in the browser: the lists with their counts by channel, a new list,
 * a list's members with whether its export reaches them and why not, "Export CSV" downloading the
 * server's file and then naming who was left out, and removing members after a confirmation.
 * Each is checked through the admin API as well.
 */
jest.setTimeout(240_000);

const stamp = Date.now().toString(36);
const CONTACT = 'plugin::crm.contact';
const LIST = `Spring offer ${stamp}`;
const NEW_LIST = `Call round ${stamp}`;
const LAST = `Lin${stamp}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;
const ids: Record<string, string> = {};

const summary = async (documentId: string) => {
  const response = await api.request('GET', `/crm/marketing-lists/${documentId}`);
  expect(response.status).toBe(200);
  return response.body.data as {
    name: string;
    channel: string;
    counts: { members: number; exported: number; reachable: Record<string, number> };
  };
};
const memberIds = async (documentId: string, query = '') =>
  (
    (await api.request('GET', `/crm/marketing-lists/${documentId}/members?pageSize=100${query}`))
      .body.data as { documentId: string }[]
  ).map((member) => member.documentId);

beforeAll(async () => {
  api = await superAdmin();
  const make = async (data: Record<string, unknown>) =>
    (await createEntry(api, CONTACT, { lastName: LAST, ...data })).documentId;
  ids.mia = await make({ firstName: 'Mia', email: `mia.${stamp}@lists.test` });
  ids.ned = await make({ firstName: 'Ned', mobilePhone: '+14155550100' });
  ids.ola = await make({ firstName: 'Ola', email: `ola.${stamp}@lists.test`, doNotEmail: true });
  ids.pia = await make({ firstName: 'Pia', email: `pia.${stamp}@lists.test`, active: false });
  const list = await api.request('POST', '/crm/marketing-lists', {
    data: { name: LIST, channel: 'email' },
  });
  expect(list.status).toBe(201);
  ids.list = list.body.data.documentId;
  const added = await api.request('POST', `/crm/marketing-lists/${ids.list}/members`, {
    contacts: [ids.mia, ids.ned, ids.ola, ids.pia],
  });
  expect(added.status).toBeLessThan(300);

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

it('lists the marketing lists with their counts by channel', async () => {
  await openPage(page, '/admin/plugins/crm');
  await page
    .getByRole('navigation', { name: 'CRM pages' })
    .getByRole('link', { name: 'Marketing lists' })
    .click();
  await page.waitForURL(/\/admin\/plugins\/crm\/marketing-lists$/);
  const row = page.getByRole('grid', { name: 'Marketing lists' }).locator('tbody tr', {
    hasText: LIST,
  });
  await row.waitFor();
  const counts = (await summary(ids.list)).counts;
  expect(counts.members).toBe(4);
  expect(counts.exported).toBe(1);
  const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
  // Name, channel, members, in the export, reachable by e-mail, phone and mail, created.
  expect(cells.slice(0, 7)).toEqual([
    LIST,
    'Email',
    String(counts.members),
    String(counts.exported),
    String(counts.reachable.email),
    String(counts.reachable.phone),
    String(counts.reachable.mail),
  ]);
  await screenshot(page, 'marketing-lists-01-index');
  await expectAccessible(page, 'marketing-lists-01-index');
});

it('creates a list', async () => {
  await openPage(page, '/admin/plugins/crm/marketing-lists');
  await page.getByRole('button', { name: 'New list' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(NEW_LIST);
  await chooseOption(page, 'Channel', 'Phone');
  await screenshot(page, 'marketing-lists-02-new-list');
  await expectAccessible(page, 'marketing-lists-02-new-list');
  await dialog.getByRole('button', { name: 'Create list' }).click();
  await page.waitForURL(/\/marketing-lists\/[a-z0-9]+$/);
  await page.getByRole('heading', { name: NEW_LIST, level: 1 }).waitFor();
  const documentId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(summary(documentId)).resolves.toMatchObject({
    name: NEW_LIST,
    channel: 'phone',
    counts: { members: 0 },
  });
});

const membersTable = () => page.getByRole('grid', { name: 'Members' });
const memberRow = (name: string) => membersTable().locator('tbody tr', { hasText: name });

it("shows a list's members with whether the export reaches them, and why not", async () => {
  await openPage(page, '/admin/plugins/crm/marketing-lists');
  await page.getByRole('link', { name: LIST }).click();
  await page.getByRole('heading', { name: LIST, level: 1 }).waitFor();
  await waitForText(memberRow(`Mia ${LAST}`), 'Yes');
  await waitForText(memberRow(`Ned ${LAST}`), 'No: No e-mail address');
  await waitForText(memberRow(`Ola ${LAST}`), 'No: Does not want e-mails');
  await waitForText(memberRow(`Pia ${LAST}`), 'No: Inactive');
  const leftOut = await memberIds(ids.list, '&reachable=false');
  expect(leftOut.sort()).toEqual([ids.ned, ids.ola, ids.pia].sort());
  await screenshot(page, 'marketing-lists-03-members');
  await expectAccessible(page, 'marketing-lists-03-members');
});

it('exports the same CSV as the server, then names who was left out and why', async () => {
  await openPage(page, `/admin/plugins/crm/marketing-lists/${ids.list}`);
  await page.getByRole('heading', { name: LIST, level: 1 }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const saved = join(RESULTS_DIR, `marketing-list-${stamp}.csv`);
  await download.saveAs(saved);
  const fromServer = await api.request('GET', `/crm/marketing-lists/${ids.list}/export`);
  expect(fromServer.status).toBe(200);
  expect(readFileSync(saved, 'utf8')).toBe(fromServer.text);
  expect(fromServer.text).toContain(`mia.${stamp}@lists.test`);
  expect(fromServer.text).not.toContain(`ola.${stamp}@lists.test`);
  expect(fromServer.headers.get('X-Exported-Count')).toBe('1');
  expect(fromServer.headers.get('X-Left-Out-Count')).toBe('3');

  const outcome = page.getByTestId('crm-list-export');
  await waitForText(outcome, '1 exported, 3 left out');
  const leftOut = outcome.getByRole('grid', { name: 'Left out of the export' });
  await waitForText(leftOut.locator('tbody tr', { hasText: `Ned ${LAST}` }), 'No e-mail address');
  await waitForText(
    leftOut.locator('tbody tr', { hasText: `Ola ${LAST}` }),
    'Does not want e-mails'
  );
  await waitForText(leftOut.locator('tbody tr', { hasText: `Pia ${LAST}` }), 'Inactive');
  await expect(leftOut.locator('tbody tr').count()).resolves.toBe(3);
  await screenshot(page, 'marketing-lists-04-export');
  await expectAccessible(page, 'marketing-lists-04-export');
});

it('removes the selected members after a confirmation', async () => {
  await openPage(page, `/admin/plugins/crm/marketing-lists/${ids.list}`);
  await memberRow(`Ned ${LAST}`).waitFor();
  // By keyboard: each row's box takes the focus and Space ticks it.
  await page.getByRole('checkbox', { name: `Select Ned ${LAST}` }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('checkbox', { name: `Select Pia ${LAST}` }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Remove 2 members' }).click();
  const confirm = page.getByRole('alertdialog');
  await waitForText(confirm, '2 members leave');
  // The dialog fades in.
  await page.waitForTimeout(500);
  await screenshot(page, 'marketing-lists-05-remove-confirm');
  await expectAccessible(page, 'marketing-lists-05-remove-confirm');
  await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
  await confirm.waitFor({ state: 'detached' });
  await memberRow(`Ned ${LAST}`).waitFor({ state: 'detached' });
  await expect(membersTable().locator('tbody tr').count()).resolves.toBe(2);
  expect((await memberIds(ids.list)).sort()).toEqual([ids.mia, ids.ola].sort());
  await expect(summary(ids.list)).resolves.toMatchObject({ counts: { members: 2 } });
  // The contacts themselves stay.
  expect((await api.request('GET', `/crm/contacts/${ids.ned}`)).status).toBe(200);
  await screenshot(page, 'marketing-lists-06-removed');
  await expectAccessible(page, 'marketing-lists-06-removed');
});
