import {
  SLICE_MS,
  mapInSlices,
  mapYielding,
  sliceIsOver,
  yieldToEventLoop,
} from '../../../src/plugins/crm/server/src/utils/event-loop';

/** Holds the thread for `ms`, as a synchronous statement would. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('mapInSlices', () => {
  it('maps every item in order', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => i);
    expect(await mapInSlices(items, 100, (n) => n * 2)).toEqual(items.map((n) => n * 2));
    expect(await mapInSlices([], 100, (n: number) => n)).toEqual([]);
  });

  it('gives the event loop a turn between slices, never inside one', async () => {
    const seen: string[] = [];
    const mapping = mapInSlices([1, 2, 3, 4, 5], 2, (n) => {
      seen.push(`item ${n}`);
      // Work waiting for the loop: it runs at the next turn, between two slices.
      setImmediate(() => seen.push(`turn after ${n}`));
      return n;
    });
    await mapping;
    expect(seen.slice(0, 3)).toEqual(['item 1', 'item 2', 'turn after 1']);
    expect(seen.indexOf('item 3')).toBeGreaterThan(seen.indexOf('turn after 2'));
    expect(seen.indexOf('item 4')).toBe(seen.indexOf('item 3') + 1);
  });
});

describe('slices of time', () => {
  it('says a slice is over once the work since the last turn took SLICE_MS', async () => {
    await yieldToEventLoop();
    expect(sliceIsOver()).toBe(false);
    busy(SLICE_MS + 1);
    expect(sliceIsOver()).toBe(true);
    await yieldToEventLoop();
    expect(sliceIsOver()).toBe(false);
  });

  it('maps every item in order, with a turn of the event loop whenever a slice is over', async () => {
    await yieldToEventLoop();
    const turns: number[] = [];
    const turnsSeenBy: number[] = [];
    const mapped = await mapYielding([1, 2, 3, 4], (n) => {
      turnsSeenBy.push(turns.length);
      setImmediate(() => turns.push(n));
      // Items 1 and 3 each fill a slice: a turn comes before the item after each, none otherwise.
      if (n % 2 === 1) busy(SLICE_MS + 1);
      return n * 10;
    });
    expect(mapped).toEqual([10, 20, 30, 40]);
    expect(turnsSeenBy).toEqual([0, 1, 1, 3]);
    expect(await mapYielding([], (n: number) => n)).toEqual([]);
  });
});
