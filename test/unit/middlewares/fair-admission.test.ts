import { createAdmissionQueue } from '../../../src/plugins/crm/server/src/middlewares/fair-admission';

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
