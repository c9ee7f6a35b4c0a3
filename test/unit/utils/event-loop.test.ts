import { mapInSlices } from '../../../src/plugins/crm/server/src/utils/event-loop';

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
