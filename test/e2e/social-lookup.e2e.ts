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
import { gravatarPort, startFakeGravatar, type FakeGravatar } from './support/fake-gravatar';
import { socialLookupDialog } from './support/social-lookup';

/**
 * The social profile lookup in the browser, against a fake Gravatar on 127.0.0.1: offered after a
 * new customer is saved, found values taken into the customer, and nothing found (or another
 * address tried) from the overview's button.
 */
jest.setTimeout(180_000);

const stamp = Date.now().toString(36);
const LAST = `Social${stamp}`;
const FOUND_EMAIL = `ada.${stamp}@social.test`;
const UNKNOWN_EMAIL = `nobody.${stamp}@social.test`;

/** Resolves once the image has loaded, and fails when it cannot (a refused source among them). */
const decodeImage = (element: unknown) => (element as { decode(): Promise<void> }).decode();

let gravatar: FakeGravatar;
let avatarUrl: string;
let api: AdminApi;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  gravatar = await startFakeGravatar();
  // Every address of the profile points back at the fake server: nothing leaves the machine.
  const local = `http://127.0.0.1:${gravatarPort()}`;
  ({ avatarUrl } = gravatar.add(FOUND_EMAIL, {
    display_name: 'Ada Lovelace',
    first_name: 'Augusta',
    last_name: 'King',
    job_title: 'Analyst',
    company: 'Analytical Engines',
    location: 'London',
    verified_accounts: [
      {
        service_type: 'github',
        service_label: 'GitHub',
        service_icon: `${local}/icons/github.svg`,
        url: `${local}/github/ada-${stamp}`,
        is_hidden: false,
      },
      {
        service_type: 'mastodon',
        service_label: 'Mastodon',
        service_icon: `${local}/icons/mastodon.svg`,
        url: `${local}/mastodon/hidden-${stamp}`,
        is_hidden: true,
      },
    ],
  }));
  api = await superAdmin();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser));
  await login(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await gravatar?.close();
});

const dialog = () => socialLookupDialog(page);
const documentIdOfUrl = () => /\/customers\/([^/?#]+)/.exec(page.url())?.[1];

it('offers the profile found after a save, and takes the ticked name fields and image', async () => {
  await openPage(page, '/admin/plugins/crm');
  await page.getByRole('button', { name: 'New customer' }).first().click();
  const creating = page.getByRole('dialog', { name: 'New customer' });
  await creating.getByLabel('First name').fill('Ada');
  await creating.getByLabel('Last name').fill(LAST);
  await creating.getByTestId('crm-email-row-0').getByLabel('Email address').fill(FOUND_EMAIL);
  await creating.getByRole('button', { name: 'Save and view customer' }).click();

  // The entered values beside the found ones; what the customer has no field for is shown only.
  await waitForText(
    dialog().getByTestId('crm-social-status'),
    `Found on gravatar for ${FOUND_EMAIL}`
  );
  const fields = dialog().getByTestId('crm-social-fields');
  await fields
    .getByRole('row', { name: /First name/ })
    .getByText('Ada', { exact: true })
    .waitFor();
  await fields
    .getByRole('row', { name: /Job title/ })
    .getByText('Analyst')
    .waitFor();
  await fields
    .getByRole('row', { name: /Location/ })
    .getByText('London')
    .waitFor();
  await expect(
    dialog()
      .getByRole('checkbox', { name: /Job title/ })
      .count()
  ).resolves.toBe(0);
  // The hidden account is not offered.
  await dialog().getByRole('checkbox', { name: 'Take GitHub account' }).waitFor();
  await expect(
    dialog()
      .getByText(/Mastodon/)
      .count()
  ).resolves.toBe(0);
  const image = dialog().getByRole('img', { name: 'Profile image of Ada Lovelace' });
  await expect(image.getAttribute('src')).resolves.toBe(avatarUrl);
  // The picture itself loads: the admin's content security policy lets the avatars' host in.
  await image.evaluate(decodeImage);
  const update = dialog().getByRole('button', { name: 'Update customer' });
  await expect(update.isDisabled()).resolves.toBe(true);
  await screenshot(page, 'social-lookup-01-found');
  await expectAccessible(page, 'social-lookup-01-found');

  await dialog().getByRole('checkbox', { name: 'Take First name: Augusta' }).click();
  await dialog().getByRole('checkbox', { name: 'Take Last name: King' }).click();
  await dialog().getByRole('checkbox', { name: 'Take this profile image' }).click();
  await expect(update.isDisabled()).resolves.toBe(false);
  await screenshot(page, 'social-lookup-02-ticked');
  await update.click();
  await dialog().waitFor({ state: 'detached' });

  // The customer opens with the values taken.
  await page.waitForURL(/\/admin\/plugins\/crm\/customers\/[^/]+$/);
  await page.getByRole('heading', { name: 'Augusta King', level: 1 }).first().waitFor();
  const avatar = page.getByTestId('crm-customer-avatar');
  await expect(avatar.getAttribute('src')).resolves.toBe(avatarUrl);
  await expect(avatar.getAttribute('alt')).resolves.toBe('Picture of Augusta King');
  await avatar.evaluate(decodeImage);
  await screenshot(page, 'social-lookup-03-customer-updated');
  await expectAccessible(page, 'social-lookup-03-customer-updated');

  const stored = await api.request('GET', `/crm/customers/${documentIdOfUrl()}`);
  expect(stored.status).toBe(200);
  expect(stored.body.data).toMatchObject({ firstName: 'Augusta', lastName: 'King', avatarUrl });
  // Only what was ticked: the account was not.
  expect(stored.body.data.socialProfiles ?? []).toEqual([]);
});

it('says when nothing is found, searches another address, and skips', async () => {
  const created = await api.request('POST', '/crm/customers', {
    data: {
      firstName: 'Nobody',
      lastName: LAST,
      emails: [{ type: 'personal', address: UNKNOWN_EMAIL }],
    },
  });
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId as string;

  await openPage(page, `/admin/plugins/crm/customers/${documentId}`);
  await page.getByTestId('crm-summary').waitFor();
  await page.getByRole('button', { name: 'Find social profiles' }).click();
  const status = dialog().getByTestId('crm-social-status');
  await waitForText(status, 'No social media information found');
  await expect(dialog().getByRole('button', { name: 'Update customer' }).count()).resolves.toBe(0);
  await screenshot(page, 'social-lookup-04-nothing-found');
  await expectAccessible(page, 'social-lookup-04-nothing-found');

  // Another address: the one the fake Gravatar knows.
  await dialog().getByRole('button', { name: 'Search again with another e-mail' }).click();
  const other = dialog().getByLabel('E-mail address to search');
  // The address field takes the focus as the button that opened it goes.
  const focused = await other.evaluate(
    (input) =>
      (input as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument
        .activeElement === input
  );
  expect(focused).toBe(true);
  await other.fill(FOUND_EMAIL);
  await dialog().getByRole('button', { name: 'Search', exact: true }).click();
  await waitForText(status, `Found on gravatar for ${FOUND_EMAIL}`);
  await dialog().getByRole('checkbox', { name: 'Take First name: Augusta' }).waitFor();
  await screenshot(page, 'social-lookup-05-found-for-another-address');

  await dialog().getByRole('button', { name: 'Skip' }).click();
  await dialog().waitFor({ state: 'detached' });
  const unchanged = await api.request('GET', `/crm/customers/${documentId}`);
  expect(unchanged.body.data).toMatchObject({ firstName: 'Nobody', lastName: LAST });
  expect(unchanged.body.data.avatarUrl ?? null).toBeNull();
});
