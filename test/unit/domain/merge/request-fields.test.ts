import {
  CONTACT_MERGE_FIELDS,
  CUSTOMER_MERGE_FIELDS,
  assertOneLogin,
  assertOneType,
  chooseMergedFields,
  isEmptyMergeValue,
  mergeSet,
  MergeConflict,
  MERGE_MAX_RECORDS,
} from '../../../../src/plugins/crm/server/src/domain/merge';
import { issuesOf } from '../issues-of';

describe('mergeSet', () => {
  it('is the survivor first, then the merged records in the order given', () => {
    expect(mergeSet('s', ['b', 'a'])).toEqual(['s', 'b', 'a']);
  });

  it('refuses a record listed twice, the survivor among the merged, and an empty list, naming each', () => {
    const issues = issuesOf(() => mergeSet('s', ['a', 's', 'a']));
    expect(issues.map((issue) => [issue.rule, issue.path])).toEqual([
      ['merge.survivor', ['merged', 1]],
      ['merge.duplicate', ['merged', 2]],
    ]);
    expect(issues[1].message).toMatch(/merged\[2\]: a is listed twice/);
    expect(issuesOf(() => mergeSet('s', []))[0].rule).toBe('merge.merged');
  });

  it('takes at most MERGE_MAX_RECORDS records', () => {
    const many = Array.from({ length: MERGE_MAX_RECORDS }, (_, i) => `m${i}`);
    expect(issuesOf(() => mergeSet('s', many))[0].rule).toBe('merge.limit');
    expect(mergeSet('s', many.slice(1))).toHaveLength(MERGE_MAX_RECORDS);
  });
});

describe('chooseMergedFields', () => {
  const records = [
    {
      documentId: 's',
      values: { firstName: 'Ann', middleName: null, lastName: 'Lee', noEmail: false, note: ' ' },
    },
    {
      documentId: 'a',
      values: { firstName: 'Anne', middleName: 'Q', lastName: 'Lee', noEmail: true, note: null },
    },
    {
      documentId: 'b',
      values: { firstName: 'A.', middleName: 'R', lastName: null, noEmail: true, note: 'hi' },
    },
  ];
  const names = ['firstName', 'middleName', 'lastName', 'noEmail', 'note'];

  it("takes the survivor's non-empty values, then the others' in the order given", () => {
    const { values, sources } = chooseMergedFields(records, names);
    expect(values).toEqual({
      firstName: 'Ann',
      middleName: 'Q',
      lastName: 'Lee',
      noEmail: false,
      note: 'hi',
    });
    expect(sources).toEqual({
      firstName: 's',
      middleName: 'a',
      lastName: 's',
      noEmail: 's',
      note: 'b',
    });
  });

  it('takes a field from the record chosen for it, even an empty value', () => {
    const { values, sources } = chooseMergedFields(records, names, {
      firstName: 'b',
      lastName: 'b',
      noEmail: 'a',
    });
    expect(values).toMatchObject({ firstName: 'A.', lastName: null, noEmail: true });
    expect(sources).toMatchObject({ firstName: 'b', lastName: 'b', noEmail: 'a' });
  });

  it('refuses a field that cannot be chosen and a record that is not merged, naming them', () => {
    const issues = issuesOf(() =>
      chooseMergedFields(records, names, { type: 'a', firstName: 'x' })
    );
    expect(issues.map((issue) => [issue.rule, issue.path])).toEqual([
      ['merge.field', ['fields', 'type']],
      ['merge.fields.source', ['fields', 'firstName']],
    ]);
    expect(issues[1].message).toBe('fields.firstName: x is not one of the records merged');
  });

  it('treats blank text as empty, and false as a value', () => {
    expect(isEmptyMergeValue('  ')).toBe(true);
    expect(isEmptyMergeValue(null)).toBe(true);
    expect(isEmptyMergeValue(false)).toBe(false);
    expect(isEmptyMergeValue(0)).toBe(false);
  });
});

describe('the fields of each record type', () => {
  it("are a customer's fields but its type, with its SSN and primary contact", () => {
    expect(CUSTOMER_MERGE_FIELDS).toEqual(
      expect.arrayContaining(['firstName', 'externalId', 'ssn', 'primaryContact'])
    );
    expect(CUSTOMER_MERGE_FIELDS).not.toContain('type');
  });

  it("are a contact's fields and its to-one relations, its login deciding isUser", () => {
    expect(CONTACT_MERGE_FIELDS).toEqual(
      expect.arrayContaining([
        'email',
        'email2',
        'mobilePhone',
        'company',
        'manager',
        'user',
        'convertedCustomer',
      ])
    );
    expect(CONTACT_MERGE_FIELDS).not.toContain('isUser');
  });
});

describe('assertOneType', () => {
  it('answers the type all records share', () => {
    expect(
      assertOneType([
        { documentId: 's', type: 'business' },
        { documentId: 'a', type: 'business' },
      ])
    ).toBe('business');
  });

  it('refuses an individual with a business, naming them', () => {
    const [issue] = issuesOf(() =>
      assertOneType([
        { documentId: 's', type: 'individual' },
        { documentId: 'a', type: 'business' },
      ])
    );
    expect(issue.rule).toBe('merge.type');
    expect(issue.message).toMatch(/a is a business and the survivor s an individual/);
  });
});

describe('assertOneLogin', () => {
  it('lets one contact with a login merge with others', () => {
    expect(() =>
      assertOneLogin([
        { documentId: 's', user: null },
        { documentId: 'a', user: 4 },
      ])
    ).not.toThrow();
  });

  it('refuses two logins as a conflict naming both', () => {
    const attempt = () =>
      assertOneLogin([
        { documentId: 's', user: 3 },
        { documentId: 'a', user: 4 },
      ]);
    expect(attempt).toThrow(MergeConflict);
    expect(attempt).toThrow(/s and a each have a login/);
  });
});
