import {
  googlePairColumns,
  spreadGooglePairs,
} from '../../../../src/plugins/crm/server/src/domain';

const HEADERS = [
  'First Name',
  'E-mail 1 - Label',
  'E-mail 1 - Value',
  'E-mail 2 - Label',
  'E-mail 2 - Value',
  'Phone 1 - Label',
  'Phone 1 - Value',
  'Phone 2 - Label',
  'Phone 2 - Value',
];
const pairs = googlePairColumns(HEADERS);
const spread = (values: Record<string, string>, object: 'contacts' | 'customers' = 'contacts') =>
  spreadGooglePairs(values, pairs, object);

describe("Google Contacts' label and value pairs", () => {
  it('pairs each label column with its value column', () => {
    expect(pairs).toEqual([
      { kind: 'email', number: 1, label: 'E-mail 1 - Label', value: 'E-mail 1 - Value' },
      { kind: 'email', number: 2, label: 'E-mail 2 - Label', value: 'E-mail 2 - Value' },
      { kind: 'phone', number: 1, label: 'Phone 1 - Label', value: 'Phone 1 - Value' },
      { kind: 'phone', number: 2, label: 'Phone 2 - Label', value: 'Phone 2 - Value' },
    ]);
  });

  it('fills fields by label, whatever the pair number', () => {
    expect(
      spread({
        'Phone 1 - Label': 'Work',
        'Phone 1 - Value': '+1 555 0100',
        'Phone 2 - Label': 'Mobile',
        'Phone 2 - Value': '+1 555 0101',
      })
    ).toEqual({ fields: { workPhone: '+1 555 0100', mobilePhone: '+1 555 0101' }, extra: [] });
  });

  it("spreads ' ::: ' values over the second slot and keeps what does not fit", () => {
    expect(
      spread({
        'E-mail 1 - Label': '* Home',
        'E-mail 1 - Value': 'a@example.com ::: b@example.com ::: c@example.com',
        'Phone 1 - Label': 'Mobile',
        'Phone 1 - Value': '1 ::: 2 ::: 3',
      })
    ).toEqual({
      fields: {
        email: 'a@example.com',
        email2: 'b@example.com',
        mobilePhone: '1',
        mobilePhone2: '2',
      },
      extra: ['Mobile phone 3', 'Home email c@example.com'],
    });
  });

  it('puts unlabelled values in the first free slot, after the labelled ones', () => {
    expect(
      spread({
        'Phone 1 - Label': '',
        'Phone 1 - Value': '7',
        'Phone 2 - Label': 'Mobile',
        'Phone 2 - Value': '8',
      })
    ).toEqual({ fields: { mobilePhone: '8', mobilePhone2: '7' }, extra: [] });
  });

  it("fills a customer's typed e-mails and phones", () => {
    expect(
      spread(
        {
          'E-mail 1 - Label': 'Work',
          'E-mail 1 - Value': 'w@example.com',
          'E-mail 2 - Label': 'Home',
          'E-mail 2 - Value': 'h@example.com',
          'Phone 1 - Label': 'Home',
          'Phone 1 - Value': '1',
          'Phone 2 - Label': 'Work Fax',
          'Phone 2 - Value': '2',
        },
        'customers'
      )
    ).toEqual({
      fields: {
        workEmail: 'w@example.com',
        email: 'h@example.com',
        homePhone: '1',
        faxNumber: '2',
      },
      extra: [],
    });
  });
});
