import { AsyncResource } from 'node:async_hooks';

import type { Context } from 'koa';

import fairAdmission, {
  createAdmissionQueue,
} from '../../../src/plugins/crm/server/src/middlewares/fair-admission';
import {
  BACKGROUND_SLICE_BESIDE_REQUESTS_MS,
  SLICE_MS,
  currentSliceMs,
  runInBackground,
} from '../../../src/plugins/crm/server/src/utils/event-loop';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the admission queue', () => {
  it('lets requests in in their order of arrival', async () => {
    const queue = createAdmissionQueue();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => queue.admitted().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(queue.waiting()).toBe(0);
  });

  it('lets one request in per turn of the event loop, so I/O callbacks run between two', async () => {
    const queue = createAdmissionQueue();
    const events: string[] = [];
    const arrivals = [1, 2, 3].map((n) => queue.admitted().then(() => events.push(`request ${n}`)));
    // What the event loop does between two admissions (reading sockets, timers).
    const turns = (async () => {
      for (let turn = 1; turn <= 3; turn += 1) {
        await nextTurn();
        events.push(`turn ${turn}`);
      }
    })();
    await Promise.all([...arrivals, turns]);
    const admittedAt = [1, 2, 3].map((n) => events.indexOf(`request ${n}`));
    expect(admittedAt[1] - admittedAt[0]).toBeGreaterThan(1);
    expect(admittedAt[2] - admittedAt[1]).toBeGreaterThan(1);
  });

  it('admits a request that arrives after the queue emptied', async () => {
    const queue = createAdmissionQueue();
    await queue.admitted();
    await nextTurn();
    await expect(queue.admitted()).resolves.toBeUndefined();
  });
});

describe('the fair admission middleware', () => {
  // The slice of background work started before the requests (an import already running).
  const runningImportSlice = runInBackground(() => AsyncResource.bind(() => currentSliceMs()));

  it('counts a request in flight from its arrival until it is handled, failed or not', async () => {
    const middleware = fairAdmission();
    const seen: number[] = [];
    const request = middleware({} as Context, async () => {
      seen.push(runningImportSlice());
      // Work the request itself starts does not give way to it (an upload).
      seen.push(runInBackground(() => currentSliceMs()));
    });
    // Waiting for its turn counts too.
    seen.push(runningImportSlice());
    await request;
    expect(seen).toEqual([
      BACKGROUND_SLICE_BESIDE_REQUESTS_MS,
      BACKGROUND_SLICE_BESIDE_REQUESTS_MS,
      SLICE_MS,
    ]);
    expect(runningImportSlice()).toBe(SLICE_MS);

    await expect(
      middleware({} as Context, async () => {
        throw new Error('refused');
      })
    ).rejects.toThrow('refused');
    expect(runningImportSlice()).toBe(SLICE_MS);
  });
});
