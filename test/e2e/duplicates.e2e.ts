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
import { skipSocialLookup } from './support/social-lookup';

/**
 * Duplicates and merging in the browser: the possible duplicates of a customer on its overview,
 * merging them (fields chosen, preview, merge, the merged address leading to the survivor, undo),
 * a scan of every customer and a merge from its cluster, and the warnings of the New customer
 * dialog (as the user types, and a create the server refuses as a likely duplicate).
 */
jest.setTimeout(240_000);

const stamp = Date.now().toString(36);
const LAST = `Lee${stamp}`;
const EMAIL = `robert.${stamp}@dup.test`;
const SCAN_LAST = `Park${stamp}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;
const ids: { robert?: string; bob?: string } = {};

/** A customer created as the admin pages create one; answers it with its possible duplicates. */
const createCustomer = async (data: Record<string, unknown>) => {
  const response = await api.request('POST', '/crm/customers', { data });
  if (response.status !== 201)
    throw new Error(`create customer: ${response.status} ${response.text.slice(0, 500)}`);
  return response.body as {
    data: { documentId: string; customerNumber: string };
    meta: { possibleDuplicates?: { customer: { documentId: string }; reasons: string[] }[] };
  };
};

beforeAll(async () => {
  api = await superAdmin();
  const robert = await createCustomer({
    type: 'individual',
    firstName: 'Robert',
    lastName: LAST,
    emails: [{ type: 'personal', address: EMAIL, isPrimary: true }],
    phones: [{ type: 'home', number: '(415) 555-0170', isPrimary: true }],
  });
  const bob = await createCustomer({
    type: 'individual',
    firstName: 'Bob',
    lastName: LAST,
    dateOfBirth: '1980-02-03',
    emails: [{ type: 'work', address: EMAIL.toUpperCase(), isPrimary: true }],
    phones: [{ type: 'cell', number: '(415) 555-0171', isPrimary: true }],
  });
  ids.robert = robert.data.documentId;
  ids.bob = bob.data.documentId;
  // The server's own word, before the pages show it: the second create names the first.
  expect(bob.meta.possibleDuplicates?.map((candidate) => candidate.customer.documentId)).toContain(
    ids.robert
  );

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const dialog = () => page.getByRole('dialog');

const openOverview = async (documentId: string) => {
  await openPage(page, `/admin/plugins/crm/customers/${documentId}`);
  await page.getByTestId('crm-summary').waitFor();
};

it('lists the possible duplicates of a customer on its overview', async () => {
  await openOverview(ids.bob!);
  const card = page.getByTestId('crm-duplicates');
  await card.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
  const row = card.getByRole('row', { name: new RegExp(`Robert ${LAST}`) });
  await row.waitFor();
  await expect(row.getByText('Same email').count()).resolves.toBe(1);
  await expect(row.innerText()).resolves.toMatch(/\d+%/);
  await expect(
    row.getByRole('link', { name: `Robert ${LAST}` }).getAttribute('href')
  ).resolves.toBe(`/admin/plugins/crm/customers/${ids.robert}`);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'duplicates-01-overview-card');
  await expectAccessible(page, 'duplicates-01-overview-card');
});

it('merges from the card: fields chosen, preview, merge; the merged address leads to the survivor', async () => {
  await openOverview(ids.bob!);
  const row = page
    .getByTestId('crm-duplicates')
    .getByRole('row', { name: new RegExp(`Robert ${LAST}`) });
  await row.getByRole('button', { name: 'Merge…' }).click();
  await dialog().getByTestId('crm-merge-fields').waitFor();

  // Bob (this overview) stays; the survivor keeps its own values unless another is chosen.
  await expect(
    dialog()
      .getByRole('radio', { name: new RegExp(`^Bob ${LAST}`) })
      .isChecked()
  ).resolves.toBe(true);
  await expect(
    dialog()
      .getByRole('radio', { name: /^First name: Bob / })
      .isChecked()
  ).resolves.toBe(true);
  await dialog()
    .getByRole('radio', { name: /^First name: Robert / })
    .click();
  // The same e-mail address in both is kept once.
  await dialog().getByTestId('crm-merge-points').getByText('the same, kept once').waitFor();
  await screenshot(page, 'duplicates-02-merge-dialog');
  await expectAccessible(page, 'duplicates-02-merge-dialog');

  await dialog().getByRole('button', { name: 'Preview' }).click();
  const preview = dialog().getByTestId('crm-merge-preview');
  await waitForText(preview, `After the merge: Robert ${LAST}`);
  await waitForText(dialog().getByTestId('crm-merge-moved'), /Phones moved: 1/);
  await preview.scrollIntoViewIfNeeded();
  await screenshot(page, 'duplicates-03-merge-preview');
  await expectAccessible(page, 'duplicates-03-merge-preview');
  // A dry run changes nothing.
  const before = await api.request('GET', `/crm/customers/${ids.robert}`);
  expect(before.body.data.documentId).toBe(ids.robert);

  await dialog().getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.waitForURL(new RegExp(`/customers/${ids.bob}$`));
  await page.getByTestId('crm-merge-notice').waitFor();
  await page
    .getByRole('heading', { name: `Robert ${LAST}`, level: 1 })
    .first()
    .waitFor();
  await waitForText(page.getByTestId('crm-overview-phones'), '555 0170');
  await screenshot(page, 'duplicates-04-merged');
  await expectAccessible(page, 'duplicates-04-merged');

  // The merged customer's address answers the survivor, and the page moves to it.
  const merged = await api.request('GET', `/crm/customers/${ids.robert}`);
  expect(merged.status).toBe(200);
  expect(merged.body.data.documentId).toBe(ids.bob);
  expect(merged.body.meta.mergedInto).toBe(ids.bob);
  await openPage(page, `/admin/plugins/crm/customers/${ids.robert}`);
  await page.waitForURL(new RegExp(`/customers/${ids.bob}$`));
  await page.getByTestId('crm-merged-from').getByText(ids.robert!).waitFor();
  await page
    .getByRole('heading', { name: `Robert ${LAST}`, level: 1 })
    .first()
    .waitFor();
  await screenshot(page, 'duplicates-05-merged-address-leads-to-survivor');
  await expectAccessible(page, 'duplicates-05-merged-address-leads-to-survivor');
});

it('undoes the merge from the notice', async () => {
  // Back to the page the merge opened, with its notice.
  await page.goBack();
  await page.getByTestId('crm-merge-notice').waitFor();
  await page.getByRole('button', { name: 'Undo merge' }).click();
  await page.getByText(/Merge undone: 1 customer restored/).waitFor();
  await page.getByTestId('crm-merge-notice').waitFor({ state: 'detached' });
  await page
    .getByRole('heading', { name: `Bob ${LAST}`, level: 1 })
    .first()
    .waitFor();
  await screenshot(page, 'duplicates-06-merge-undone');
  const restored = await api.request('GET', `/crm/customers/${ids.robert}`);
  expect(restored.status).toBe(200);
  expect(restored.body.data.documentId).toBe(ids.robert);
});

it('merges customers whose e-mails together are over the limits, keeping the ones chosen', async () => {
  // One personal e-mail each: together two of one type, which a customer may not have.
  const kate = await createCustomer({
    type: 'individual',
    firstName: 'Kate',
    lastName: `Moss${stamp}`,
    emails: [{ type: 'personal', address: `kate.${stamp}@dup.test`, isPrimary: true }],
    phones: [{ type: 'home', number: '(415) 555-0180', isPrimary: true }],
  });
  await createCustomer({
    type: 'individual',
    firstName: 'Katherine',
    lastName: `Moss${stamp}`,
    emails: [{ type: 'personal', address: `katherine.${stamp}@dup.test`, isPrimary: true }],
    phones: [{ type: 'home', number: '(415) 555-0180', isPrimary: true }],
  });
  await openOverview(kate.data.documentId);
  await page
    .getByTestId('crm-duplicates')
    .getByRole('row', { name: new RegExp(`Katherine Moss${stamp}`) })
    .getByRole('button', { name: 'Merge…' })
    .click();
  await dialog().getByTestId('crm-merge-fields').waitFor();
  await dialog().getByRole('button', { name: 'Preview' }).click();
  await waitForText(dialog().getByTestId('crm-merge-error'), /Choose the ones to keep/);
  const kept = dialog().getByRole('checkbox', { name: new RegExp(`^kate\\.${stamp}`) });
  const other = dialog().getByRole('checkbox', { name: new RegExp(`^katherine\\.${stamp}`) });
  await expect(kept.isChecked()).resolves.toBe(true);
  await expect(other.isChecked()).resolves.toBe(false);
  await other.scrollIntoViewIfNeeded();
  await screenshot(page, 'duplicates-07-merge-conflict');
  await expectAccessible(page, 'duplicates-07-merge-conflict');

  // Keep Katherine's address instead.
  await other.click();
  await kept.click();
  await dialog().getByRole('button', { name: 'Preview' }).click();
  await waitForText(dialog().getByTestId('crm-merge-moved'), /Contact points left out: 1/);
  await expect(other.isChecked()).resolves.toBe(true);
  await expect(kept.isChecked()).resolves.toBe(false);
  await dialog().getByRole('button', { name: 'Merge', exact: true }).click();
  await page.getByTestId('crm-merge-notice').waitFor();
  await waitForText(page.getByTestId('crm-primary-email'), `katherine.${stamp}@dup.test`);
  await screenshot(page, 'duplicates-08-merged-keeping-chosen');
});

it('scans every customer, shows the cluster and merges it from the Duplicates page', async () => {
  const william = await createCustomer({
    type: 'individual',
    firstName: 'William',
    lastName: SCAN_LAST,
    emails: [{ type: 'personal', address: `bill.${stamp}@dup.test`, isPrimary: true }],
  });
  await createCustomer({
    type: 'individual',
    firstName: 'Bill',
    lastName: SCAN_LAST,
    emails: [{ type: 'personal', address: `bill.${stamp}@dup.test`, isPrimary: true }],
  });

  await openPage(page, '/admin/plugins/crm');
  await page.getByRole('link', { name: 'Duplicates' }).click();
  await page.waitForURL(/\/admin\/plugins\/crm\/duplicates$/);
  await page.getByRole('heading', { name: 'Duplicates', level: 1 }).first().waitFor();
  await expect(page.getByRole('radio', { name: 'Customers' }).isChecked()).resolves.toBe(true);
  await screenshot(page, 'duplicates-09-scan-start');
  await expectAccessible(page, 'duplicates-09-scan-start');
  await page.getByRole('button', { name: 'Scan for duplicates' }).click();
  await page.waitForURL(/\/admin\/plugins\/crm\/duplicates\/[^/?]+/);
  await waitForText(page.getByTestId('crm-scan-stage'), 'Finished', 90_000);
  await waitForText(page.getByTestId('crm-scan-summary'), /group/);

  // The clusters come best first, a page at a time: find this one.
  const cluster = page
    .getByTestId('crm-duplicate-cluster')
    .filter({ has: page.getByRole('link', { name: `William ${SCAN_LAST}` }) });
  for (;;) {
    if ((await cluster.count()) > 0) break;
    const next = page.getByRole('button', { name: 'Next' });
    if ((await next.count()) === 0 || (await next.isDisabled()))
      throw new Error(`no cluster of William ${SCAN_LAST} in the scan`);
    await next.click();
    await page.waitForURL(/page=\d+/);
    await page.getByTestId('crm-duplicate-cluster').first().waitFor();
  }
  await cluster.getByRole('link', { name: `Bill ${SCAN_LAST}` }).waitFor();
  await expect(cluster.getByText('Same email').count()).resolves.toBe(1);
  await waitForText(cluster.getByRole('heading'), /\d+% alike/);
  await cluster.scrollIntoViewIfNeeded();
  await screenshot(page, 'duplicates-10-scan-cluster');
  await expectAccessible(page, 'duplicates-10-scan-cluster');

  await cluster.getByRole('button', { name: 'Merge…' }).click();
  await dialog().getByTestId('crm-merge-fields').waitFor();
  await dialog()
    .getByRole('radio', { name: new RegExp(`^William ${SCAN_LAST}`) })
    .click();
  await dialog().getByRole('button', { name: 'Preview' }).click();
  await waitForText(dialog().getByTestId('crm-merge-preview'), `William ${SCAN_LAST}`);
  await dialog().getByRole('button', { name: 'Merge', exact: true }).click();
  await page.waitForURL(new RegExp(`/customers/${william.data.documentId}$`));
  await page.getByTestId('crm-merge-notice').getByText(`Bill ${SCAN_LAST}`).waitFor();
  await screenshot(page, 'duplicates-11-merged-from-scan');
});

it('warns in the New customer dialog as a duplicate is typed', async () => {
  await openPage(page, '/admin/plugins/crm');
  await page.getByRole('button', { name: 'New customer' }).first().click();
  await dialog().getByLabel('First name').fill('Robert');
  await dialog().getByLabel('Last name').fill(LAST);
  await dialog().getByTestId('crm-email-row-0').getByLabel('Email address').fill(EMAIL);
  const warning = dialog().getByTestId('crm-new-customer-duplicates');
  await waitForText(warning, 'This customer may already exist:');
  await warning.getByText(`Robert ${LAST}`).waitFor();
  await expect(
    warning.getByRole('link', { name: `Open Robert ${LAST}` }).getAttribute('href')
  ).resolves.toBe(`/admin/plugins/crm/customers/${ids.robert}`);
  await warning.scrollIntoViewIfNeeded();
  await screenshot(page, 'duplicates-12-new-customer-warning');
  await expectAccessible(page, 'duplicates-12-new-customer-warning');
  await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'detached' });
});

it('shows the duplicates a create is refused for, and creates anyway', async () => {
  // The server blocks likely duplicates only when set to (duplicates.onCreate: 'block'); the
  // browser tests' server warns, so its 409 is played here, in the shape the server answers it.
  const sent: string[] = [];
  await page.route('**/crm/customers', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    sent.push(route.request().url());
    await route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({
        data: null,
        error: {
          status: 409,
          name: 'ConflictError',
          message:
            'this customer looks like an existing one: open it, or create anyway with ?allowDuplicate=true',
          details: {
            duplicates: [
              {
                customer: {
                  documentId: ids.robert,
                  customerNumber: 'C-000000',
                  type: 'individual',
                  name: `Robert ${LAST}`,
                },
                score: 0.97,
                reasons: ['email', 'nickname'],
              },
            ],
          },
        },
      }),
    });
  });
  try {
    await openPage(page, '/admin/plugins/crm');
    await page.getByRole('button', { name: 'New customer' }).first().click();
    await dialog().getByLabel('First name').fill('Rob');
    await dialog().getByLabel('Last name').fill(LAST);
    await dialog().getByTestId('crm-email-row-0').getByLabel('Email address').fill(EMAIL);
    await dialog().getByRole('button', { name: 'Save and view customer' }).click();
    const blocked = dialog().getByTestId('crm-new-customer-blocked');
    await waitForText(blocked, 'Not saved: this customer looks like one that already exists.');
    await blocked.getByText(`Robert ${LAST}`).waitFor();
    await blocked.getByText('Nickname').waitFor();
    await blocked.scrollIntoViewIfNeeded();
    await screenshot(page, 'duplicates-13-create-refused');
    await expectAccessible(page, 'duplicates-13-create-refused');
    expect(sent).toHaveLength(1);

    const created = page.waitForResponse(
      (response) =>
        /\/crm\/customers\?allowDuplicate=true$/.test(response.url()) &&
        response.request().method() === 'POST'
    );
    await blocked.getByRole('button', { name: 'Create anyway' }).click();
    expect((await created).status()).toBe(201);
    // Saved with an e-mail address: the social lookup is offered first (social-lookup.e2e.ts).
    await skipSocialLookup(page);
    await page.waitForURL(/\/admin\/plugins\/crm\/customers\/[^/]+$/);
    await page
      .getByRole('heading', { name: `Rob ${LAST}`, level: 1 })
      .first()
      .waitFor();
    // Its overview lists what it may duplicate.
    await page
      .getByTestId('crm-duplicates')
      .getByRole('row', { name: new RegExp(`Robert ${LAST}`) })
      .waitFor();
    await screenshot(page, 'duplicates-14-created-anyway');
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
});
