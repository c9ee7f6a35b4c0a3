/**
 * Groups of records that match each other: the connected components of the pairs a scan found,
 * each with the pairs that tie it and its best score, best groups first.
 */
export interface ScoredPair {
  first: number;
  second: number;
  score: number;
  reasons: string[];
}

export interface DuplicateCluster {
  /** Record ids, ascending. */
  ids: number[];
  pairs: ScoredPair[];
  /** The best score of its pairs. */
  score: number;
}

export function clusterPairs(pairs: readonly ScoredPair[]): DuplicateCluster[] {
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short on large components.
    for (let node = id; node !== root;) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const { first, second } of pairs) {
    if (!parent.has(first)) parent.set(first, first);
    if (!parent.has(second)) parent.set(second, second);
    const [a, b] = [find(first), find(second)];
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const clusters = new Map<number, DuplicateCluster>();
  for (const pair of pairs) {
    const root = find(pair.first);
    const cluster = clusters.get(root) ?? { ids: [], pairs: [], score: 0 };
    cluster.pairs.push(pair);
    cluster.score = Math.max(cluster.score, pair.score);
    clusters.set(root, cluster);
  }
  for (const id of parent.keys()) clusters.get(find(id))?.ids.push(id);
  return [...clusters.values()]
    .map((cluster) => ({
      ...cluster,
      ids: cluster.ids.sort((a, b) => a - b),
      pairs: cluster.pairs.sort((a, b) => b.score - a.score),
    }))
    .sort((a, b) => b.score - a.score || b.ids.length - a.ids.length || a.ids[0] - b.ids[0]);
}
