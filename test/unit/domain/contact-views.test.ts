import {
  CONTACT_EXPORT_COLUMNS,
  contactsCsv,
  customerLabel,
  personDisplayName,
} from '../../../src/plugins/crm/server/src/domain';

describe('personDisplayName', () => {
  it('joins the names it has', () => {
    expect(personDisplayName({ firstName: 'Ada', middleName: 'King', lastName: 'Lovelace' })).toBe(
      'Ada King Lovelace'
    );
    expect(personDisplayName({ firstName: ' Ada ', middleName: null, lastName: 'Lovelace' })).toBe(
      'Ada Lovelace'
    );
    expect(personDisplayName({ lastName: 'Lovelace' })).toBe('Lovelace');
  });
});

describe('customerLabel', () => {
  it('names a business by its name and number, a person by first and last name', () => {
    expect(
      customerLabel({
        documentId: 'b1',
        customerNumber: 'C-000001',
        type: 'business',
        businessName: 'Globex Corporation',
      })
    ).toEqual({
      documentId: 'b1',
      customerNumber: 'C-000001',
      type: 'business',
      displayName: 'Globex Corporation (C-000001)',
    });
    expect(
      customerLabel({
        documentId: 'p1',
        customerNumber: 'C-000002',
        type: 'individual',
        firstName: 'Ada',
        lastName: 'Lovelace',
      }).displayName
    ).toBe('Ada Lovelace (C-000002)');
  });

  it('leaves the number out when there is none', () => {
    expect(
      customerLabel({ documentId: 'x', customerNumber: null, type: 'business', businessName: 'X' })
        .displayName
    ).toBe('X');
  });
});

describe('contactsCsv', () => {
  it('writes a header and one neutralised line per contact', () => {
    const csv = contactsCsv([
      {
        firstName: 'Ada',
        lastName: '=Lovelace',
        jobTitle: 'Analyst, first',
        email: 'ada@example.test',
        active: true,
        company: { customerNumber: 'C-000001', type: 'business', businessName: 'Engines' },
      },
      { firstName: 'Bob', lastName: 'Baker', active: false, doNotCall: true },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CONTACT_EXPORT_COLUMNS.join(','));
    expect(lines[1]).toBe(
      `Ada,,'=Lovelace,"Analyst, first",ada@example.test,,,,,Engines,C-000001,true,false,false`
    );
    expect(lines[2]).toBe('Bob,,Baker,,,,,,,,,false,false,true');
    expect(lines[3]).toBe('');
  });
});
