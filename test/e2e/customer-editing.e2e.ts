import type { Browser, BrowserContext, Page } from 'playwright-core';

import { createEntry, superAdmin, type AdminApi } from './support/admin-api';
import { expectAccessible } from './support/axe';
import { launchBrowser, login, newPage, openPage, screenshot } from './support/browser';

/**
 * A customer edited on its overview: its own fields in place (a rule the server refuses shown on
 * its field), phones added up to the limit, an e-mail edited and removed, and its contacts listed.
 * Each change is read back through the admin API.
 */
jest.setTimeout(180_000);

const stamp = Date.now().toString(36);
const LAST = `Editing${stamp}`;
const PERSONAL = `grace-${stamp}@example.test`;
const WORK = `grace.work-${stamp}@example.test`;
const EDITED = `grace.office-${stamp}@example.test`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: AdminApi;
let customerId = '';
let phoneLimit = 0;
const contactIds: string[] = [];

const readCustomer = async () => {
  const response = await api.request('GET', `/crm/customers/${customerId}`);
  expect(response.status).toBe(200);
  return response.body.data as Record<string, any>;
};

const openOverview = async () => {
  await openPage(page, `/admin/plugins/crm/customers/${customerId}`);
  await page.getByTestId('crm-summary').waitFor();
};

const details = () => page.getByTestId('crm-edit-details');
const dialog = () => page.getByRole('dialog');

beforeAll(async () => {
  api = await superAdmin();
  const settings = await api.request('GET', '/crm/settings');
  expect(settings.status).toBe(200);
  phoneLimit = settings.body.data.limits.individual.phone;

  const created = await api.request('POST', '/crm/customers', {
    data: {
      type: 'individual',
      firstName: 'Grace',
      lastName: LAST,
      phones: [{ type: 'home', number: '(415) 555-0110' }],
      emails: [
        { type: 'personal', address: PERSONAL },
        { type: 'work', address: WORK },
      ],
    },
  });
  expect(created.status).toBe(201);
  customerId = created.body.data.documentId;

  for (const [firstName, jobTitle] of [
    ['Alan', 'Engineer'],
    ['Barbara', 'Buyer'],
  ]) {
    const contact = await createEntry(api, 'plugin::crm.contact', {
      firstName,
      lastName: LAST,
      jobTitle,
      company: { connect: [{ documentId: customerId }] },
    });
    contactIds.push(contact.documentId);
  }

  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

it("edits the customer's fields in place and saves them", async () => {
  await openOverview();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await details().waitFor();
  await expect(details().getByLabel('First name').inputValue()).resolves.toBe('Grace');
  await details().getByLabel('Middle name').fill('Brewster');
  await details().getByLabel('External ID').fill(`legacy-${stamp}`);
  await details().getByRole('checkbox', { name: 'No mail' }).click();
  await screenshot(page, 'customer-editing-01-edit-form');
  await expectAccessible(page, 'customer-editing-01-edit-form');
  // Enter in a field saves, as in any form.
  await details().getByLabel('External ID').press('Enter');
  await details().waitFor({ state: 'detached' });
  await page.getByTestId('crm-privacy').getByText('No mail').waitFor();
  await page.getByTestId('crm-summary-external-id').getByText(`legacy-${stamp}`).waitFor();
  await screenshot(page, 'customer-editing-02-saved');
  await expectAccessible(page, 'customer-editing-02-saved');

  const stored = await readCustomer();
  expect(stored).toMatchObject({
    firstName: 'Grace',
    middleName: 'Brewster',
    lastName: LAST,
    externalId: `legacy-${stamp}`,
    noMail: true,
    noEmail: false,
  });
});

it("shows the server's message on the field it refuses", async () => {
  await openOverview();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const birth = details().getByLabel('Date of birth');
  await birth.fill('2999-01-01');
  await details().getByRole('button', { name: 'Save changes' }).click();
  const message = 'dateOfBirth cannot be in the future';
  await details().getByText(message).first().waitFor();
  await expect(birth.getAttribute('aria-invalid')).resolves.toBe('true');
  // The field names the message: it is the field's description.
  const describedBy = (await birth.getAttribute('aria-describedby')) ?? '';
  const descriptions = await Promise.all(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) =>
        page
          .locator(`[id="${id}"]`)
          .innerText()
          .catch(() => '')
      )
  );
  expect(descriptions.join(' ')).toContain(message);
  await screenshot(page, 'customer-editing-03-refused-on-field');
  await expectAccessible(page, 'customer-editing-03-refused-on-field');

  await details().getByRole('button', { name: 'Cancel' }).click();
  await details().waitFor({ state: 'detached' });
  expect((await readCustomer()).dateOfBirth ?? null).toBeNull();
});

it('adds phones up to the limit, then says why no more can be added', async () => {
  await openOverview();
  const phones = page.getByTestId('crm-overview-phones');
  const add = phones.getByRole('button', { name: 'Add phone' });
  await phones.getByText(`1 of ${phoneLimit} phone numbers`).waitFor();
  for (let count = 2; count <= phoneLimit; count += 1) {
    await add.click();
    await dialog().getByRole('heading', { name: 'Add phone' }).waitFor();
    await dialog()
      .getByLabel('Number')
      .fill(`(415) 555-01${10 + count}`);
    if (count === 2) {
      await screenshot(page, 'customer-editing-04-add-phone');
      await expectAccessible(page, 'customer-editing-04-add-phone');
    }
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'detached' });
    await phones.getByText(`${count} of ${phoneLimit} phone numbers`).waitFor();
  }
  await expect(add.isDisabled()).resolves.toBe(true);
  const reason = phones.getByText(
    `At the limit: an individual can have at most ${phoneLimit} phone numbers.`
  );
  await reason.waitFor();
  // The disabled button is described by its reason.
  const reasonId = await reason.getAttribute('id');
  await expect(add.getAttribute('aria-describedby')).resolves.toBe(reasonId);
  await screenshot(page, 'customer-editing-05-phone-limit');
  await expectAccessible(page, 'customer-editing-05-phone-limit');

  const stored = await readCustomer();
  expect(stored.phones).toHaveLength(phoneLimit);
  expect(stored.phones.filter((phone: { isPrimary: boolean }) => phone.isPrimary)).toHaveLength(1);
});

it('edits an e-mail, refusing a broken address on its field, then removes one', async () => {
  await openOverview();
  const emails = page.getByTestId('crm-overview-emails');
  await emails.getByText('2 of 2 email addresses').waitFor();
  await emails.getByRole('button', { name: `Edit email ${WORK}` }).click();
  const address = dialog().getByLabel('Email address');
  await expect(address.inputValue()).resolves.toBe(WORK);
  await address.fill('not an address');
  await dialog().getByRole('button', { name: 'Save' }).click();
  await dialog().getByTestId('crm-point-error').waitFor();
  await expect(address.getAttribute('aria-invalid')).resolves.toBe('true');
  await screenshot(page, 'customer-editing-06-email-refused');
  await expectAccessible(page, 'customer-editing-06-email-refused');
  await address.fill(EDITED.toUpperCase());
  await dialog().getByRole('button', { name: 'Save' }).click();
  await dialog().waitFor({ state: 'detached' });
  await emails.getByRole('button', { name: `Edit email ${EDITED}` }).waitFor();
  let stored = await readCustomer();
  expect(stored.emails.map((email: { address: string }) => email.address).sort()).toEqual(
    [EDITED, PERSONAL].sort()
  );

  // Removing the primary e-mail asks first, then the one left becomes the primary.
  await emails.getByRole('button', { name: `Remove email ${PERSONAL}` }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByText(/is the primary email/).waitFor();
  await screenshot(page, 'customer-editing-07-remove-email');
  await expectAccessible(page, 'customer-editing-07-remove-email');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await emails
    .getByRole('button', { name: `Remove email ${PERSONAL}` })
    .waitFor({ state: 'detached' });
  await emails.getByText('1 of 2 email addresses').waitFor();
  await emails.getByText('Primary', { exact: true }).waitFor();
  await screenshot(page, 'customer-editing-08-email-removed');
  await expectAccessible(page, 'customer-editing-08-email-removed');
  stored = await readCustomer();
  expect(stored.emails).toEqual([expect.objectContaining({ address: EDITED, isPrimary: true })]);
});

it("lists the customer's contacts, each opening on the Contacts page", async () => {
  await openOverview();
  const card = page.getByTestId('crm-customer-contacts');
  await card.getByRole('heading', { name: 'Contacts (2)' }).waitFor();
  for (const [index, first] of ['Alan', 'Barbara'].entries()) {
    const link = card.getByRole('link', { name: new RegExp(`${first} ${LAST}`) });
    await expect(link.getAttribute('href')).resolves.toBe(
      `/admin/plugins/crm/contacts/${contactIds[index]}`
    );
  }
  await card.getByText('Engineer').waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'customer-editing-09-contacts');
  await expectAccessible(page, 'customer-editing-09-contacts');
});

it('is reachable by keyboard: Tab reaches the edit button and Enter opens the form', async () => {
  await openOverview();
  const edit = page.getByRole('button', { name: 'Edit details' });
  let reached = false;
  for (let step = 0; step < 60 && !reached; step += 1) {
    await page.keyboard.press('Tab');
    reached = await edit.evaluate((element) =>
      (element as unknown as { matches(selector: string): boolean }).matches(':focus')
    );
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await details().waitFor();
  await details().getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await details().waitFor({ state: 'detached' });
});
