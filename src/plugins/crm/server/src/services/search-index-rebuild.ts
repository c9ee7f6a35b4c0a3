import type { Core } from '@strapi/strapi';

import { getService } from '../utils/get-service';

/** Progress is logged at most this often while a rebuild holds start-up. */
const PROGRESS_EVERY_MS = 5000;

/**
 * Rebuilds the search index at start-up when it does not hold exactly the customers (a first
 * start on existing data, a restored database, rows written around the plugin). The rebuild holds
 * start-up, so the log says so, with how many customers are done.
 */
export const rebuildSearchIndexIfNeeded = async (strapi: Core.Strapi): Promise<void> => {
  const index = getService(strapi, 'search-index');
  if (await index.inStep()) return;
  const total = await index.customerCount();
  const started = Date.now();
  strapi.log.info(
    `[crm] rebuilding the customer search index (${total} customers); start-up waits for it`
  );
  let logged = started;
  const count = await index.rebuild((done) => {
    if (Date.now() - logged < PROGRESS_EVERY_MS) return;
    logged = Date.now();
    strapi.log.info(
      `[crm] customer search index: ${done} of ${total} customers (${Math.round((done / Math.max(total, 1)) * 100)}%)`
    );
  });
  strapi.log.info(
    `[crm] customer search index built (${count} customers in ${((Date.now() - started) / 1000).toFixed(1)} s)`
  );
};
