import { resolveContactPointLimits } from '../../../../src/plugins/crm/server/src/domain';
import {
  contactPointConflicts,
  contactPointIdentity,
  contactPointValue,
  poolContactPoints,
  type MergePoint,
} from '../../../../src/plugins/crm/server/src/domain/merge';
import { issuesOf } from '../issues-of';

const limits = resolveContactPointLimits({});
const phone = (
  documentId: string,
  customer: string,
  number: string,
  type = 'cell',
  isPrimary = false
): MergePoint => ({
  documentId,
  customer,
  type,
  number,
  isPrimary,
});

describe('contactPointIdentity', () => {
  it('is the E.164 number, the e-mail without case, the whole address without case or extra spaces', () => {
    expect(contactPointIdentity('phone', phone('a', 's', '+14155552671'))).toBe(
      contactPointIdentity('phone', phone('b', 's', '+14155552671', 'home'))
    );
    expect(
      contactPointIdentity('email', {
        documentId: 'a',
        customer: 's',
        type: 'work',
        isPrimary: false,
        address: 'Ann@X.com ',
      })
    ).toBe(
      contactPointIdentity('email', {
        documentId: 'b',
        customer: 's',
        type: 'personal',
        isPrimary: true,
        address: 'ann@x.com',
      })
    );
    const address = (
      line1: string,
      city: string,
      postalCode: string | null = null
    ): MergePoint => ({
      documentId: line1,
      customer: 's',
      type: 'physical',
      isPrimary: false,
      line1,
      city,
      postalCode,
    });
    expect(contactPointIdentity('address', address('1  Main St', 'Springfield'))).toBe(
      contactPointIdentity('address', address('1 main st', 'SPRINGFIELD '))
    );
    expect(contactPointIdentity('address', address('1 Main St', 'Springfield', '12345'))).not.toBe(
      contactPointIdentity('address', address('1 Main St', 'Springfield'))
    );
  });

  it('reads a value for people', () => {
    expect(
      contactPointValue('address', {
        documentId: 'a',
        customer: 's',
        type: 'work',
        isPrimary: false,
        line1: '1 Main St',
        line2: null,
        city: 'Springfield',
        postalCode: '12345',
        country: 'US',
      })
    ).toBe('1 Main St, 12345, Springfield, US');
  });
});

describe('poolContactPoints', () => {
  it("makes identical points one, keeping the survivor's, and keeps its primary primary", () => {
    const pool = poolContactPoints({
      kind: 'phone',
      customerType: 'individual',
      limits,
      points: [
        phone('s1', 's', '+14155552671', 'cell', true),
        phone('a1', 'a', '+14155552671', 'home', true),
        phone('a2', 'a', '+14155550000', 'work'),
      ],
    });
    expect(pool.kept.map((point) => point.documentId)).toEqual(['s1', 'a2']);
    expect(pool.duplicates).toEqual([
      { point: expect.objectContaining({ documentId: 'a1' }), sameAs: 's1' },
    ]);
    expect(pool.primary).toBe('s1');
    expect(pool.issues).toEqual([]);
  });

  it("takes the first merged customer's primary when the survivor has none of the kind", () => {
    const pool = poolContactPoints({
      kind: 'phone',
      customerType: 'individual',
      limits,
      points: [
        phone('a1', 'a', '+1', 'home'),
        phone('b1', 'b', '+2', 'cell', true),
        phone('c1', 'c', '+3', 'work', true),
      ],
    });
    expect(pool.primary).toBe('b1');
  });

  it('reports the limits a pool breaks, with every distinct point as a candidate', () => {
    const points = [
      phone('s1', 's', '+11', 'cell', true),
      phone('a1', 'a', '+12', 'home'),
      phone('a2', 'a', '+13', 'work'),
      phone('b1', 'b', '+14', 'fax'),
      phone('b2', 'b', '+15', 'cell'),
      phone('b3', 'b', '+11', 'cell'),
    ];
    const pool = poolContactPoints({ kind: 'phone', customerType: 'individual', limits, points });
    expect(pool.issues.map((issue) => issue.rule).sort()).toEqual([
      'contactPoint.limit',
      'contactPoint.onePerType',
    ]);
    const [conflict] = contactPointConflicts([pool]);
    expect(conflict.kind).toBe('phone');
    expect(conflict.rules).toEqual(
      expect.arrayContaining(['contactPoint.limit', 'contactPoint.onePerType'])
    );
    expect(conflict.candidates.map((candidate) => candidate.documentId)).toEqual([
      's1',
      'a1',
      'a2',
      'b1',
      'b2',
    ]);
    expect(conflict.candidates[1]).toEqual({
      documentId: 'a1',
      type: 'home',
      value: '+12',
      customer: 'a',
      isPrimary: false,
    });
    expect(conflict.message).toMatch(/keep\.phone/);
  });

  it('keeps exactly the points `keep` names (a duplicate naming its original), leaving the others out', () => {
    const pool = poolContactPoints({
      kind: 'phone',
      customerType: 'individual',
      limits,
      keep: ['a2', 'b3'],
      points: [
        phone('s1', 's', '+11', 'cell', true),
        phone('a2', 'a', '+13', 'work'),
        phone('b1', 'b', '+14', 'fax'),
        phone('b3', 'b', '+11', 'home'),
      ],
    });
    expect(pool.kept.map((point) => point.documentId)).toEqual(['s1', 'a2']);
    expect(pool.leftOut.map((point) => point.documentId)).toEqual(['b1']);
    expect(pool.primary).toBe('s1');
    expect(contactPointConflicts([pool])).toEqual([]);
  });

  it('promotes the first kept point when the primary is left out', () => {
    const pool = poolContactPoints({
      kind: 'phone',
      customerType: 'individual',
      limits,
      keep: ['a2'],
      points: [phone('s1', 's', '+11', 'cell', true), phone('a2', 'a', '+13', 'work')],
    });
    expect(pool.primary).toBe('a2');
  });

  it('refuses a kept documentId that is not one of the points, naming it', () => {
    const [issue] = issuesOf(() =>
      poolContactPoints({
        kind: 'email',
        customerType: 'business',
        limits,
        keep: ['nope'],
        points: [],
      })
    );
    expect(issue).toMatchObject({ rule: 'merge.keep', path: ['keep', 'email', 0] });
  });

  it("uses the customer type's configured limits", () => {
    const roomy = resolveContactPointLimits({ business: { phone: 10, onePerType: false } });
    const points = Array.from({ length: 6 }, (_, i) => phone(`p${i}`, 's', `+1${i}`, 'cell'));
    expect(
      poolContactPoints({ kind: 'phone', customerType: 'business', limits: roomy, points }).issues
    ).toEqual([]);
    expect(
      poolContactPoints({ kind: 'phone', customerType: 'individual', limits: roomy, points }).issues
    ).not.toEqual([]);
  });
});
