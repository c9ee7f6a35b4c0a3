/**
 * Long work on the main thread gives the event loop a turn now and then, so that requests and
 * timers wait no longer than one slice of it. SQLite's driver is synchronous, so without these
 * turns a batch of statements would be one turn however many statements it runs.
 */

/**
 * How long a slice of work may hold the event loop before it yields. A fifth of the 50 ms a
 * request may wait: one turn of the loop can run two slices (one resumed by I/O or a timer, one
 * by `setImmediate`), and the statement or commit that ends a slice runs over it.
 */
export const SLICE_MS = 10;

let sliceStartedAt = performance.now();

/** Lets the event loop answer what is waiting (requests, timers) before going on. */
export const yieldToEventLoop = () =>
  new Promise<void>((resolve) =>
    setImmediate(() => {
      sliceStartedAt = performance.now();
      resolve();
    })
  );

/**
 * True once the work since the last yield has held the event loop for a slice: the caller then
 * awaits `yieldToEventLoop()`. Synchronous, so a tight loop can ask it every item for nothing.
 */
export const sliceIsOver = (): boolean => performance.now() - sliceStartedAt >= SLICE_MS;

/**
 * Like `sliceIsOver`, for work that began at `startedAt` (a transaction's first statement or last
 * turn): work that began after the last turn is timed from its own start, so a short request is
 * not sent to the back of the queue for the slice that background work used up before it.
 */
export const sliceIsOverSince = (startedAt: number): boolean =>
  performance.now() - Math.max(startedAt, sliceStartedAt) >= SLICE_MS;

/** Yields when the current slice is over; a step between the statements of a long write. */
export const yieldIfSliceIsOver = async (): Promise<void> => {
  if (sliceIsOver()) await yieldToEventLoop();
};

/** Maps `items`, giving the event loop a turn whenever the current slice is over. */
export async function mapYielding<T, R>(items: readonly T[], map: (item: T) => R): Promise<R[]> {
  const mapped = new Array<R>(items.length);
  for (let i = 0; i < items.length; i += 1) {
    if (sliceIsOver()) await yieldToEventLoop();
    mapped[i] = map(items[i]);
  }
  return mapped;
}
