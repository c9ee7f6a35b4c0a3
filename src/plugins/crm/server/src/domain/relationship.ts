import {
  LOOSE_TYPES,
  RELATIONSHIP_KINDS,
  type LooseType,
  type RelationshipKind,
} from '../../../contracts';
import { DomainValidationError, type RuleIssue, assertNoIssues, readEnumValue } from './errors';

/**
 * Relationships between customers: hierarchical (parent and child, e.g. head office and
 * branch; one parent at most, never a cycle) and loose links typed other, investor or subsidiary.
 */
export { LOOSE_TYPES, RELATIONSHIP_KINDS };
export type { LooseType, RelationshipKind };

/** Which relation fields each kind uses (the others must be empty). */
export const RELATIONSHIP_SIDES: Record<RelationshipKind, readonly [string, string]> = {
  hierarchical: ['parent', 'child'],
  loose: ['customer', 'linkedCustomer'],
};

export interface RelationshipFields {
  kind: RelationshipKind;
  type: LooseType | null;
}

/** Validates kind and type, and that both sides are given and differ. */
export function validateRelationship(
  input: Record<string, unknown>,
  sides: { first: number | null; second: number | null }
): RelationshipFields {
  const issues: RuleIssue[] = [];
  const kind = readEnumValue(input, 'kind', RELATIONSHIP_KINDS, issues, null);
  if (kind === null) {
    if (issues.length === 0) {
      issues.push({
        path: ['kind'],
        rule: 'relationship.kind',
        message: 'kind is required: hierarchical or loose',
      });
    }
    throw new DomainValidationError(issues);
  }
  const [firstName, secondName] = RELATIONSHIP_SIDES[kind];
  if (sides.first === null) {
    issues.push({
      path: [firstName],
      rule: 'relationship.required',
      message: `a ${kind} relationship needs a ${firstName}`,
    });
  }
  if (sides.second === null) {
    issues.push({
      path: [secondName],
      rule: 'relationship.required',
      message: `a ${kind} relationship needs a ${secondName}`,
    });
  }
  let type: LooseType | null = null;
  if (kind === 'loose') {
    type = readEnumValue(input, 'type', LOOSE_TYPES, issues, 'other');
  } else if (input.type !== undefined && input.type !== null) {
    issues.push({
      path: ['type'],
      rule: 'relationship.type',
      message: 'a hierarchical relationship has no type',
    });
  }
  if (sides.first !== null && sides.first === sides.second) {
    issues.push({
      path: [secondName],
      rule: 'relationship.self',
      message: 'a customer cannot be related to itself',
    });
  }
  assertNoIssues(issues);
  return { kind, type };
}

/** A customer has one parent at most. */
export function assertNoOtherParent(existingParent: number | null): void {
  if (existingParent !== null) {
    throw new DomainValidationError({
      path: ['child'],
      rule: 'relationship.oneParent',
      message: 'this customer already has a parent; remove that link first',
    });
  }
}

/**
 * Linking `child` under `parent` closes a cycle when the child is the parent or one of its
 * ancestors (a customer cannot become an ancestor of itself).
 */
export function assertNoCycle(
  childId: number,
  parentAncestors: ReadonlySet<number>,
  parentId: number
): void {
  if (childId === parentId || parentAncestors.has(childId)) {
    throw new DomainValidationError({
      path: ['parent'],
      rule: 'relationship.cycle',
      message: 'this link would make a customer its own ancestor (a cycle in the hierarchy)',
    });
  }
}

/** Loose links of the same pair and type are kept once. */
export function assertNotDuplicateLink(exists: boolean): void {
  if (exists) {
    throw new DomainValidationError({
      path: ['linkedCustomer'],
      rule: 'relationship.duplicate',
      message: 'these customers already have a link of this type',
    });
  }
}

const LOOSE_LABELS: Record<LooseType, { from: string; to: string }> = {
  investor: { from: 'investor in', to: 'has investor' },
  subsidiary: { from: 'subsidiary of', to: 'has subsidiary' },
  other: { from: 'linked to', to: 'linked to' },
};

/**
 * The relationship as seen from one of its customers, read as "<this customer> <label> <other>":
 * `parent of` / `child of` for a hierarchy, `investor in` / `has investor`, `subsidiary of` /
 * `has subsidiary`, `linked to` for loose links. The first side is the parent (hierarchical) or
 * the customer that made the link (loose).
 */
export function relationshipLabel(
  kind: RelationshipKind,
  type: LooseType | null,
  seenFromFirstSide: boolean
): string {
  if (kind === 'hierarchical') return seenFromFirstSide ? 'parent of' : 'child of';
  const labels = LOOSE_LABELS[type ?? 'other'];
  return seenFromFirstSide ? labels.from : labels.to;
}
