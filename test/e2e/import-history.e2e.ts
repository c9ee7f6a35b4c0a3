import type { Browser, BrowserContext, Page } from 'playwright-core';

import { superAdmin, type AdminApi } from './support/admin-api';
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
 * The Past imports page: every import newest first with who, when, file, format, stage and counts;
 * reached from the CRM sub-navigation by keyboard; a row reopens its job in the wizard, where the
 * import is undone; the list and the job as the server answers them agree with the page.
 */
jest.setTimeout(240_000);

const stamp = Date.now().toString(36);
const FINISHED_FILE = `history-done-${stamp}.csv`;
const WAITING_FILE = `history-waiting-${stamp}.csv`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;
const jobs: { finished?: string; waiting?: string } = {};

const upload = async (name: string, csv: string) => {
  const form = new FormData();
  form.append('object', 'customers');
  form.append('file', new Blob([csv], { type: 'text/csv' }), name);
  const response = await api.request('POST', '/crm/imports', form);
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`upload: ${response.status} ${response.text.slice(0, 500)}`);
  return response.body.data as { documentId: string; stage: string };
};

const job = async (documentId: string) =>
  (await api.request('GET', `/crm/imports/${documentId}`)).body.data as {
    stage: string;
    counts: Record<string, number>;
  };

beforeAll(async () => {
  api = await superAdmin();
  const finished = await upload(
    FINISHED_FILE,
    [
      'Type,First Name,Last Name,Company,Email',
      `individual,Hana,Hist${stamp},,hana.${stamp}@history.test`,
      `individual,Ivo,Hist${stamp},,ivo.${stamp}@history.test`,
    ].join('\n')
  );
  jobs.finished = finished.documentId;
  expect(finished.stage).toBe('ready');
  const started = await api.request('POST', `/crm/imports/${finished.documentId}/start`);
  expect(started.status).toBe(202);
  for (let i = 0; i < 200 && (await job(finished.documentId)).stage !== 'done'; i += 1)
    await new Promise((resolve) => setTimeout(resolve, 250));
  expect(await job(finished.documentId)).toMatchObject({ stage: 'done', counts: { imported: 2 } });
  // A second, newer job left waiting before its start.
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  jobs.waiting = (
    await upload(WAITING_FILE, `Type,First Name,Last Name\nindividual,Jo,Wait${stamp}\n`)
  ).documentId;

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const table = () => page.getByRole('grid', { name: 'Past imports' });

it('is reached from the CRM pages by keyboard and lists the imports newest first', async () => {
  await openPage(page, '/admin/plugins/crm');
  const link = page.getByRole('navigation', { name: 'CRM pages' }).getByRole('link', {
    name: 'Past imports',
  });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin\/plugins\/crm\/imports\/history$/);
  await table().waitFor();

  // The server's order: newest first, both jobs there.
  const listed = await api.request('GET', '/crm/imports?page=1&pageSize=50');
  expect(listed.status).toBe(200);
  const ids = (listed.body.data as { documentId: string }[]).map((item) => item.documentId);
  expect(ids.indexOf(jobs.waiting!)).toBeLessThan(ids.indexOf(jobs.finished!));
  expect(ids.indexOf(jobs.finished!)).toBeGreaterThanOrEqual(0);

  const rows = table().locator('tbody tr');
  const texts = await rows.allInnerTexts();
  const waitingAt = texts.findIndex((text) => text.includes(WAITING_FILE));
  const finishedAt = texts.findIndex((text) => text.includes(FINISHED_FILE));
  expect(waitingAt).toBeGreaterThanOrEqual(0);
  expect(finishedAt).toBeGreaterThan(waitingAt);

  const finishedRow = rows.nth(finishedAt);
  const text = await finishedRow.innerText();
  expect(text).toContain('CSV');
  expect(text).toContain('Customers');
  // The stage is a badge, in capitals on screen.
  expect(text).toMatch(/Finished/i);
  expect(text).toMatch(/Imported: 2/);
  expect(text).toMatch(/Rows: 2/);
  // Who started it: the super admin scripts/e2e.js created.
  expect(text.trim().length).toBeGreaterThan(0);
  await expect(rows.nth(waitingAt).innerText()).resolves.toMatch(/Ready to start/i);
  await screenshot(page, 'import-history-01-list');
  await expectAccessible(page, 'import-history-01-list');
});

it('reopens a past import in the wizard, where it is undone', async () => {
  await openPage(page, '/admin/plugins/crm/imports/history');
  const row = table().locator('tbody tr', { hasText: FINISHED_FILE });
  await row.getByRole('link').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/admin/plugins/crm/imports/${jobs.finished}`));
  await waitForText(page.getByTestId('import-stage'), 'Finished');
  await screenshot(page, 'import-history-02-job-in-wizard');
  await expectAccessible(page, 'import-history-02-job-in-wizard');

  await page.getByRole('button', { name: 'Undo import' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Undo import' }).click();
  await waitForText(page.getByTestId('import-stage'), 'Undone');
  expect((await job(jobs.finished!)).stage).toBe('undone');

  await openPage(page, '/admin/plugins/crm/imports/history');
  await waitForText(table().locator('tbody tr', { hasText: FINISHED_FILE }), /Undone/i);
  await screenshot(page, 'import-history-03-undone');
  await expectAccessible(page, 'import-history-03-undone');
});

it('keeps the wizard at /imports and a job at /imports/:documentId', async () => {
  await openPage(page, `/admin/plugins/crm/imports/${jobs.waiting}`);
  await waitForText(page.getByTestId('import-stage'), 'Ready to start');
  await openPage(page, '/admin/plugins/crm/imports');
  await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
});
