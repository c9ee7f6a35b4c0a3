import type { Context, Next } from 'koa';

import { requestInFlight } from '../utils/event-loop';

/**
 * Lets requests in one at a time per turn of the event loop, in the order they arrived.
 *
 * Under load, a request on SQLite runs from start to answer without giving the event loop back
 * (better-sqlite3 answers synchronously), so a burst of ready requests is served back to back
 * while the sockets that became readable meanwhile wait; which of them is read next is then
 * unfair, and at 50 connections a few requests waited 7–10 s while the median was 0.5 s. Admitting
 * one request per turn lets the server read every waiting socket between two requests, so each
 * waits its turn: the same throughput, a tail close to the median. Requests that wait on I/O (on
 * PostgreSQL, uploads) are not held back: the next one is admitted on the next turn, whether the
 * one before has finished or not.
 */
export const createAdmissionQueue = () => {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const admitNext = () => {
    const admit = waiting.shift();
    if (waiting.length > 0) setImmediate(admitNext);
    else scheduled = false;
    admit?.();
  };
  return {
    /** Resolves when this request's turn has come. */
    admitted: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!scheduled) {
          scheduled = true;
          setImmediate(admitNext);
        }
      }),
    /** Requests waiting to be let in. */
    waiting: () => waiting.length,
  };
};

/**
 * The global middleware (`config/middlewares.ts`: `'plugin::crm.fair-admission'`). A request
 * counts as in flight from its arrival until it has been handled: background work (an import)
 * takes shorter slices of the event loop meanwhile.
 */
export default () => {
  const queue = createAdmissionQueue();
  return async (_ctx: Context, next: Next) => {
    const request = requestInFlight();
    try {
      await queue.admitted();
      return await request.handle(next);
    } finally {
      request.end();
    }
  };
};
