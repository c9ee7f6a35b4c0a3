import {
  CONTACT_POINT_PLURALS,
  checkContactPointSet,
  type ContactPointKind,
  type ContactPointLimits,
} from '../contact-points';
import type { CustomerType } from '../customer';
import { DomainValidationError, type RuleIssue } from '../errors';

/** A contact point of one of the merged customers, with the values its identity is read from. */
export interface MergePoint {
  documentId: string;
  /** The documentId of the customer it belongs to. */
  customer: string;
  type: string;
  isPrimary: boolean;
  number?: string | null;
  address?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

const fold = (value: unknown) =>
  typeof value === 'string'
    ? value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
    : '';

const ADDRESS_PARTS = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/**
 * What makes two points of a kind the same point: the same E.164 number, the same e-mail address
 * without case, the same address (every line, city, region, postal code and country, without case
 * or extra spaces). The point's type does not count: a number is one number, home or cell.
 */
export function contactPointIdentity(kind: ContactPointKind, point: MergePoint): string {
  switch (kind) {
    case 'phone':
      return (point.number ?? '').replace(/[^\d+]/g, '');
    case 'email':
      return fold(point.address);
    case 'address':
      return ADDRESS_PARTS.map((part) => fold(point[part])).join('\u0001');
  }
}

/** The point's value as a person reads it (in a conflict's candidates). */
export function contactPointValue(kind: ContactPointKind, point: MergePoint): string {
  switch (kind) {
    case 'phone':
      return point.number ?? '';
    case 'email':
      return point.address ?? '';
    case 'address':
      return [point.line1, point.line2, point.postalCode, point.city, point.region, point.country]
        .filter((part) => typeof part === 'string' && part.trim() !== '')
        .join(', ');
  }
}

export interface PooledPoints {
  kind: ContactPointKind;
  /** Every distinct point of the customers merged: what `keep` chooses from. */
  distinct: MergePoint[];
  /** The points the survivor has after the merge, in order (its own first). */
  kept: MergePoint[];
  /** Points identical to a kept one (`sameAs`), removed. */
  duplicates: { point: MergePoint; sameAs: string }[];
  /** Distinct points `keep` left out, removed (the merge record keeps them for an undo). */
  leftOut: MergePoint[];
  /** The kept point that is the primary of its kind, or null when none is kept. */
  primary: string | null;
  /** Broken limits of the kept set (limit, one per type), for the conflict. */
  issues: RuleIssue[];
}

/**
 * Pools the points of one kind of the merged customers: `points` come survivor first, then each
 * merged customer's in the order given. Identical points become one (the first: the survivor's when
 * it has it). `keep`, when given, lists the documentIds of the points to keep (naming a duplicate
 * keeps the point it is identical to); the others are left out. The survivor's primary stays
 * primary; without one, the first merged customer's primary. Unknown documentIds in `keep` are
 * refused; broken limits are returned as `issues` for the caller to report.
 */
export function poolContactPoints(input: {
  kind: ContactPointKind;
  customerType: CustomerType;
  points: readonly MergePoint[];
  limits: ContactPointLimits;
  keep?: readonly string[];
}): PooledPoints {
  const { kind, points } = input;
  const representative = new Map<string, MergePoint>();
  const distinct: MergePoint[] = [];
  const duplicates: { point: MergePoint; sameAs: string }[] = [];
  const ofIdentity = new Map<string, MergePoint>();
  for (const point of points) {
    const identity = contactPointIdentity(kind, point);
    const first = ofIdentity.get(identity);
    if (first) {
      duplicates.push({ point, sameAs: first.documentId });
      representative.set(point.documentId, first);
    } else {
      ofIdentity.set(identity, point);
      distinct.push(point);
      representative.set(point.documentId, point);
    }
  }

  let kept = distinct;
  let leftOut: MergePoint[] = [];
  if (input.keep) {
    const plural = CONTACT_POINT_PLURALS[kind];
    const unknown: RuleIssue[] = [];
    const wanted = new Set<string>();
    input.keep.forEach((documentId, index) => {
      const point = representative.get(documentId);
      if (!point) {
        unknown.push({
          path: ['keep', kind, index],
          rule: 'merge.keep',
          message: `keep.${kind}[${index}]: ${documentId} is not one of the ${plural} of the customers merged`,
        });
      } else wanted.add(point.documentId);
    });
    if (unknown.length > 0) throw new DomainValidationError(unknown);
    kept = distinct.filter((point) => wanted.has(point.documentId));
    leftOut = distinct.filter((point) => !wanted.has(point.documentId));
  }

  const primary = (kept.find((point) => point.isPrimary) ?? kept[0])?.documentId ?? null;
  const issues = checkContactPointSet(input.customerType, kind, kept, input.limits).map(
    (issue) => ({ ...issue, path: ['keep', kind] })
  );
  return { kind, distinct, kept, duplicates, leftOut, primary, issues };
}

/** A kind whose pooled points break a limit: the candidates to choose from with `keep`. */
export interface PointConflict {
  kind: ContactPointKind;
  rules: string[];
  message: string;
  candidates: {
    documentId: string;
    type: string;
    value: string;
    customer: string;
    isPrimary: boolean;
  }[];
}

/** The kinds whose pooled points break the limits, with their candidates (the distinct points). */
export function contactPointConflicts(pools: readonly PooledPoints[]): PointConflict[] {
  return pools
    .filter((pool) => pool.issues.length > 0)
    .map((pool) => ({
      kind: pool.kind,
      rules: [...new Set(pool.issues.map((issue) => issue.rule))],
      message: `${pool.issues.map((issue) => issue.message).join('; ')}: choose the ${CONTACT_POINT_PLURALS[pool.kind]} to keep with keep.${pool.kind}`,
      candidates: pool.distinct.map((point) => ({
        documentId: point.documentId,
        type: point.type,
        value: contactPointValue(pool.kind, point),
        customer: point.customer,
        isPrimary: point.isPrimary,
      })),
    }));
}
