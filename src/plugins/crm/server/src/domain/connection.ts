import { CONNECTION_TYPES, type ConnectionType } from '../../../contracts';
import type { CustomerType } from './customer';
import {
  DomainValidationError,
  type RuleIssue,
  assertNoIssues,
  readEnumValue,
  readTrimmedString,
} from './errors';

/**
 * Connections between customers: who may be connected to whom, which relationship
 * types apply, and which connected individual is a business's primary contact.
 */
export { CONNECTION_TYPES };
export type { ConnectionType };
export const CONNECTION_TITLE_MAX_LENGTH = 100;

export interface ConnectionSide {
  id: number;
  type: CustomerType;
}

export interface ConnectionFields {
  relationshipType: ConnectionType;
  title: string | null;
}

/**
 * Validates a connection between two customers and returns its normalised fields. Refused: a
 * customer connected to itself, two businesses; with a business on either side the type is always
 * `employee` (none given means `employee`, any other is refused).
 */
export function validateConnection(
  customer: ConnectionSide,
  connected: ConnectionSide,
  input: Record<string, unknown>
): ConnectionFields {
  const issues: RuleIssue[] = [];
  if (customer.id === connected.id) {
    throw new DomainValidationError({
      path: ['connectedCustomer'],
      rule: 'connection.self',
      message: 'a customer cannot be connected to itself',
    });
  }
  if (customer.type === 'business' && connected.type === 'business') {
    throw new DomainValidationError({
      path: ['connectedCustomer'],
      rule: 'connection.businessPair',
      message: 'two businesses cannot be connected; connect a business to an individual',
    });
  }
  const withBusiness = customer.type === 'business' || connected.type === 'business';
  const relationshipType = readEnumValue(
    input,
    'relationshipType',
    CONNECTION_TYPES,
    issues,
    'employee'
  );
  if (withBusiness && relationshipType !== 'employee') {
    issues.push({
      path: ['relationshipType'],
      rule: 'connection.businessType',
      message: 'a connection with a business is always of type employee',
    });
  }
  const title = readTrimmedString(input, 'title', issues, CONNECTION_TITLE_MAX_LENGTH);
  assertNoIssues(issues);
  return { relationshipType, title };
}

/** The same two customers are connected once, in whichever direction. */
export function samePair(a: readonly [number, number], b: readonly [number, number]): boolean {
  return (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);
}

export interface ContactCandidate {
  /** The connected individual. */
  customerId: number;
  /** When the connection was made: the oldest one is promoted. */
  connectedAt: string | Date | null;
  connectionId: number;
}

const time = (value: string | Date | null) => {
  const ms = value === null ? Number.NaN : new Date(value).getTime();
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
};

/**
 * The primary contact a business should have, given the individuals connected to it: the current
 * one while still connected, else the individual connected first (connection time, then id), else
 * none. The first individual connected to a business therefore becomes its primary contact.
 */
export function choosePrimaryContact(
  candidates: readonly ContactCandidate[],
  current: number | null
): number | null {
  if (current !== null && candidates.some((candidate) => candidate.customerId === current))
    return current;
  const [oldest] = [...candidates].sort(
    (a, b) => time(a.connectedAt) - time(b.connectedAt) || a.connectionId - b.connectionId
  );
  return oldest?.customerId ?? null;
}

/** Refuses a primary contact that is not an individual connected to the business. */
export function assertEligiblePrimaryContact(
  business: { type: CustomerType },
  candidateId: number,
  candidates: readonly ContactCandidate[]
): void {
  if (business.type !== 'business') {
    throw new DomainValidationError({
      path: ['customer'],
      rule: 'connection.primaryContact',
      message: 'only a business has a primary contact',
    });
  }
  if (!candidates.some((candidate) => candidate.customerId === candidateId)) {
    throw new DomainValidationError({
      path: ['customer'],
      rule: 'connection.primaryContact',
      message: 'the primary contact must be an individual connected to this business',
    });
  }
}
