import type { Core } from '@strapi/strapi';

import { rebuildSearchIndexIfNeeded } from '../../../src/plugins/crm/server/src/services/search-index-rebuild';

/** A Strapi stand-in whose search index is out of step and rebuilds `total` customers in batches. */
const strapiWith = (index: { inStep: boolean; total: number; batch: number }) => {
  const lines: string[] = [];
  const searchIndex = {
    inStep: async () => index.inStep,
    customerCount: async () => index.total,
    rebuild: async (onProgress?: (done: number) => void) => {
      for (let done = index.batch; done < index.total + index.batch; done += index.batch)
        onProgress?.(Math.min(done, index.total));
      return index.total;
    },
  };
  const strapi = {
    log: { info: (line: string) => lines.push(line) },
    plugin: () => ({ service: () => searchIndex }),
  } as unknown as Core.Strapi;
  return { strapi, lines };
};

describe('the search index rebuild at start-up', () => {
  let now = 0;
  beforeEach(() => {
    now = 0;
    // Every reading of the clock is 2 s after the previous one.
    jest.spyOn(Date, 'now').mockImplementation(() => (now += 2000));
  });
  afterEach(() => jest.restoreAllMocks());

  it('says nothing when the index holds exactly the customers', async () => {
    const { strapi, lines } = strapiWith({ inStep: true, total: 10, batch: 5 });
    await rebuildSearchIndexIfNeeded(strapi);
    expect(lines).toEqual([]);
  });

  it('logs that start-up waits, its progress at most every 5 s, and the end', async () => {
    const { strapi, lines } = strapiWith({ inStep: false, total: 20000, batch: 5000 });
    await rebuildSearchIndexIfNeeded(strapi);
    expect(lines[0]).toBe(
      '[crm] rebuilding the customer search index (20000 customers); start-up waits for it'
    );
    const progress = lines.slice(1, -1);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThan(4);
    for (const line of progress)
      expect(line).toMatch(/^\[crm\] customer search index: \d+ of 20000 customers \(\d+%\)$/);
    expect(lines.at(-1)).toMatch(
      /^\[crm\] customer search index built \(20000 customers in [\d.]+ s\)$/
    );
  });
});
