import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { createEntry, superAdmin, type AdminApi } from './support/admin-api';
import { expectAccessible } from './support/axe';
import {
  chooseOption,
  crmMenuLink,
  dropFile,
  launchBrowser,
  login,
  newPage,
  openPage,
  RESULTS_DIR,
  screenshot,
  waitForText,
} from './support/browser';

/**
 * The whole import wizard in the browser: upload by drag and drop, map columns, the import mode,
 * see the invalid row, decide for each unmatched company (link through the search, skip, create,
 * with "do this for all"), start, watch it finish, check the counts, download the ignored rows,
 * undo; then a corrected file imported again, updating the records the first one made.
 */
const FIXTURE = join(__dirname, 'fixtures', 'contacts-wizard.csv');
const CUSTOMER = 'plugin::crm.customer';
const CONTACT = 'plugin::crm.contact';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;

beforeAll(async () => {
  api = await superAdmin();
  // Demo data is off for `strapi start`: the customers the file refers to are made here.
  await createEntry(api, CUSTOMER, { type: 'business', businessName: 'Acme Corporation' });
  await createEntry(api, CUSTOMER, { type: 'business', businessName: 'Globex Corporation' });
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const customersNamed = async (q: string) => {
  const response = await api.request('GET', `/crm/customers/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return (response.body.data as { businessName?: string }[]).filter(
    (customer) => customer.businessName === q
  );
};

let jobPath = '';

it('uploads a CSV file dropped on the page, showing its size, and moves to the job address', async () => {
  await crmMenuLink(page).waitFor();
  await openPage(page, '/admin/plugins/crm/imports');
  await page.getByRole('heading', { name: 'Import' }).waitFor();
  await waitForText(page.getByText('No file chosen yet.'), 'No file chosen');
  await screenshot(page, 'imports-01-upload');
  await expectAccessible(page, 'imports-01-upload');

  const content = readFileSync(FIXTURE, 'utf8');
  await dropFile(page, '[data-testid="import-dropzone"]', { name: 'contacts-wizard.csv', content });
  await waitForText(page.getByTestId('import-selected-file'), 'contacts-wizard.csv');
  expect(await page.getByTestId('import-file-size').textContent()).toBe(
    `${Buffer.byteLength(content)} B`
  );
  await screenshot(page, 'imports-02-file-dropped');
  await expectAccessible(page, 'imports-02-file-dropped');

  await page.getByRole('button', { name: 'Upload and map columns' }).click();
  await page.waitForURL(/\/admin\/plugins\/crm\/imports\/[a-z0-9]+\?step=mapping$/);
  jobPath = new URL(page.url()).pathname;
});

it('shows the columns mapped automatically with sample values, and lets a mapping change', async () => {
  const jobTitle = page.getByRole('combobox', { name: 'Field for column Job Title' });
  await waitForText(jobTitle, 'Job title');
  await waitForText(page.getByRole('combobox', { name: 'Field for column E-mail' }), 'Email');
  await waitForText(
    page.getByRole('combobox', { name: 'Field for column Company Name' }),
    'Company'
  );
  await waitForText(page.getByTestId('mapping-row-First Name'), 'Ada');
  await screenshot(page, 'imports-03-mapping');
  await expectAccessible(page, 'imports-03-mapping');

  await chooseOption(page, 'Field for column Job Title', 'Do not import');
  await waitForText(jobTitle, 'Do not import');
  await chooseOption(page, 'Field for column Job Title', 'Job title');
  await waitForText(jobTitle, 'Job title');

  // The server refuses one field from two columns, and the page shows its message.
  await chooseOption(page, 'Field for column Job Title', 'First name');
  await waitForText(
    page.getByText('"firstName" is mapped from two columns'),
    'mapped from two columns'
  );
  await waitForText(jobTitle, 'Job title');
});

it('offers the import mode after the mapping, creating only by default', async () => {
  await page.getByRole('button', { name: 'Choose the import mode' }).click();
  await page.waitForURL(/step=mode$/);
  expect(await page.getByRole('radio', { name: 'Create only' }).getAttribute('aria-checked')).toBe(
    'true'
  );
  expect(
    await page.getByRole('checkbox', { name: 'Email', exact: true }).getAttribute('aria-checked')
  ).toBe('true');
  await waitForText(page.getByTestId('count-preview-update'), '0'); // no contact exists yet
  await screenshot(page, 'imports-03b-mode');
  await expectAccessible(page, 'imports-03b-mode');
});

it('saves the fuzzy match when it is ticked, and keeps it across a reload', async () => {
  const fuzzy = () =>
    page.getByRole('checkbox', { name: 'Do not create records that look like existing ones' });
  const saved = () =>
    page.waitForResponse(
      (response) => response.request().method() === 'PUT' && response.url().endsWith('/mode')
    );
  expect(await fuzzy().getAttribute('aria-checked')).toBe('false');
  const ticked = saved();
  await fuzzy().click();
  expect((await ticked).status()).toBe(200);
  await page.reload();
  // The step shows the job as the server keeps it once its reload is done.
  await page.getByText('Updating the preview…').waitFor({ state: 'detached' });
  expect(await fuzzy().getAttribute('aria-checked')).toBe('true');
  // Back to the default for the rest of the wizard.
  const unticked = saved();
  await fuzzy().click();
  expect((await unticked).status()).toBe(200);
  await page.getByText('Updating the preview…').waitFor({ state: 'detached' });
});

it('lists the invalid row with its line, field and reason, and filters the list', async () => {
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await waitForText(page.getByTestId('count-invalid'), '1');
  expect(await page.getByTestId('count-valid').textContent()).toBe('5');
  const rows = page.getByTestId('validation-error-row');
  await waitForText(rows, /6\s*Last name\s*a contact needs a lastName/);
  await screenshot(page, 'imports-04-validation');
  await expectAccessible(page, 'imports-04-validation');

  await page.getByRole('searchbox', { name: /Filter by line or reason/ }).fill('no such reason');
  await page.getByText('No invalid row matches this filter.').waitFor();
  await screenshot(page, 'imports-05-validation-filtered');
  await page.getByRole('searchbox', { name: /Filter by line or reason/ }).fill('lastName');
  expect(await rows.count()).toBe(1);
});

it('groups the unmatched companies with their rows, and resumes there from the job address', async () => {
  await page.getByRole('button', { name: 'Reference data' }).click();
  const initech = page.locator('tr', { hasText: 'Initech' });
  await waitForText(initech, 'Undecided');
  expect(await initech.textContent()).toContain('2'); // two rows
  await page.locator('tr', { hasText: 'Hooli' }).waitFor();
  await page.locator('tr', { hasText: 'Globecks Trading' }).waitFor();
  expect(await page.locator('tr', { hasText: 'Acme Corporation' }).count()).toBe(0); // matched by name
  await screenshot(page, 'imports-06-reference-data');
  await expectAccessible(page, 'imports-06-reference-data');

  // The job's own address, opened afresh, resumes at the reference data (its stage).
  await openPage(page, jobPath);
  await waitForText(page.locator('tr', { hasText: 'Initech' }), 'Undecided');
  expect(await page.locator('[aria-current="step"]').textContent()).toContain('Reference data');
});

it('links, skips and creates per company, with "do this for all unmatched customers"', async () => {
  await page.getByRole('button', { name: 'Link Globecks Trading', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox').fill('Globex');
  await dialog.getByRole('button', { name: 'Link to Globex Corporation' }).waitFor();
  await screenshot(page, 'imports-07-link-search');
  await expectAccessible(page, 'imports-07-link-search');
  await dialog.getByRole('button', { name: 'Link to Globex Corporation' }).click();
  await waitForText(
    page.locator('tr', { hasText: 'Globecks Trading' }),
    'Link to Globex Corporation'
  );

  await page.getByRole('checkbox', { name: 'Do this for all unmatched customers' }).click();
  await page.getByRole('button', { name: 'Skip Hooli' }).click();
  await waitForText(page.locator('tr', { hasText: 'Hooli' }), 'Skip these rows');
  await waitForText(page.locator('tr', { hasText: 'Initech' }), 'Skip these rows'); // the rest too
  await page.getByRole('button', { name: 'Create Initech' }).click();
  await waitForText(page.locator('tr', { hasText: 'Initech' }), 'Create a new customer');
  await waitForText(page.getByTestId('import-stage'), 'Ready to start');
  await screenshot(page, 'imports-08-reference-decided');
  await expectAccessible(page, 'imports-08-reference-decided');
});

it('starts the import, shows its progress and its counts', async () => {
  await page.getByRole('button', { name: 'Review and start' }).click();
  await page.getByRole('button', { name: 'Start import' }).click();
  await screenshot(page, 'imports-09-started');
  await waitForText(page.getByTestId('count-imported'), '4', 60_000);
  expect(await page.getByTestId('count-ignored').textContent()).toBe('2');
  expect(await page.getByTestId('count-failed').textContent()).toBe('0');
  await waitForText(page.getByTestId('import-stage'), 'Finished');
  const log = page.getByTestId('import-log-row');
  await waitForText(log.nth(0), /5\s*Skipped.*company skipped at reference data/);
  await waitForText(log.nth(1), /6\s*Invalid.*a contact needs a lastName/);
  await screenshot(page, 'imports-10-results');
  await expectAccessible(page, 'imports-10-results');
  expect(await customersNamed('Initech')).toHaveLength(1);
  expect(await customersNamed('Hooli')).toHaveLength(0);
});

it('downloads the ignored rows as CSV, ready to fix and import again', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download ignored rows' }).click(),
  ]);
  const saved = join(RESULTS_DIR, 'imports-ignored-rows.csv');
  await download.saveAs(saved);
  expect(download.suggestedFilename()).toBe('ignored-contacts-wizard.csv');
  expect(readFileSync(saved, 'utf8').trim().split('\r\n')).toEqual([
    'First Name,Last Name,E-mail,Company Name,Job Title,reason',
    'Dee,Dodd,dee@hooli.example,Hooli,Chef,line 5: company skipped at reference data',
    'Eve,,eve@acme.example,Acme Corporation,Analyst,line 6: a contact needs a lastName',
  ]);
});

it('undoes the import', async () => {
  await page.getByRole('button', { name: 'Undo import' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Undo import' }).click();
  await waitForText(page.getByTestId('import-stage'), 'Undone');
  await screenshot(page, 'imports-11-undone');
  await expectAccessible(page, 'imports-11-undone');
  expect(await customersNamed('Initech')).toHaveLength(0);
  expect(await customersNamed('Acme Corporation')).toHaveLength(1);
});

describe('other files and addresses', () => {
  it('shows the server’s message when it refuses a file', async () => {
    await openPage(page, '/admin/plugins/crm/imports');
    await page
      .locator('input[type="file"]')
      .setInputFiles(join(__dirname, 'fixtures', 'broken.csv'));
    await page.getByRole('button', { name: 'Upload and map columns' }).click();
    await waitForText(page.getByText(/line 2/).first(), 'line 2');
    await page.waitForTimeout(500); // let the notification finish sliding in
    await screenshot(page, 'imports-12-refused-file-notification');
    expect(new URL(page.url()).pathname).toBe('/admin/plugins/crm/imports');
  });

  it('says so at the address of an import that does not exist', async () => {
    await openPage(page, '/admin/plugins/crm/imports/nosuchimport000000000000');
    await waitForText(page.locator('main'), 'There is no import at this address.');
    await waitForText(page.getByText('import not found').first(), 'import not found'); // the server's message
    await page.waitForTimeout(500);
    await screenshot(page, 'imports-13-unknown-import');
    await expectAccessible(page, 'imports-13-unknown-import');
  });

  it('reads an Excel workbook and a vCard, saying how it read them', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Read me').addRow(['Our contacts are on the next sheet']);
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['First Name', 'Last Name', 'E-mail', 'Mobile']);
    sheet.addRow(['Grace', 'Hopper', 'grace.hopper@example.com', 14155552671]);
    const workbook = join(mkdtempSync(join(tmpdir(), 'crm-e2e-')), 'contacts.xlsx');
    await book.xlsx.writeFile(workbook);

    await openPage(page, '/admin/plugins/crm/imports');
    await page.locator('input[type="file"]').setInputFiles(workbook);
    await page.getByRole('textbox', { name: 'Worksheet' }).fill('Contacts');
    await page.getByRole('button', { name: 'Upload and map columns' }).click();
    await page.waitForURL(/step=mapping$/);
    await waitForText(page.getByTestId('import-format'), 'Excel workbook');
    await waitForText(page.getByTestId('import-sheet'), 'sheet Contacts');
    await waitForText(
      page.getByRole('combobox', { name: 'Field for column Mobile' }),
      'Mobile phone'
    );
    await screenshot(page, 'imports-15-excel-workbook');

    await openPage(page, '/admin/plugins/crm/imports');
    await page
      .locator('input[type="file"]')
      .setInputFiles(join(__dirname, '..', 'fixtures', 'imports', 'vcard-3.0.vcf'));
    await page.getByRole('button', { name: 'Upload and map columns' }).click();
    await page.waitForURL(/step=mapping$/);
    await waitForText(page.getByTestId('import-format'), 'vCard');
    await waitForText(page.getByTestId('mapping-row-TEL (cell)'), 'TEL (cell)');
    await waitForText(
      page.getByRole('combobox', { name: 'Field for column Other contacts' }),
      'Other contacts'
    );
    await screenshot(page, 'imports-16-vcard');
  });

  it('asks how the dates of a column are written when they fit both orders', async () => {
    await openPage(page, '/admin/plugins/crm/imports');
    await page
      .locator('input[type="file"]')
      .setInputFiles(join(__dirname, '..', 'fixtures', 'imports', 'ambiguous-dates.csv'));
    await page.getByRole('button', { name: 'Upload and map columns' }).click();
    await page.waitForURL(/step=mapping$/);
    await waitForText(
      page.getByTestId('import-date-orders'),
      'Say how these dates are written: their rows wait until you do.'
    );
    await screenshot(page, 'imports-17-ambiguous-dates');
    await expectAccessible(page, 'imports-17-ambiguous-dates');
    await chooseOption(page, 'Dates of “Birthday”', 'Day/month/year (15/03/1985)');
    await waitForText(
      page.getByRole('combobox', { name: 'Dates of “Birthday”' }),
      'Day/month/year (15/03/1985)'
    );
    await waitForText(page.locator('main'), /2 rows: 2 valid and 0 invalid/);
  });

  it('imports customers picked with the file picker, without a reference data step', async () => {
    await openPage(page, '/admin/plugins/crm/imports');
    await page.getByRole('radio', { name: 'Customers' }).click();
    const file = join(__dirname, 'fixtures', 'customers-wizard.csv');
    await page.locator('input[type="file"]').setInputFiles(file);
    expect(await page.getByTestId('import-file-size').textContent()).toBe(
      `${readFileSync(file).length} B`
    );
    await page.getByRole('button', { name: 'Upload and map columns' }).click();
    await page.waitForURL(/step=mapping$/);
    await waitForText(
      page.getByRole('combobox', { name: 'Field for column Company' }),
      'Business name'
    );
    expect(await page.locator('ol[aria-label="Import steps"]').textContent()).not.toContain(
      'Reference data'
    );
    await page.getByRole('button', { name: 'Choose the import mode' }).click();
    // Customers are found by customer number first, but the file has none: e-mail is the key used.
    const keys = page.getByTestId('match-keys').locator('li');
    await waitForText(keys.nth(0), /^1\s*Email/);
    await page.getByRole('checkbox', { name: 'Phone', exact: true }).click();
    await waitForText(keys.nth(1), /^2\s*Phone/);
    await page.getByRole('button', { name: 'Try Phone earlier' }).click();
    await waitForText(keys.nth(0), /^1\s*Phone/);
    await waitForText(keys.nth(1), /^2\s*Email/);
    await screenshot(page, 'imports-14a-customer-match-keys');
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await waitForText(page.getByTestId('count-invalid'), '1');
    await waitForText(
      page.getByTestId('validation-error-row'),
      /4\s*Last name\s*an individual customer needs a lastName/
    );
    await page.getByRole('button', { name: 'Review and start' }).click();
    await page.getByRole('button', { name: 'Start import' }).click();
    await waitForText(page.getByTestId('count-imported'), '2', 60_000);
    expect(await page.getByTestId('count-ignored').textContent()).toBe('1');
    await screenshot(page, 'imports-14-customers-results');
    expect(await customersNamed('Wayne Enterprises')).toHaveLength(1);
  });
});

describe('import modes', () => {
  // Unique addresses, so that the contacts are this test's whatever ran before it.
  const stamp = Date.now();
  const row = (first: string, last: string, title: string) =>
    `${first},${last},${first.toLowerCase()}.${stamp}@acme.example,Acme Corporation,${title}`;
  const HEADER = 'First Name,Last Name,E-mail,Company Name,Job Title';
  const FIRST = [
    HEADER,
    row('Ann', 'Archer', 'Buyer'),
    row('Ben', 'Baker', 'Engineer'),
    row('Cid', 'Cole', 'Analyst'),
  ].join('\n');
  // Ben's job title changed, Dot is new, Ann and Cid as they were.
  const CORRECTED = [
    HEADER,
    row('Ann', 'Archer', 'Buyer'),
    row('Ben', 'Baker', 'Lead engineer'),
    row('Cid', 'Cole', 'Analyst'),
    row('Dot', 'Dale', 'Designer'),
  ].join('\n');

  /** Uploads a contacts file and goes through its mapping to the mode step. */
  const uploadToModeStep = async (name: string, csv: string) => {
    await openPage(page, '/admin/plugins/crm/imports');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Upload and map columns' }).click();
    await page.waitForURL(/step=mapping$/);
    await page.getByRole('button', { name: 'Choose the import mode' }).click();
    await page.waitForURL(/step=mode$/);
  };

  /** From the mode step through validation and reference data (every company matches) to start. */
  const startFromModeStep = async () => {
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('button', { name: 'Reference data' }).click();
    await page.getByRole('button', { name: 'Review and start' }).click();
    await page.getByRole('button', { name: 'Start import' }).click();
    await waitForText(page.getByTestId('import-stage'), 'Finished', 60_000);
  };

  it('imports a file, then updates its records from a corrected version of it', async () => {
    await uploadToModeStep('team.csv', FIRST);
    await waitForText(page.getByTestId('count-preview-create'), '3');
    await startFromModeStep();
    expect(await page.getByTestId('count-created').textContent()).toBe('3');

    await uploadToModeStep('team-corrected.csv', CORRECTED);
    // Creating only, the three rows already imported would be ignored as the records they are.
    await waitForText(page.getByTestId('count-preview-ignored'), '3');
    expect(await page.getByTestId('count-preview-create').textContent()).toBe('1');

    await page.getByRole('radio', { name: 'Create and update' }).click();
    await waitForText(page.getByTestId('count-preview-update'), '1');
    expect(await page.getByTestId('count-preview-create').textContent()).toBe('1');
    expect(await page.getByTestId('count-preview-unchanged').textContent()).toBe('2');
    expect(await page.getByTestId('count-preview-ignored').textContent()).toBe('0');
    await screenshot(page, 'imports-18-mode-upsert-preview');
    await expectAccessible(page, 'imports-18-mode-upsert-preview');

    // The choice is the job's: the job's address, opened afresh, shows it.
    await openPage(page, new URL(page.url()).pathname + '?step=mode');
    await waitForText(page.getByTestId('count-preview-update'), '1');
    expect(
      await page.getByRole('radio', { name: 'Create and update' }).getAttribute('aria-checked')
    ).toBe('true');

    await startFromModeStep();
    expect(await page.getByTestId('count-created').textContent()).toBe('1');
    expect(await page.getByTestId('count-updated').textContent()).toBe('1');
    expect(await page.getByTestId('count-unchanged').textContent()).toBe('2');
    expect(await page.getByTestId('count-ignored').textContent()).toBe('0');

    await chooseOption(page, 'Rows shown in the log', 'Updated');
    const log = page.getByTestId('import-log-row');
    await waitForText(log, /^3\s*Updated\s*Ben/);
    expect(await log.count()).toBe(1);
    await screenshot(page, 'imports-19-mode-results-updated');
  });

  it('undoes it, keeping the updated record changed since and naming the fields changed', async () => {
    const email = `ben.${stamp}@acme.example`;
    const found = await api.request(
      'GET',
      `/content-manager/collection-types/${CONTACT}?filters[email][$eq]=${encodeURIComponent(email)}`
    );
    expect(found.status).toBe(200);
    const [ben] = found.body.results as { documentId: string }[];
    const changed = await api.request(
      'PUT',
      `/content-manager/collection-types/${CONTACT}/${ben.documentId}`,
      { jobTitle: 'Chief engineer' }
    );
    expect(changed.status).toBe(200);

    await page.getByRole('button', { name: 'Undo import' }).click();
    const dialog = page.getByRole('alertdialog');
    await waitForText(dialog, 'The 1 records it created');
    await waitForText(dialog, 'The 1 records it updated are set back');
    await dialog.getByRole('button', { name: 'Undo import' }).click();
    await waitForText(page.getByTestId('import-stage'), 'Undone');
    await waitForText(page.getByTestId('undo-summary'), 'Removed 1 contacts and 0 customers.');
    await waitForText(
      page.getByTestId('undo-kept-fields'),
      'changed since the import, left as is: Job title'
    );
    // Said once, in the page's words, not again in the server's.
    expect(await page.getByTestId('undo-summary').textContent()).not.toContain('(jobTitle)');
    await screenshot(page, 'imports-20-mode-undone');
  });
});
