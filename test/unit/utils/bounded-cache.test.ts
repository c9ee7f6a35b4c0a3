import { BoundedCache } from '../../../src/plugins/crm/server/src/utils/bounded-cache';

describe('BoundedCache', () => {
  it('holds at most its capacity, dropping the least recently used', () => {
    const cache = new BoundedCache<string, number | null>(2);
    cache.set('a', 1);
    cache.set('b', null);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('remembers a null answer apart from no answer', () => {
    const cache = new BoundedCache<string, number | null>(1);
    cache.set('none', null);
    expect(cache.get('none')).toBeNull();
    expect(cache.get('other')).toBeUndefined();
  });

  it('refuses a capacity below one', () => {
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
