import {
  DEFAULT_MATCH_BY,
  ambiguousMatchReason,
  inFileDuplicates,
  matchReason,
  matchRow,
  rowMatchValues,
  validateContact,
  type ContactRow,
  type CustomerRow,
  type ImportMatchKey,
} from '../../../../src/plugins/crm/server/src/domain';

const contactRow = (fields: Record<string, unknown>): ContactRow => ({
  contact: validateContact(
    { firstName: 'Ada', lastName: 'Lovelace', ...fields },
    { defaultCountry: 'US', hasUser: false }
  ),
  company: null,
});

const customerRow = (row: Partial<CustomerRow>): CustomerRow =>
  ({
    customer: { externalId: null },
    addresses: [],
    phones: [],
    emails: [],
    ...row,
  }) as CustomerRow;

describe('import match keys', () => {
  it('match contacts by e-mail and customers by number then e-mail unless told otherwise', () => {
    expect(DEFAULT_MATCH_BY).toEqual({
      contacts: ['email'],
      customers: ['customerNumber', 'email'],
    });
  });

  it("read a row's values as stored: both of a contact's e-mails in lower case, phones in E.164", () => {
    const row = contactRow({
      email: 'Ada@Example.COM',
      email2: 'ada@home.example',
      mobilePhone: '(415) 555-2671',
      externalId: 'SF-1',
    });
    expect(rowMatchValues('contacts', ['email', 'mobilePhone', 'externalId'], row)).toEqual([
      ['email', ['ada@example.com', 'ada@home.example']],
      ['mobilePhone', ['+14155552671']],
      ['externalId', ['SF-1']],
    ]);
    const customer = customerRow({
      customerNumber: 'C-000042',
      emails: [{ type: 'personal', address: 'a@example.com' }],
      phones: [
        { type: 'cell', number: '+14155552671' },
        { type: 'work', number: '+14155550100' },
      ],
    });
    expect(
      rowMatchValues('customers', ['customerNumber', 'email', 'phone', 'externalId'], customer)
    ).toEqual([
      ['customerNumber', ['C-000042']],
      ['email', ['a@example.com']],
      ['phone', ['+14155552671', '+14155550100']],
      ['externalId', []],
    ]);
  });

  it('take the first key that finds anything: one record is a match, several are ambiguous', () => {
    const found = (held: Record<string, number[]>) => (key: ImportMatchKey, value: string) =>
      held[`${key}:${value}`] ?? [];
    const values: [ImportMatchKey, string[]][] = [
      ['customerNumber', ['C-000042']],
      ['email', ['a@example.com', 'b@example.com']],
    ];
    expect(matchRow(values, found({}))).toEqual({ kind: 'none' });
    expect(matchRow(values, found({ 'email:b@example.com': [7] }))).toEqual({
      kind: 'one',
      key: 'email',
      recordId: 7,
    });
    // The number decides before the e-mails are looked at.
    expect(
      matchRow(values, found({ 'customerNumber:C-000042': [3], 'email:a@example.com': [9] }))
    ).toEqual({ kind: 'one', key: 'customerNumber', recordId: 3 });
    // Two e-mails of one row that belong to two records: no guess.
    expect(
      matchRow(values, found({ 'email:a@example.com': [9], 'email:b@example.com': [4, 9] }))
    ).toEqual({ kind: 'many', key: 'email', recordIds: [4, 9] });
  });

  it('tell rows of one file that share a key with an earlier row, the earliest first', () => {
    const duplicates = inFileDuplicates([
      { line: 2, values: [['email', ['a@example.com']]] },
      { line: 3, values: [['email', ['b@example.com']]] },
      { line: 4, values: [['email', ['b@example.com', 'a@example.com']]] },
      { line: 5, values: [['email', []]] },
      { line: 6, values: [['email', []]] },
    ]);
    expect([...duplicates]).toEqual([[4, { line: 3, key: 'email' }]]);
    // A row that repeats a duplicate repeats the row that duplicate repeats.
    expect([
      ...inFileDuplicates([
        { line: 2, values: [['email', ['a@example.com']]] },
        { line: 3, values: [['email', ['a@example.com', 'c@example.com']]] },
        { line: 4, values: [['email', ['c@example.com']]] },
      ]),
    ]).toEqual([
      [3, { line: 2, key: 'email' }],
      [4, { line: 2, key: 'email' }],
    ]);
  });

  it('name the record or the candidates in the reason', () => {
    expect(matchReason('contact', 'abc', 'email')).toBe('matches contact abc by email');
    expect(ambiguousMatchReason('customer', ['a', 'b'], 'phone')).toBe(
      'matches 2 customers by phone (a, b): make the key unique or choose another'
    );
  });
});
