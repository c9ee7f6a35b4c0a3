/** Entries deleted per statement when old history is pruned. */
export const HISTORY_PRUNE_BATCH = 5000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment before which history entries are pruned, for a retention of `days` (null: the
 * history is kept for ever, so nothing is pruned).
 */
export const historyRetentionCutoff = (now: Date, days: number | null | undefined): Date | null => {
  if (days === null || days === undefined) return null;
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`historyRetentionDays must be a positive integer (got ${String(days)})`);
  return new Date(now.getTime() - days * DAY_MS);
};
