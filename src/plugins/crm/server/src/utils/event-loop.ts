/**
 * Long work on the main thread gives the event loop a turn now and then, so that requests and
 * timers wait no longer than one slice of it. SQLite's driver is synchronous, so without these
 * turns a batch of statements would be one turn however many statements it runs.
 */

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long a slice of work may hold the event loop before it yields. A fifth of the 50 ms a
 * request may wait: one turn of the loop can run two slices (one resumed by I/O or a timer, one
 * by `setImmediate`), and the statement or commit that ends a slice runs over it.
 */
export const SLICE_MS = 10;

/**
 * The slice of background work while requests are being served. Requests come first: each turn
 * of the loop serves one request (`fair-admission`) and then this much of an import, so a search
 * beside an import waits for a few milliseconds of it rather than for a whole slice, and the
 * import goes at full speed again as soon as no request is in flight.
 */
export const BACKGROUND_SLICE_BESIDE_REQUESTS_MS = 3;

let sliceStartedAt = performance.now();

/** A request counted in flight, while it is. */
interface RequestHandle {
  live: boolean;
}

/** The request being handled, for work started while handling it. */
const requestScope = new AsyncLocalStorage<RequestHandle>();
/** Background work, and the request it was started in (if any): it does not give way to that one. */
const backgroundScope = new AsyncLocalStorage<{ startedIn: RequestHandle | undefined }>();
let requestsInFlight = 0;

/**
 * Runs `work` as background work (an import's run, an upload's parsing and validation, a
 * validation after a mapping change, a duplicate scan): long work that gives way to the requests
 * in flight other than the one that started it, which may be waiting for it (an upload).
 */
export const runInBackground = <T>(work: () => T): T =>
  backgroundScope.run({ startedIn: requestScope.getStore() }, work);

/** Whether the caller runs as background work. */
export const inBackground = (): boolean => backgroundScope.getStore() !== undefined;

/**
 * Counts a request as in flight until `end()` (once; later calls do nothing); `handle` runs the
 * request's handling in its scope. Used for every request by the fair admission middleware.
 */
export const requestInFlight = () => {
  const request: RequestHandle = { live: true };
  requestsInFlight += 1;
  return {
    handle: <T>(work: () => T): T => requestScope.run(request, work),
    end() {
      if (!request.live) return;
      request.live = false;
      requestsInFlight -= 1;
    },
  };
};

/** The slice of the caller: shorter for background work while other requests are in flight. */
export const currentSliceMs = (): number => {
  const background = backgroundScope.getStore();
  if (!background) return SLICE_MS;
  const others = requestsInFlight - (background.startedIn?.live ? 1 : 0);
  return others > 0 ? BACKGROUND_SLICE_BESIDE_REQUESTS_MS : SLICE_MS;
};

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
export const sliceIsOver = (): boolean => performance.now() - sliceStartedAt >= currentSliceMs();

/**
 * Like `sliceIsOver`, for work that began at `startedAt` (a transaction's first statement or last
 * turn): work that began after the last turn is timed from its own start, so a short request is
 * not sent to the back of the queue for the slice that background work used up before it.
 */
export const sliceIsOverSince = (startedAt: number): boolean =>
  performance.now() - Math.max(startedAt, sliceStartedAt) >= currentSliceMs();

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
