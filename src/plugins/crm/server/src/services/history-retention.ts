import type { Core } from '@strapi/strapi';

import { HISTORY_PRUNE_BATCH, historyRetentionCutoff } from '../domain/history/retention';
import { getService } from '../utils/get-service';

const TABLE = 'crm_history_entries';
const HOUR_MS = 60 * 60 * 1000;
/** The first pruning waits for start-up to settle. */
const FIRST_RUN_MS = 60 * 1000;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Prunes history entries older than `historyRetentionDays` in the background: once shortly after
 * start-up, then every hour, a batch of entries per statement so no statement holds the table for
 * long. Without a retention the history is kept for ever.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let first: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  /** Strapi stores datetimes as epoch milliseconds on SQLite and as timestamps on PostgreSQL. */
  const stored = (date: Date) => (strapi.db.dialect.client === 'sqlite' ? date.getTime() : date);

  const prune = async (now: Date): Promise<number> => {
    const cutoff = historyRetentionCutoff(
      now,
      getService(strapi, 'settings').get().historyRetentionDays
    );
    if (!cutoff) return 0;
    const knex = strapi.db.connection;
    let removed = 0;
    for (;;) {
      const batch = knex(TABLE)
        .select('id')
        .where('at', '<', stored(cutoff))
        .orderBy('id')
        .limit(HISTORY_PRUNE_BATCH);
      const count = Number(await knex(TABLE).whereIn('id', batch).del());
      removed += count;
      if (count < HISTORY_PRUNE_BATCH) return removed;
      await yieldToOthers();
    }
  };

  const runLogged = () =>
    void getService(strapi, 'history-retention')
      .prune()
      .catch((error: Error) =>
        strapi.log.warn(`[crm] pruning the change history failed: ${error.message}`)
      );

  return {
    /** Deletes the entries older than the retention; how many. One run at a time. */
    prune(now = new Date()): Promise<number> {
      if (!running)
        running = prune(now).finally(() => {
          running = undefined;
        });
      return running;
    },

    schedule(intervalMs = HOUR_MS, firstRunMs = FIRST_RUN_MS) {
      this.stop();
      first = setTimeout(runLogged, firstRunMs);
      first.unref();
      timer = setInterval(runLogged, intervalMs);
      timer.unref();
    },

    stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = timer = undefined;
    },
  };
};
