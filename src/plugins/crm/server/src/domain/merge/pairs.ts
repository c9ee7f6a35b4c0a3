/**
 * Links between two records (connections, loose relationships, list memberships) when some of
 * those records are merged into one: each end that is a merged record moves to the survivor, a link
 * between two of the merged records (the survivor included) goes, and links that become the same
 * link are folded into one.
 */
export interface MergeLink {
  /** The link's own documentId. */
  documentId: string;
  first: string;
  second: string;
  /** What besides its ends makes two links the same (a loose relationship's type); '' when nothing. */
  kind?: string;
  /** When it was made (ISO), to keep the oldest of links folded together. */
  createdAt?: string | null;
  /** The link's row id: the older of two made at the same moment. */
  order?: number;
}

export interface LinkPlan {
  /** Links with an end moved to the survivor, as they are after the merge. */
  moved: { link: MergeLink; first: string; second: string }[];
  /** Links between two of the merged records, removed. */
  removed: MergeLink[];
  /** Links that became the same as a kept one (`into`), removed. */
  folded: { link: MergeLink; into: string }[];
}

const time = (value: string | null | undefined) => {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
};

/**
 * Plans the links of `members` (the survivor and the merged records) when they become `survivor`.
 * `directed` links (a relationship from one customer to another, a list and its member) are the
 * same when both ends match in order; undirected ones (connections) in either order. Of links that
 * fold together, the one the survivor already had is kept, else the oldest.
 */
export function planLinks(
  links: readonly MergeLink[],
  members: ReadonlySet<string>,
  survivor: string,
  options: { directed: boolean }
): LinkPlan {
  const end = (documentId: string) => (members.has(documentId) ? survivor : documentId);
  const plan: LinkPlan = { moved: [], removed: [], folded: [] };
  const groups = new Map<string, { link: MergeLink; first: string; second: string }[]>();
  for (const link of links) {
    const first = end(link.first);
    const second = end(link.second);
    if (first === survivor && second === survivor) {
      plan.removed.push(link);
      continue;
    }
    const ends = options.directed ? [first, second] : [first, second].sort();
    const key = JSON.stringify([...ends, link.kind ?? '']);
    const group = groups.get(key) ?? [];
    group.push({ link, first, second });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const unchanged = (entry: { link: MergeLink; first: string; second: string }) =>
      entry.first === entry.link.first && entry.second === entry.link.second;
    const [keep, ...rest] = [...group].sort(
      (a, b) =>
        Number(unchanged(b)) - Number(unchanged(a)) ||
        time(a.link.createdAt) - time(b.link.createdAt) ||
        (a.link.order ?? 0) - (b.link.order ?? 0) ||
        (a.link.documentId < b.link.documentId ? -1 : 1)
    );
    if (!unchanged(keep)) plan.moved.push(keep);
    for (const entry of rest) plan.folded.push({ link: entry.link, into: keep.link.documentId });
  }
  return plan;
}
