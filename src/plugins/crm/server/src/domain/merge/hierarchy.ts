import { DomainValidationError } from '../errors';
import { assertNoCycle } from '../relationship';
import { MergeConflict } from './errors';

/**
 * The hierarchy when `members` (the survivor and the merged customers) become `survivor`: its
 * parent is the one parent outside the merge any of them had (links between them go), and every
 * child of any of them becomes its child. Refused, as conflicts:
 * - the members have different parents: a customer has one parent (`relationship.oneParent`);
 * - the parent descends from one of the members, so the survivor would be its own ancestor
 *   (`relationship.cycle`, the relationship rule, applied to the merged hierarchy).
 * `parentOf` holds the parent (or null) of every member and of every ancestor of theirs.
 */
export function mergedParent(
  members: readonly string[],
  survivor: string,
  parentOf: ReadonlyMap<string, string | null>
): string | null {
  const inMerge = new Set(members);
  const parents = new Map<string, string[]>();
  for (const member of members) {
    const parent = parentOf.get(member) ?? null;
    if (parent === null || inMerge.has(parent)) continue;
    parents.set(parent, [...(parents.get(parent) ?? []), member]);
  }
  if (parents.size > 1) {
    const which = [...parents].map(([parent, children]) => `${children.join(', ')} → ${parent}`);
    throw new MergeConflict(
      'relationship.oneParent',
      `the customers merged have different parents (${which.join('; ')}); a customer has one parent: remove all but one of these links first`,
      { parents: [...parents].map(([parent, children]) => ({ parent, children })) }
    );
  }
  const [parent] = [...parents.keys()];
  if (parent === undefined) return null;

  // The parent's ancestors as they are after the merge: any member among them is the survivor.
  const ancestors = new Set<string>();
  const path: string[] = [];
  const seen = new Set<string>();
  for (let at = parentOf.get(parent) ?? null; at !== null && !seen.has(at);) {
    seen.add(at);
    path.push(at);
    ancestors.add(inMerge.has(at) ? survivor : at);
    at = parentOf.get(at) ?? null;
  }
  // The relationship rule works on row ids: number the customers involved.
  const numbers = new Map<string, number>();
  const numberOf = (id: string) => {
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return numbers.get(id)!;
  };
  try {
    assertNoCycle(numberOf(survivor), new Set([...ancestors].map(numberOf)), numberOf(parent));
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error;
    const member = path.find((id) => inMerge.has(id));
    throw new MergeConflict(
      'relationship.cycle',
      `merging would close a cycle in the hierarchy: ${parent} (parent of ${parents.get(parent)!.join(', ')}) descends from ${member ?? survivor}, which is merged; remove one of these links first`,
      { parent, ancestor: member ?? survivor, path: [parent, ...path] }
    );
  }
  return parent;
}
