import { ERASED_PERSON_NAME, REDACTED_VALUE } from '../../../src/plugins/crm/contracts';
import {
  contactIdentityValues,
  contactListCandidates,
  customerIdentityValues,
  erasedContactValues,
  erasedCustomerValues,
  erasureHash,
  erasureListValue,
  erasureReference,
  formerLabelsOf,
  isErasedRecord,
  redactHistoryEntry,
  replaceFormerLabels,
  type HistoryRedaction,
} from '../../../src/plugins/crm/server/src/domain';

describe('erasure', () => {
  it('names an erased individual "Erased person" with a reference, a business likewise', () => {
    expect(erasureReference('abcd1234efgh')).toBe('ER-ABCD1234');
    const person = erasedCustomerValues({ type: 'individual', documentId: 'abcd1234efgh' });
    expect(person).toMatchObject({
      firstName: ERASED_PERSON_NAME,
      lastName: 'ER-ABCD1234',
      middleName: null,
      businessName: null,
      ssn: null,
      ssnEncrypted: null,
      ssnHash: null,
      dateOfBirth: null,
      externalId: null,
    });
    expect(erasedCustomerValues({ type: 'business', documentId: 'zz9' })).toMatchObject({
      businessName: `${ERASED_PERSON_NAME} ER-ZZ9`,
      firstName: null,
      lastName: null,
    });
    expect(erasedContactValues({ documentId: 'q1w2e3r4t5' })).toMatchObject({
      firstName: ERASED_PERSON_NAME,
      lastName: 'ER-Q1W2E3R4',
      email: null,
      mobilePhone: null,
      workPhone: null,
      notes: null,
      birthday: null,
      isUser: false,
    });
  });

  it('tells an erased record from one that still holds something personal', () => {
    const row = { documentId: 'abcd1234', type: 'individual', customerNumber: 'C-1' };
    const erased = { ...row, ...erasedCustomerValues(row as never) };
    expect(isErasedRecord('customer', erased, 0)).toBe(true);
    expect(isErasedRecord('customer', erased, 1)).toBe(false);
    expect(isErasedRecord('customer', { ...erased, dateOfBirth: '1990-01-01' })).toBe(false);
    expect(isErasedRecord('customer', { ...row, firstName: 'Jane', lastName: 'Doe' })).toBe(false);
    const contact = { documentId: 'k1', ...erasedContactValues({ documentId: 'k1' }) };
    expect(isErasedRecord('contact', contact)).toBe(true);
    expect(isErasedRecord('contact', { ...contact, email: 'a@b.c' })).toBe(false);
  });

  it('takes e-mails and personal phones as identities, not work or fax numbers', () => {
    expect(
      customerIdentityValues(
        [{ address: ' Jane@Example.COM ' }, { address: 'jane@example.com' }],
        [
          { type: 'cell', number: '+12025550101' },
          { type: 'work', number: '+12025550102' },
          { type: 'home', number: '+12025550103' },
        ]
      )
    ).toEqual({ emails: ['jane@example.com'], phones: ['+12025550101', '+12025550103'] });
    expect(
      contactIdentityValues({
        email: 'A@B.C',
        email2: null,
        mobilePhone: '+12025550104',
        workPhone: '+12025550105',
      })
    ).toEqual({ emails: ['a@b.c'], phones: ['+12025550104'] });
  });

  it('keys list values normalised, with a keyed hash that hides them', () => {
    expect(erasureListValue('email', '  Jane@Example.com', 'US')).toBe('jane@example.com');
    expect(erasureListValue('phone', '(202) 555-0101', 'US')).toBe('+12025550101');
    expect(erasureListValue('phone', 'not a phone', 'US')).toBeNull();
    expect(erasureListValue('email', '', 'US')).toBeNull();
    const hash = erasureHash('k'.repeat(32), 'jane@example.com');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('jane');
    expect(erasureHash('k'.repeat(32), 'jane@example.com')).toBe(hash);
    expect(erasureHash('j'.repeat(32), 'jane@example.com')).not.toBe(hash);
  });

  it("lists a contact's e-mail and phone fields a write sets", () => {
    expect(contactListCandidates({ email: 'a@b.c', workPhone: '+1202', firstName: 'A' })).toEqual([
      { field: 'email', kind: 'email', value: 'a@b.c' },
      { field: 'workPhone', kind: 'phone', value: '+1202' },
    ]);
  });
});

describe('history redaction', () => {
  const redaction: HistoryRedaction = {
    renamed: new Map([['cust1', 'Erased person ER-CUST1 (C-1)']]),
    personal: new Map([
      ['cust1', 'customer'],
      ['mail1', 'email'],
    ]),
    current: new Map([['cust1', { firstName: ERASED_PERSON_NAME, lastName: 'ER-CUST1' }]]),
    formerLabels: new Map([
      ['Jane Doe (C-1)', 'Erased person ER-CUST1 (C-1)'],
      ['Jane Roe (C-1)', 'Erased person ER-CUST1 (C-1)'],
    ]),
  };

  it("redacts an erased record's personal values, keeping its erased ones and the rest", () => {
    const result = redactHistoryEntry(
      'customer',
      {
        recordDocumentId: 'cust1',
        recordLabel: 'Jane Doe (C-1)',
        changes: [
          { field: 'firstName', before: 'Jane', after: ERASED_PERSON_NAME },
          { field: 'lastName', before: 'Doe', after: 'ER-CUST1' },
          { field: 'ssn', before: '***-**-1120', after: null },
          { field: 'status', before: 'active', after: 'inactive' },
        ],
      },
      redaction
    );
    expect(result).toEqual({
      recordLabel: 'Erased person ER-CUST1 (C-1)',
      changes: [
        { field: 'firstName', before: REDACTED_VALUE, after: ERASED_PERSON_NAME },
        { field: 'lastName', before: REDACTED_VALUE, after: 'ER-CUST1' },
        { field: 'ssn', before: REDACTED_VALUE, after: null },
        { field: 'status', before: 'active', after: 'inactive' },
      ],
    });
  });

  it("redacts a deleted contact point's value and label", () => {
    expect(
      redactHistoryEntry(
        'email',
        {
          recordDocumentId: 'mail1',
          recordLabel: 'jane@example.com',
          changes: [
            { field: 'address', before: null, after: 'jane@example.com' },
            { field: 'type', before: null, after: 'personal' },
            { field: 'customer', before: null, after: { documentId: 'cust1', label: 'Jane' } },
          ],
        },
        redaction
      )
    ).toEqual({
      recordLabel: REDACTED_VALUE,
      changes: [
        { field: 'address', before: null, after: REDACTED_VALUE },
        { field: 'type', before: null, after: 'personal' },
        {
          field: 'customer',
          before: null,
          after: { documentId: 'cust1', label: 'Erased person ER-CUST1 (C-1)' },
        },
      ],
    });
  });

  it("relabels relations and labels naming the person in other records' entries", () => {
    expect(
      redactHistoryEntry(
        'connection',
        {
          recordDocumentId: 'link1',
          recordLabel: 'Acme (C-2) — Jane Roe (C-1)',
          changes: [
            {
              field: 'connectedCustomer',
              before: null,
              after: { documentId: 'cust1', label: 'Jane Roe (C-1)' },
            },
            { field: 'title', before: null, after: 'CEO' },
          ],
        },
        redaction
      )
    ).toEqual({
      recordLabel: 'Acme (C-2) — Erased person ER-CUST1 (C-1)',
      changes: [
        {
          field: 'connectedCustomer',
          before: null,
          after: { documentId: 'cust1', label: 'Erased person ER-CUST1 (C-1)' },
        },
        { field: 'title', before: null, after: 'CEO' },
      ],
    });
    expect(
      redactHistoryEntry(
        'contact',
        {
          recordDocumentId: 'other',
          recordLabel: 'Bob',
          changes: [
            {
              field: 'marketingLists',
              before: [],
              after: [{ documentId: 'list', label: 'News' }],
            },
          ],
        },
        redaction
      )
    ).toBeNull();
  });

  it('collects the labels an erased record had, longest replaced first', () => {
    const labels = formerLabelsOf(
      [
        {
          recordDocumentId: 'cust1',
          recordLabel: 'Jane Doe (C-1)',
          changes: [
            {
              field: 'primaryContact',
              before: { documentId: 'x', label: 'Not erased' },
              after: null,
            },
          ],
        },
        {
          recordDocumentId: 'link',
          recordLabel: 'Jane — Acme',
          changes: [
            { field: 'customer', before: null, after: { documentId: 'cust1', label: 'Jane' } },
          ],
        },
      ],
      new Map([['cust1', 'Erased']])
    );
    expect([...labels]).toEqual([
      ['Jane Doe (C-1)', 'Erased'],
      ['Jane', 'Erased'],
    ]);
    expect(replaceFormerLabels('Jane Doe (C-1) — Jane — Acme', labels)).toBe(
      'Erased — Erased — Acme'
    );
    expect(replaceFormerLabels(null, labels)).toBeNull();
  });
});
