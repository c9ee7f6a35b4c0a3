/** Lets the event loop answer what is waiting (requests, timers) before going on. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Maps `items` in slices of `size`, giving the event loop a turn between slices, so that a long
 * synchronous loop never holds it for more than one slice's work.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  size: number,
  map: (item: T) => R
): Promise<R[]> {
  const mapped: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await yieldToEventLoop();
    const end = Math.min(start + size, items.length);
    for (let i = start; i < end; i += 1) mapped.push(map(items[i]));
  }
  return mapped;
}
