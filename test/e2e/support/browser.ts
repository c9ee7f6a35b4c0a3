import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';

import { e2eEnv } from './env';

export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS_DIR = join(__dirname, '..', '..', '..', 'test-results');

/** Debian's chromium, headless; never a downloaded browser. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });

/** A fresh browser context (own cookies and storage) with downloads allowed, and its first page. */
export const newPage = async (
  browser: Browser
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({
    baseURL: e2eEnv().baseUrl,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(20_000);
  // Strapi's guided tour (shown once an app has content types of its own, as the host app's
  // benchmark reference types are) would cover the pages under test: skipped, as an admin who
  // clicked "Skip" has it.
  await context.addInitScript({
    content: `window.localStorage.setItem('STRAPI_GUIDED_TOUR', '${JSON.stringify({ enabled: false })}');`,
  });
  const page = await context.newPage();
  return { context, page };
};

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};

/** Opens an admin-panel address, e.g. `/admin/plugins/crm/imports`. */
export const openPage = async (page: Page, path: string): Promise<void> => {
  await page.goto(path, { waitUntil: 'domcontentloaded' });
};

/** Logs in through the admin panel's login form; defaults to the super admin. */
export const login = async (page: Page, credentials = e2eEnv().admin): Promise<void> => {
  await openPage(page, '/admin/auth/login');
  await page.locator('input[name="email"]').fill(credentials.email);
  await page.locator('input[name="password"]').fill(credentials.password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
  await dismissOverlays(page);
};

/**
 * Closes first-visit dialogs (guided tour, news) and the dismissible banner above the page (it
 * would hide notifications in screenshots), when there are any. Dismissals are remembered by the
 * admin panel for the rest of the session.
 */
export const dismissOverlays = async (page: Page): Promise<void> => {
  for (const name of [/skip/i, /close/i, /not now/i]) {
    const button = page.getByRole('dialog').getByRole('button', { name }).first();
    if (await button.isVisible().catch(() => false)) await button.click().catch(() => undefined);
  }
  const banner = page.getByRole('button', { name: /^Close the banner/ }).first();
  const shown = await banner.waitFor({ state: 'visible', timeout: 3_000 }).then(
    () => true,
    () => false
  );
  if (shown) await banner.click().catch(() => undefined);
};

/** The left menu's link to the plugin (its label is a tooltip, so it is found by address). */
export const crmMenuLink = (page: Page) => page.locator('nav a[href="/admin/plugins/crm"]');

/** Waits until the element's text contains `expected` (or matches it), then returns the text. */
export const waitForText = async (
  locator: Locator,
  expected: string | RegExp,
  timeoutMs = 20_000
): Promise<string> => {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    last = (
      (await locator
        .first()
        .textContent({ timeout: Math.max(1, deadline - Date.now()) })
        .catch(() => null)) ?? ''
    ).trim();
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`expected text ${String(expected)}, last saw "${last}"`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/** Picks an option of a design-system select, found by its accessible name. */
export const chooseOption = async (
  page: Page,
  selectName: string | RegExp,
  option: string | RegExp
): Promise<void> => {
  await page.getByRole('combobox', { name: selectName }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
};

/** Drops a file on an element as a user dragging it from the desktop would. */
export const dropFile = async (
  page: Page,
  selector: string,
  file: { name: string; content: string; type?: string }
): Promise<void> => {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      // Runs in the page; the test project is compiled without the DOM library.
      const dom = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: string[], name: string, options: { type: string }) => unknown;
      };
      const transfer = new dom.DataTransfer();
      transfer.items.add(new dom.File([content], name, { type }));
      return transfer;
    },
    { name: file.name, content: file.content, type: file.type ?? 'text/csv' }
  );
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
};

/**
 * Runs a document action of the content manager's edit view: Strapi shows the first action as a
 * button and the others in its "More document actions" menu (`moreLabel`, in the admin's language).
 */
export const documentAction = async (
  page: Page,
  name: string,
  moreLabel = 'More document actions'
): Promise<void> => {
  const button = page.getByRole('button', { name, exact: true });
  const more = page.getByRole('button', { name: moreLabel });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await button.isVisible().catch(() => false)) return button.click();
    if (await more.isVisible().catch(() => false)) {
      await more.click();
      const item = page.getByRole('menuitem', { name });
      if (
        await item.waitFor({ timeout: 2_000 }).then(
          () => true,
          () => false
        )
      )
        return item.click();
      await page.keyboard.press('Escape');
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`no document action named ${name}`);
};
