/**
 * How background jobs (imports, duplicate scans) stay owned by one node and are taken over when
 * that node stops: the owner writes a heartbeat, and every node looks now and then for jobs whose
 * heartbeat is older than the stale time. Both periods follow from the stale time, so that a live
 * job is never taken for stale and a dead one is taken over soon after it became stale.
 */

/** The shortest stale time accepted: below it a busy node's heartbeat could lag behind it. */
export const MIN_JOB_STALE_MS = 1000;

/** Nodes look for stale jobs at least this often: a takeover follows staleness within it. */
export const MAX_STALE_CHECK_MS = 5000;

/** The shortest period of any of these timers, so that a tiny stale time cannot make them spin. */
const MIN_PERIOD_MS = 250;

/**
 * How often a node looks for stale jobs: a quarter of the stale time, at most 5 s, so that a job
 * is taken over within `staleMs` + 5 s of its owner's last heartbeat.
 */
export const staleCheckIntervalMs = (staleMs: number): number =>
  Math.max(MIN_PERIOD_MS, Math.min(MAX_STALE_CHECK_MS, Math.floor(staleMs / 4)));

/**
 * How often the owner of a running job writes its heartbeat besides the one each batch writes: a
 * quarter of the stale time, so that three heartbeats in a row may be late before anyone takes
 * the job over.
 */
export const heartbeatIntervalMs = (staleMs: number): number =>
  Math.max(MIN_PERIOD_MS, Math.floor(staleMs / 4));

/** Whether a job whose heartbeat was written at `heartbeatAt` is stale at `now` (ms). */
export const isJobStale = (
  heartbeatAt: Date | string | null | undefined,
  now: number,
  staleMs: number
): boolean => !heartbeatAt || now - new Date(heartbeatAt).getTime() >= staleMs;
