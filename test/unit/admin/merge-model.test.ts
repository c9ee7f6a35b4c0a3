import {
  MERGE_FIELDS,
  allSame,
  defaultKeep,
  defaultSource,
  mergeRequest,
  poolPoints,
  survivorFirst,
} from '../../../src/plugins/crm/admin/src/components/merge/model';
import type { Customer } from '../../../src/plugins/crm/contracts';

// The merge dialog's choices before the server judges them: which record each field comes from by
// default, which contact points are identical, which are kept first when over the limits.
const customer = (documentId: string, fields: Partial<Customer> = {}): Customer => ({
  documentId,
  customerNumber: `C-${documentId}`,
  type: 'individual',
  noEmail: false,
  noMail: false,
  noPhoneCalls: false,
  status: 'active',
  addresses: [],
  phones: [],
  emails: [],
  ...fields,
});

const robert = customer('a', {
  firstName: 'Robert',
  lastName: 'Smith',
  dateOfBirth: null,
  emails: [{ documentId: 'e1', type: 'personal', isPrimary: true, address: 'bob@example.test' }],
  phones: [{ documentId: 'p1', type: 'home', isPrimary: true, number: '+14155550100' }],
});
const bob = customer('b', {
  firstName: 'Bob',
  lastName: 'Smith',
  middleName: 'J',
  dateOfBirth: '1980-02-03',
  emails: [{ documentId: 'e2', type: 'work', isPrimary: true, address: ' BOB@example.test' }],
  phones: [{ documentId: 'p2', type: 'cell', isPrimary: true, number: '+14155550199' }],
});

describe('the merge dialog model', () => {
  it('puts the survivor first and keeps the others in their order', () => {
    const third = customer('c');
    expect(survivorFirst([robert, bob, third], 'b').map((record) => record.documentId)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('takes each field from the survivor when it has a value, else from the first record that has one', () => {
    const ordered = [robert, bob];
    expect(defaultSource(ordered, 'firstName')).toBe('a');
    expect(defaultSource(ordered, 'middleName')).toBe('b');
    expect(defaultSource(ordered, 'dateOfBirth')).toBe('b');
    // False is a value: the survivor's flag stays.
    expect(defaultSource(ordered, 'noEmail')).toBe('a');
    // Nobody has an SSN: the survivor's (empty) value.
    expect(defaultSource(ordered, 'ssn')).toBe('a');
    expect(allSame(ordered, 'lastName')).toBe(true);
    expect(allSame(ordered, 'firstName')).toBe(false);
  });

  it('names the source of every field of the type, the choices made over the defaults', () => {
    const request = mergeRequest([robert, bob], MERGE_FIELDS.individual, { firstName: 'b' }, {});
    expect(request.survivor).toBe('a');
    expect(request.merged).toEqual(['b']);
    expect(request.fields).toMatchObject({ firstName: 'b', middleName: 'b', lastName: 'a' });
    expect(Object.keys(request.fields!)).not.toContain('businessName');
    expect(request).not.toHaveProperty('keep');
    expect(
      mergeRequest([robert, bob], MERGE_FIELDS.individual, {}, { email: ['e1'] }).keep
    ).toEqual({ email: ['e1'] });
  });

  it('pools the contact points survivor first, an identical later one naming the first', () => {
    expect(poolPoints([robert, bob], 'email')).toEqual([
      expect.objectContaining({ documentId: 'e1', customer: 'a' }),
      expect.objectContaining({ documentId: 'e2', customer: 'b', sameAs: 'e1' }),
    ]);
    expect(poolPoints([robert, bob], 'phone').map((point) => point.sameAs)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('keeps primaries first, within the limit and one per type when the limits say so', () => {
    const conflict = {
      kind: 'phone' as const,
      candidates: [
        { documentId: 'p1', type: 'home', value: '1', customer: 'a', isPrimary: false },
        { documentId: 'p2', type: 'home', value: '2', customer: 'a', isPrimary: true },
        { documentId: 'p3', type: 'cell', value: '3', customer: 'b', isPrimary: false },
        { documentId: 'p4', type: 'work', value: '4', customer: 'b', isPrimary: false },
      ],
    };
    expect(defaultKeep(conflict, { address: 5, phone: 2, email: 2, onePerType: true })).toEqual([
      'p2',
      'p3',
    ]);
    expect(defaultKeep(conflict, { address: 5, phone: 3, email: 2, onePerType: false })).toEqual([
      'p2',
      'p1',
      'p3',
    ]);
  });
});
