import type { Core } from '@strapi/strapi';

import {
  readEachIn,
  readTogether,
  readTogetherIn,
} from '../../../src/plugins/crm/server/src/utils/read-together';

/** A read that records when it starts and ends, answering `value` a tick later. */
const recorder = () => {
  const events: string[] = [];
  const read =
    <T>(value: T) =>
    async () => {
      events.push(`start ${String(value)}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${String(value)}`);
      return value;
    };
  return { events, read };
};

const strapiIn = (inTransaction: boolean) =>
  ({ db: { inTransaction: () => inTransaction } }) as unknown as Core.Strapi;

describe('readTogether', () => {
  it('starts every read at once on the pool', async () => {
    const { events, read } = recorder();
    expect(await readTogether(false, [read(1), read('two')])).toEqual([1, 'two']);
    expect(events.slice(0, 2)).toEqual(['start 1', 'start two']);
  });

  it('runs them one after another on one connection, in order', async () => {
    const { events, read } = recorder();
    expect(await readTogetherIn(strapiIn(true), [read(1), read(2), read(3)])).toEqual([1, 2, 3]);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('maps items to reads the same way', async () => {
    for (const inTransaction of [false, true]) {
      const { events, read } = recorder();
      const results = await readEachIn(strapiIn(inTransaction), ['a', 'b'], (item, index) =>
        read(`${item}${index}`)()
      );
      expect(results).toEqual(['a0', 'b1']);
      expect(events[1]).toBe(inTransaction ? 'end a0' : 'start b1');
    }
  });
});
