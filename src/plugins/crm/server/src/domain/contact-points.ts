import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  CONTACT_POINT_TYPES,
  DEFAULT_CONTACT_POINT_LIMITS,
  type ContactPointKind,
  type ContactPointLimits,
  type KindLimits,
} from '../../../contracts';
import type { CustomerType } from './customer';
import { DomainValidationError, RuleIssue } from './errors';

export {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  CONTACT_POINT_TYPES,
  DEFAULT_CONTACT_POINT_LIMITS,
};
export type { ContactPointKind, ContactPointLimits, KindLimits };

export function defaultContactPointType(kind: ContactPointKind): string {
  return CONTACT_POINT_TYPES[kind][0];
}

function resolveKindLimits(
  customerType: 'individual' | 'business',
  override: unknown,
  issues: RuleIssue[]
): KindLimits {
  const resolved: KindLimits = { ...DEFAULT_CONTACT_POINT_LIMITS[customerType] };
  if (override === undefined || override === null) return resolved;
  if (typeof override !== 'object' || Array.isArray(override)) {
    issues.push({
      path: [customerType],
      rule: 'config.contactPointLimits',
      message: `contact point limits for ${customerType} must be an object`,
    });
    return resolved;
  }
  const values = override as Record<string, unknown>;

  for (const kind of CONTACT_POINT_KINDS) {
    const limit = values[kind];
    if (limit === undefined) continue;
    if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit <= 0) {
      issues.push({
        path: [customerType, kind],
        rule: 'config.contactPointLimits',
        message: `${customerType}.${kind} limit must be a positive integer`,
      });
      continue;
    }
    resolved[kind] = limit;
  }

  const onePerType = values.onePerType;
  if (onePerType !== undefined) {
    if (typeof onePerType !== 'boolean') {
      issues.push({
        path: [customerType, 'onePerType'],
        rule: 'config.contactPointLimits',
        message: `${customerType}.onePerType must be true or false`,
      });
    } else {
      resolved.onePerType = onePerType;
    }
  }
  return resolved;
}

/** Merges plugin config over the defaults; throws DomainValidationError on a non-positive/non-integer limit. */
export function resolveContactPointLimits(config?: unknown): ContactPointLimits {
  const issues: RuleIssue[] = [];
  if (
    config !== undefined &&
    config !== null &&
    (typeof config !== 'object' || Array.isArray(config))
  ) {
    throw new DomainValidationError({
      path: [],
      rule: 'config.contactPointLimits',
      message: 'contact point limits must be an object',
    });
  }
  const overrides = (config ?? {}) as { individual?: unknown; business?: unknown };
  const limits: ContactPointLimits = {
    individual: resolveKindLimits('individual', overrides.individual, issues),
    business: resolveKindLimits('business', overrides.business, issues),
  };
  if (issues.length > 0) {
    throw new DomainValidationError(issues);
  }
  return limits;
}

function customerArticle(customerType: CustomerType): string {
  return customerType === 'business' ? 'a business' : 'an individual';
}

/**
 * Checks the full set of one kind of contact points a customer would have after a write.
 * Returns issues (does not throw). Paths: [CONTACT_POINT_PLURALS[kind]].
 */
export function checkContactPointSet(
  customerType: CustomerType,
  kind: ContactPointKind,
  points: readonly { type: string }[],
  limits: ContactPointLimits
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const plural = CONTACT_POINT_PLURALS[kind];
  const path = [plural];
  const allowedTypes: readonly string[] = CONTACT_POINT_TYPES[kind];
  // A customer whose type is not set yet gets the default type's limits, as validateCustomer would default it.
  const effectiveCustomerType: CustomerType =
    customerType === 'business' ? 'business' : 'individual';
  const kindLimits = limits[effectiveCustomerType];
  const article = customerArticle(effectiveCustomerType);

  const limit = kindLimits[kind];
  if (points.length > limit) {
    issues.push({
      path: [...path],
      rule: 'contactPoint.limit',
      message: `${article} can have at most ${limit} ${limit === 1 ? kind : plural}`,
    });
  }

  const countByType = new Map<string, number>();
  for (const point of points) {
    // A point saved without a type takes the default, so it counts as that type.
    const type =
      typeof point.type === 'string' && point.type.trim() !== ''
        ? point.type.trim()
        : allowedTypes[0]!;
    countByType.set(type, (countByType.get(type) ?? 0) + 1);
  }

  for (const [type, count] of countByType) {
    if (!allowedTypes.includes(type)) {
      issues.push({
        path: [...path],
        rule: 'field.enum',
        message: `${kind} type must be one of: ${allowedTypes.join(', ')}`,
      });
    } else if (kindLimits.onePerType && count > 1) {
      issues.push({
        path: [...path],
        rule: 'contactPoint.onePerType',
        message: `${article} can have only one ${type} ${kind}`,
      });
    }
  }
  return issues;
}

export interface PrimaryCandidate {
  id: number;
  isPrimary: boolean;
  createdAt: string | Date | null;
}

// Unknown or unreadable creation times sort last: such a point is most likely the one being created now.
function createdAtMillis(createdAt: string | Date | null): number {
  if (createdAt === null || createdAt === undefined) return Number.POSITIVE_INFINITY;
  const millis = createdAt instanceof Date ? createdAt.getTime() : Date.parse(createdAt);
  return Number.isNaN(millis) ? Number.POSITIVE_INFINITY : millis;
}

function compareOldestFirst(a: PrimaryCandidate, b: PrimaryCandidate): number {
  const aMillis = createdAtMillis(a.createdAt);
  const bMillis = createdAtMillis(b.createdAt);
  if (aMillis !== bMillis) return aMillis < bMillis ? -1 : 1;
  return a.id - b.id;
}

function oldest(points: readonly PrimaryCandidate[]): PrimaryCandidate {
  return [...points].sort(compareOldestFirst)[0]!;
}

/**
 * Decides which point of one kind is the primary: `preferredId` (the point just saved with isPrimary
 * true) wins when present in the list; otherwise the single point marked primary is kept; when several
 * are marked, the oldest marked one; when none is marked, the oldest point (createdAt, then id). Empty list -> null.
 */
export function choosePrimary(
  points: readonly PrimaryCandidate[],
  preferredId?: number | null
): number | null {
  if (points.length === 0) return null;
  if (
    preferredId !== undefined &&
    preferredId !== null &&
    points.some((point) => point.id === preferredId)
  ) {
    return preferredId;
  }
  const marked = points.filter((point) => point.isPrimary === true);
  return oldest(marked.length > 0 ? marked : points).id;
}

/**
 * The minimal list of isPrimary updates that makes exactly `choosePrimary(...)` primary.
 * Demotions come first so that applying them in order never leaves two primaries at once.
 */
export function primaryUpdates(
  points: readonly PrimaryCandidate[],
  preferredId?: number | null
): { id: number; isPrimary: boolean }[] {
  const primaryId = choosePrimary(points, preferredId);
  const demotions: { id: number; isPrimary: boolean }[] = [];
  const promotions: { id: number; isPrimary: boolean }[] = [];
  const seen = new Set<number>();
  for (const point of points) {
    if (seen.has(point.id)) continue;
    seen.add(point.id);
    const shouldBePrimary = point.id === primaryId;
    if (point.isPrimary === true && !shouldBePrimary)
      demotions.push({ id: point.id, isPrimary: false });
    if (point.isPrimary !== true && shouldBePrimary)
      promotions.push({ id: point.id, isPrimary: true });
  }
  return [...demotions, ...promotions];
}
