import {
  blockingKeys,
  compareRecords,
  DEFAULT_DUPLICATE_BLOCK_SCORE,
  DEFAULT_DUPLICATE_THRESHOLD,
  sharedKeysWorthComparing,
} from '../../../../src/plugins/crm/server/src/domain/duplicates';
import { LABELLED_PAIRS } from './labelled-pairs';

const verdicts = LABELLED_PAIRS.map((pair) => ({
  pair,
  verdict: compareRecords(pair.a, pair.b),
}));
const positives = verdicts.filter(({ pair }) => pair.duplicate);
const negatives = verdicts.filter(({ pair }) => !pair.duplicate);

const sharesBlockingKey = (a: Parameters<typeof blockingKeys>[0], b: typeof a) => {
  const keysOfA = new Set(blockingKeys(a));
  return blockingKeys(b).some((key) => keysOfA.has(key));
};

describe('the labelled pairs', () => {
  it('are at least 300, with positives and hard negatives of every kind', () => {
    expect(LABELLED_PAIRS.length).toBeGreaterThanOrEqual(300);
    expect(positives.length).toBeGreaterThanOrEqual(150);
    expect(negatives.length).toBeGreaterThanOrEqual(120);
    for (const type of ['individual', 'contact', 'business'] as const) {
      expect(positives.some(({ pair }) => pair.a.type === type)).toBe(true);
      expect(negatives.some(({ pair }) => pair.a.type === type)).toBe(true);
    }
  });

  it('are told apart with precision ≥ 0.95 and recall ≥ 0.90 at the default threshold', () => {
    const found = (threshold: number) =>
      verdicts.filter(({ verdict }) => verdict.score >= threshold);
    const called = found(DEFAULT_DUPLICATE_THRESHOLD);
    const truePositives = called.filter(({ pair }) => pair.duplicate).length;
    const precision = truePositives / called.length;
    const recall = truePositives / positives.length;
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('block only duplicates at the blocking score', () => {
    const blocked = verdicts.filter(
      ({ verdict }) => verdict.score >= DEFAULT_DUPLICATE_BLOCK_SCORE
    );
    expect(blocked.every(({ pair }) => pair.duplicate)).toBe(true);
    expect(blocked.length).toBeGreaterThan(positives.length / 2);
  });

  it('share a blocking key when they are duplicates (at least 95% of them)', () => {
    const sharing = positives.filter(({ pair }) => sharesBlockingKey(pair.a, pair.b)).length;
    expect(sharing / positives.length).toBeGreaterThanOrEqual(0.95);
  });

  it('that score as duplicates share a decisive key or keys of two kinds, the pairs a scan compares', () => {
    const missed = verdicts
      .filter(({ verdict }) => verdict.score >= DEFAULT_DUPLICATE_THRESHOLD)
      .filter(({ pair }) => {
        const keysOfA = new Set(blockingKeys(pair.a));
        const shared = blockingKeys(pair.b).filter((key) => keysOfA.has(key));
        return !sharedKeysWorthComparing(shared);
      })
      .map(({ pair }) => pair.why);
    expect(missed).toEqual([]);
  });

  it('score the same whichever record comes first, always within [0, 1]', () => {
    for (const { pair, verdict } of verdicts) {
      expect(verdict.score).toBeGreaterThanOrEqual(0);
      expect(verdict.score).toBeLessThanOrEqual(1);
      expect(compareRecords(pair.b, pair.a).score).toBe(verdict.score);
    }
  });
});
