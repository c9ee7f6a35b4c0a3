import { clusterPairs } from '../../../src/plugins/crm/server/src/domain';

const pair = (first: number, second: number, score: number) => ({
  first,
  second,
  score,
  reasons: ['email'],
});

describe('clusterPairs', () => {
  it('joins records tied through other records, best clusters first', () => {
    const clusters = clusterPairs([
      pair(1, 2, 0.85),
      pair(7, 8, 0.99),
      pair(2, 3, 0.9),
      pair(9, 3, 0.8),
    ]);
    expect(clusters.map((cluster) => [cluster.ids, cluster.score])).toEqual([
      [[7, 8], 0.99],
      [[1, 2, 3, 9], 0.9],
    ]);
    expect(clusters[1].pairs.map((p) => p.score)).toEqual([0.9, 0.85, 0.8]);
  });

  it('has no cluster without a pair', () => {
    expect(clusterPairs([])).toEqual([]);
  });
});
