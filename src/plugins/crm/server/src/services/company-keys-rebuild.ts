import type { Core } from '@strapi/strapi';

import { getService } from '../utils/get-service';

const PROGRESS_EVERY_MS = 5000;

/**
 * Writes the company keys of every customer at start-up when they do not hold exactly the
 * customers, or were written by other rules (a first start on existing data, a restored database,
 * rows written around the plugin). Start-up waits, and the log says so.
 */
export const rebuildCompanyKeysIfNeeded = async (strapi: Core.Strapi): Promise<void> => {
  const companyKeys = getService(strapi, 'company-keys');
  if (await companyKeys.inStep()) return;
  const started = Date.now();
  strapi.log.info('[crm] writing the company keys of every customer; start-up waits for it');
  let logged = started;
  const count = await companyKeys.rebuild((done) => {
    if (Date.now() - logged < PROGRESS_EVERY_MS) return;
    logged = Date.now();
    strapi.log.info(`[crm] company keys: ${done} customers done`);
  });
  strapi.log.info(
    `[crm] company keys written for ${count} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
};
