import type { Browser } from 'playwright-core';

import { crmMenuLink, launchBrowser, login, newPage, screenshot } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('logs in as the super admin and sees the CRM menu entry', async () => {
  const { page, context } = await newPage(browser);
  await login(page);
  await crmMenuLink(page).waitFor({ state: 'visible' });
  await screenshot(page, 'smoke-01-home-with-crm-menu');
  await context.close();
});
