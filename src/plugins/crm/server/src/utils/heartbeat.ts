/**
 * Writes a running job's heartbeat every `everyMs` until stopped, besides the one each batch
 * writes: a long step (the companies of an import, the key statistics of a scan, a slow batch)
 * must not make a live job look stale to the other nodes. A beat still waiting for the database
 * (a lock, SQLite's one connection) is not followed by another.
 */
export const keepBeating = (
  beat: () => Promise<unknown>,
  everyMs: number,
  onError: (error: Error) => void
): (() => void) => {
  let waiting = false;
  const timer = setInterval(() => {
    if (waiting) return;
    waiting = true;
    beat()
      .catch(onError)
      .finally(() => {
        waiting = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
};
