import {
  assertNoCycle,
  assertNoOtherParent,
  assertNotDuplicateLink,
  relationshipLabel,
  validateRelationship,
} from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

describe('validateRelationship', () => {
  it('accepts a hierarchical link without a type', () => {
    expect(validateRelationship({ kind: 'hierarchical' }, { first: 1, second: 2 })).toEqual({
      kind: 'hierarchical',
      type: null,
    });
  });

  it('accepts a loose link, typed other by default', () => {
    expect(validateRelationship({ kind: 'loose' }, { first: 1, second: 2 })).toEqual({
      kind: 'loose',
      type: 'other',
    });
    expect(
      validateRelationship({ kind: 'loose', type: 'subsidiary' }, { first: 1, second: 2 }).type
    ).toBe('subsidiary');
  });

  it('needs a kind, both sides, and two different customers', () => {
    expect(issuesOf(() => validateRelationship({}, { first: 1, second: 2 }))[0].rule).toBe(
      'relationship.kind'
    );
    expect(
      issuesOf(() => validateRelationship({ kind: 'sideways' }, { first: 1, second: 2 }))[0].rule
    ).toBe('field.enum');
    expect(
      issuesOf(() => validateRelationship({ kind: 'hierarchical' }, { first: null, second: 2 }))[0]
    ).toMatchObject({
      path: ['parent'],
      message: 'a hierarchical relationship needs a parent',
    });
    expect(
      issuesOf(() => validateRelationship({ kind: 'loose' }, { first: 1, second: null }))[0].path
    ).toEqual(['linkedCustomer']);
    expect(
      issuesOf(() => validateRelationship({ kind: 'loose' }, { first: 3, second: 3 }))[0].rule
    ).toBe('relationship.self');
  });

  it('refuses a type on a hierarchical link and an unknown loose type', () => {
    expect(
      issuesOf(() =>
        validateRelationship({ kind: 'hierarchical', type: 'investor' }, { first: 1, second: 2 })
      )[0].rule
    ).toBe('relationship.type');
    expect(
      issuesOf(() =>
        validateRelationship({ kind: 'loose', type: 'rival' }, { first: 1, second: 2 })
      )[0].rule
    ).toBe('field.enum');
  });
});

describe('hierarchy rules', () => {
  it('allows one parent', () => {
    expect(() => assertNoOtherParent(null)).not.toThrow();
    expect(issuesOf(() => assertNoOtherParent(7))[0].rule).toBe('relationship.oneParent');
  });

  it('refuses a child that is the parent or one of its ancestors', () => {
    expect(() => assertNoCycle(4, new Set([1, 2]), 3)).not.toThrow();
    expect(issuesOf(() => assertNoCycle(2, new Set([1, 2]), 3))[0].rule).toBe('relationship.cycle');
    expect(issuesOf(() => assertNoCycle(3, new Set(), 3))[0].rule).toBe('relationship.cycle');
  });

  it('refuses a duplicate loose link', () => {
    expect(() => assertNotDuplicateLink(false)).not.toThrow();
    expect(issuesOf(() => assertNotDuplicateLink(true))[0].rule).toBe('relationship.duplicate');
  });
});

describe('relationshipLabel', () => {
  it('reads "<this customer> <label> <other>"', () => {
    expect(relationshipLabel('hierarchical', null, true)).toBe('parent of');
    expect(relationshipLabel('hierarchical', null, false)).toBe('child of');
    expect(relationshipLabel('loose', 'investor', true)).toBe('investor in');
    expect(relationshipLabel('loose', 'investor', false)).toBe('has investor');
    expect(relationshipLabel('loose', 'subsidiary', true)).toBe('subsidiary of');
    expect(relationshipLabel('loose', 'subsidiary', false)).toBe('has subsidiary');
    expect(relationshipLabel('loose', 'other', false)).toBe('linked to');
    expect(relationshipLabel('loose', null, true)).toBe('linked to');
  });
});
