import {
  assertEligiblePrimaryContact,
  choosePrimaryContact,
  samePair,
  validateConnection,
} from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

const individual = (id: number) => ({ id, type: 'individual' as const });
const business = (id: number) => ({ id, type: 'business' as const });

describe('validateConnection', () => {
  it('connects individuals with any of their types, employee by default', () => {
    for (const relationshipType of ['employee', 'friend', 'relative', 'other']) {
      expect(
        validateConnection(individual(1), individual(2), { relationshipType }).relationshipType
      ).toBe(relationshipType);
    }
    expect(validateConnection(individual(1), individual(2), {})).toEqual({
      relationshipType: 'employee',
      title: null,
    });
  });

  it('keeps a trimmed title and refuses one too long', () => {
    expect(validateConnection(individual(1), individual(2), { title: ' mother ' }).title).toBe(
      'mother'
    );
    expect(
      issuesOf(() =>
        validateConnection(individual(1), individual(2), { title: 'x'.repeat(101) })
      )[0].rule
    ).toBe('field.maxLength');
  });

  it('refuses an unknown relationship type', () => {
    expect(
      issuesOf(() =>
        validateConnection(individual(1), individual(2), { relationshipType: 'enemy' })
      )[0]
    ).toMatchObject({
      path: ['relationshipType'],
      rule: 'field.enum',
    });
  });

  it('makes every connection with a business an employee one', () => {
    expect(validateConnection(business(1), individual(2), {}).relationshipType).toBe('employee');
    expect(
      validateConnection(individual(2), business(1), { relationshipType: 'employee' })
        .relationshipType
    ).toBe('employee');
    expect(
      issuesOf(() => validateConnection(business(1), individual(2), { relationshipType: 'friend' }))
    ).toEqual([
      {
        path: ['relationshipType'],
        rule: 'connection.businessType',
        message: 'a connection with a business is always of type employee',
      },
    ]);
  });

  it('refuses two businesses and a customer with itself', () => {
    expect(issuesOf(() => validateConnection(business(1), business(2), {}))[0].rule).toBe(
      'connection.businessPair'
    );
    expect(issuesOf(() => validateConnection(individual(1), individual(1), {}))[0].rule).toBe(
      'connection.self'
    );
  });
});

describe('samePair', () => {
  it('matches a pair in either direction', () => {
    expect(samePair([1, 2], [1, 2])).toBe(true);
    expect(samePair([1, 2], [2, 1])).toBe(true);
    expect(samePair([1, 2], [1, 3])).toBe(false);
  });
});

describe('choosePrimaryContact', () => {
  const candidates = [
    { customerId: 10, connectedAt: '2026-01-02T00:00:00Z', connectionId: 5 },
    { customerId: 11, connectedAt: '2026-01-01T00:00:00Z', connectionId: 7 },
    { customerId: 12, connectedAt: '2026-01-01T00:00:00Z', connectionId: 6 },
  ];

  it('keeps the current primary contact while it is connected', () => {
    expect(choosePrimaryContact(candidates, 10)).toBe(10);
  });

  it('otherwise takes the individual connected first, ties broken by connection id', () => {
    expect(choosePrimaryContact(candidates, null)).toBe(12);
    expect(choosePrimaryContact(candidates, 99)).toBe(12);
  });

  it('is none without connections', () => {
    expect(choosePrimaryContact([], 10)).toBeNull();
  });
});

describe('assertEligiblePrimaryContact', () => {
  const candidates = [{ customerId: 10, connectedAt: null, connectionId: 1 }];
  it('accepts a connected individual of a business', () => {
    expect(() => assertEligiblePrimaryContact({ type: 'business' }, 10, candidates)).not.toThrow();
  });
  it('refuses anyone else, and any individual customer', () => {
    expect(
      issuesOf(() => assertEligiblePrimaryContact({ type: 'business' }, 11, candidates))[0].message
    ).toBe('the primary contact must be an individual connected to this business');
    expect(
      issuesOf(() => assertEligiblePrimaryContact({ type: 'individual' }, 10, candidates))[0]
        .message
    ).toBe('only a business has a primary contact');
  });
});
