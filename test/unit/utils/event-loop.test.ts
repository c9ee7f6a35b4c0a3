import {
  BACKGROUND_SLICE_BESIDE_REQUESTS_MS,
  SLICE_MS,
  currentSliceMs,
  inBackground,
  mapYielding,
  requestInFlight,
  runInBackground,
  sliceIsOver,
  sliceIsOverSince,
  yieldToEventLoop,
} from '../../../src/plugins/crm/server/src/utils/event-loop';

/** Holds the thread for `ms`, as a synchronous statement would. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('slices of time', () => {
  it('times work that began after the last turn from its own start', async () => {
    await yieldToEventLoop();
    busy(SLICE_MS + 1);
    const startedAt = performance.now();
    expect(sliceIsOver()).toBe(true);
    expect(sliceIsOverSince(startedAt)).toBe(false);
    busy(SLICE_MS + 1);
    expect(sliceIsOverSince(startedAt)).toBe(true);
    // Work that began before the last turn is timed from that turn.
    await yieldToEventLoop();
    expect(sliceIsOverSince(startedAt)).toBe(false);
  });

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

describe('background work beside requests', () => {
  it('takes the short slice only while a request is in flight', async () => {
    await runInBackground(async () => {
      expect(inBackground()).toBe(true);
      expect(currentSliceMs()).toBe(SLICE_MS);
      const request = requestInFlight();
      // Across awaits and turns of the loop: the scope follows the work.
      await yieldToEventLoop();
      expect(currentSliceMs()).toBe(BACKGROUND_SLICE_BESIDE_REQUESTS_MS);
      busy(BACKGROUND_SLICE_BESIDE_REQUESTS_MS + 1);
      expect(sliceIsOver()).toBe(true);
      request.end();
      request.end(); // a request ends once, however often it says so
      expect(currentSliceMs()).toBe(SLICE_MS);
      expect(sliceIsOver()).toBe(false);
    });
  });

  it('leaves requests and other work their full slice', async () => {
    expect(inBackground()).toBe(false);
    const request = requestInFlight();
    try {
      await request.handle(async () => {
        expect(currentSliceMs()).toBe(SLICE_MS);
        await yieldToEventLoop();
        busy(BACKGROUND_SLICE_BESIDE_REQUESTS_MS + 1);
        expect(sliceIsOver()).toBe(false);
        expect(sliceIsOverSince(performance.now() - SLICE_MS)).toBe(false);
      });
    } finally {
      request.end();
    }
  });

  it('does not give way to the request that started it, only to others', async () => {
    const upload = requestInFlight();
    let work: Promise<void> | undefined;
    await upload.handle(async () => {
      work = runInBackground(async () => {
        expect(currentSliceMs()).toBe(SLICE_MS);
        const search = requestInFlight();
        expect(currentSliceMs()).toBe(BACKGROUND_SLICE_BESIDE_REQUESTS_MS);
        search.end();
        expect(currentSliceMs()).toBe(SLICE_MS);
        // Once the request that started it is answered, it counts no more (an import's start).
        upload.end();
        const other = requestInFlight();
        await yieldToEventLoop();
        expect(currentSliceMs()).toBe(BACKGROUND_SLICE_BESIDE_REQUESTS_MS);
        other.end();
      });
    });
    await work;
    upload.end();
  });

  it('times a background transaction by the short slice while requests wait', async () => {
    const request = requestInFlight();
    try {
      await runInBackground(async () => {
        await yieldToEventLoop();
        const startedAt = performance.now();
        busy(BACKGROUND_SLICE_BESIDE_REQUESTS_MS + 1);
        expect(sliceIsOverSince(startedAt)).toBe(true);
      });
    } finally {
      request.end();
    }
  });
});
