import Papa from 'papaparse';

import type { PersonalDataExport } from '../../../src/plugins/crm/contracts';
import {
  contactKeys,
  csvFile,
  customerKeys,
  exportableFields,
  flattenRow,
  historyRows,
  partyRef,
  personalDataCsvFiles,
  personalDataFilename,
  sharedKeys,
} from '../../../src/plugins/crm/server/src/domain/personal-data';

const parse = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true }).data;

describe('personal data export', () => {
  it('exports stored public scalars only: no relations, private fields, ciphertexts or hashes', () => {
    expect(
      exportableFields({
        documentId: { type: 'string' },
        firstName: { type: 'string' },
        ssn: { type: 'string' },
        ssnEncrypted: { type: 'text', private: true },
        ssnHash: { type: 'string' },
        password: { type: 'password' },
        secretNote: { type: 'text', private: true },
        addresses: { type: 'relation' },
        createdAt: { type: 'datetime' },
        publishedAt: { type: 'datetime' },
      })
    ).toEqual(['documentId', 'firstName', 'ssn', 'createdAt']);
  });

  it('finds the e-mails and phones records have in common', () => {
    const customer = customerKeys({
      emails: [{ address: 'jane@x.test' }, { address: null }],
      phones: [{ number: '+14155550101' }, { number: '+14155550101' }],
    });
    expect(customer).toEqual({ emails: ['jane@x.test'], phones: ['+14155550101'] });
    const contact = contactKeys({
      email: 'other@x.test',
      email2: 'jane@x.test',
      mobilePhone: '',
      workPhone: '+14155550101',
    });
    expect(contact).toEqual({ emails: ['other@x.test', 'jane@x.test'], phones: ['+14155550101'] });
    expect(sharedKeys(customer, contact)).toEqual(['jane@x.test', '+14155550101']);
    expect(sharedKeys(customer, { emails: [], phones: ['+1'] })).toEqual([]);
  });

  it('names another customer by name and number only', () => {
    expect(
      partyRef({ type: 'business', businessName: 'Globex', customerNumber: 'C-1', firstName: 'x' })
    ).toEqual({ name: 'Globex', number: 'C-1' });
    expect(partyRef({ type: 'individual', customerNumber: 'C-2' })).toEqual({
      name: 'C-2',
      number: 'C-2',
    });
    expect(partyRef(null)).toBeNull();
  });

  it('names the zip after the number, in safe characters', () => {
    expect(personalDataFilename('C-000123')).toBe('personal-data-C-000123.zip');
    expect(personalDataFilename('a"b/../c')).toBe('personal-data-a-b-..-c.zip');
    expect(personalDataFilename('"/')).toBe('personal-data-record.zip');
  });

  it('flattens nested values into columns and keeps lists and dates whole', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(
      flattenRow({ a: 1, other: { name: 'N', number: null }, shares: ['x', 'y'], at })
    ).toEqual({
      a: 1,
      'other.name': 'N',
      'other.number': null,
      shares: '["x","y"]',
      at: '2026-01-02T03:04:05.000Z',
    });
  });

  it('writes the history one row per change, relations as JSON', () => {
    const rows = historyRows([
      {
        documentId: 'h1',
        at: '2026-01-01T00:00:00.000Z',
        action: 'update',
        record: { uid: 'plugin::crm.customer', documentId: 'c1', label: 'Jane' },
        actor: {
          type: 'import',
          id: '7',
          name: 'import 7',
          onBehalfOf: { type: 'user', id: '1', name: 'ann' },
        },
        changes: [
          { field: 'lastName', before: 'Doe', after: 'Roe' },
          { field: 'primaryContact', before: null, after: { documentId: 'c2', label: 'Bob' } },
        ],
      },
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ entry: 'h1', field: 'lastName', before: 'Doe', after: 'Roe' });
    expect(rows[1]).toMatchObject({ onBehalfOf: 'ann', before: null });
    expect(JSON.parse(rows[1].after as string)).toEqual({ documentId: 'c2', label: 'Bob' });
  });

  it('writes CSV that a spreadsheet cannot run as a formula, with a header even when empty', () => {
    const csv = csvFile('phones.csv', [
      { number: '+14155550101', note: '  =HYPERLINK("x")', split: 'a;b\tc', count: -2 },
    ]);
    expect(parse(csv)).toEqual([
      { number: "'+14155550101", note: '\'  =HYPERLINK("x")', split: 'a;b\tc', count: '-2' },
    ]);
    expect(csv.split('\r\n')[1]).toBe(`'+14155550101,"'  =HYPERLINK(""x"")","a;b\tc",-2`);
    expect(csvFile('history.csv', []).split('\r\n')[0]).toMatch(/^entry,at,action,/);
  });

  it('writes one file per section', () => {
    const data: PersonalDataExport = {
      subject: { uid: 'plugin::crm.contact', documentId: 'k1', label: 'Jane' },
      exportedAt: '2026-01-01T00:00:00.000Z',
      record: { documentId: 'k1', firstName: 'Jane', company: { name: 'Globex', number: 'C-1' } },
      contactPoints: { addresses: [], phones: [], emails: [] },
      connections: [],
      relationships: [],
      contacts: [],
      customers: [
        { name: 'Jane Doe', number: 'C-2', shares: ['j@x.test'], convertedFromSubject: true },
      ],
      marketingLists: [{ contactDocumentId: 'k1', list: 'News', channel: 'email' }],
      activity: [],
      history: [],
      ssnReveals: [],
    };
    const files = personalDataCsvFiles(data);
    expect(Object.keys(files)).toContain('ssn-reveals.csv');
    expect(parse(files['record.csv'])).toEqual([
      { documentId: 'k1', firstName: 'Jane', 'company.name': 'Globex', 'company.number': 'C-1' },
    ]);
    expect(parse(files['customers.csv'])[0]).toMatchObject({ shares: '["j@x.test"]' });
    expect(parse(files['export.csv'])[0]).toMatchObject({ subjectDocumentId: 'k1' });
  });
});
