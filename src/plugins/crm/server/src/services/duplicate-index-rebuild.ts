import type { Core } from '@strapi/strapi';

import type { MatchKind } from '../repositories/match-keys';
import { getService } from '../utils/get-service';

const PROGRESS_EVERY_MS = 5000;

/**
 * At start-up: SSNs stored before their keyed hash was kept get it, then the duplicate matcher's
 * keys are written again for customers and contacts when the table does not hold exactly them (a
 * first start on existing data, a restored database, rows written around the plugin). Start-up
 * waits, and the log says so.
 */
export const rebuildDuplicateKeysIfNeeded = async (strapi: Core.Strapi): Promise<void> => {
  const hashed = await getService(strapi, 'ssn').hashUnhashed();
  if (hashed > 0) strapi.log.info(`[crm] keyed hashes written for ${hashed} stored SSNs`);
  const duplicates = getService(strapi, 'duplicates');
  for (const kind of ['customer', 'contact'] as MatchKind[]) {
    if (hashed === 0 && (await duplicates.inStep(kind))) continue;
    const started = Date.now();
    strapi.log.info(`[crm] writing the duplicate keys of every ${kind}; start-up waits for it`);
    let logged = started;
    const count = await duplicates.rebuild(kind, (done) => {
      if (Date.now() - logged < PROGRESS_EVERY_MS) return;
      logged = Date.now();
      strapi.log.info(`[crm] duplicate keys: ${done} ${kind}s done`);
    });
    strapi.log.info(
      `[crm] duplicate keys written for ${count} ${kind}s in ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
  }
};
