import type { Page } from 'playwright-core';

/**
 * The social lookup dialog. scripts/e2e.js starts Strapi with the lookup on, so a customer saved
 * with an e-mail address in the New customer dialog is offered it before the page goes on.
 */
export const socialLookupDialog = (page: Page) =>
  page.getByRole('dialog', { name: /^Social profiles of / });

/** Skips the lookup offered after a save (with no fake Gravatar running, it finds nothing). */
export const skipSocialLookup = async (page: Page): Promise<void> => {
  const dialog = socialLookupDialog(page);
  await dialog.getByRole('button', { name: 'Skip' }).click();
  await dialog.waitFor({ state: 'detached' });
};
