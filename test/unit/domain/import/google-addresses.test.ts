import {
  googleAddressBlocks,
  spreadGoogleAddresses,
} from '../../../../src/plugins/crm/server/src/domain';

const parts = [
  'Label',
  'Formatted',
  'Street',
  'City',
  'PO Box',
  'Region',
  'Postal Code',
  'Country',
  'Extended Address',
];
const HEADERS = [
  'First Name',
  ...[1, 2].flatMap((n) => parts.map((part) => `Address ${n} - ${part}`)),
];
const blocks = googleAddressBlocks(HEADERS);

/** A row's values from each block's parts: `{ 1: { Label: 'Home', … } }`. */
const row = (byBlock: Record<number, Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(byBlock).flatMap(([n, values]) =>
      Object.entries(values).map(([part, value]) => [`Address ${n} - ${part}`, value])
    )
  );

describe("Google Contacts' address blocks", () => {
  it('finds each block and its columns', () => {
    expect(blocks.map((block) => block.number)).toEqual([1, 2]);
    expect(blocks[0].columns).toMatchObject({
      label: 'Address 1 - Label',
      street: 'Address 1 - Street',
      pobox: 'Address 1 - PO Box',
      postalcode: 'Address 1 - Postal Code',
      extendedaddress: 'Address 1 - Extended Address',
    });
  });

  it('types each address by its label, whatever its block number', () => {
    const { fields, extra } = spreadGoogleAddresses(
      row({
        1: {
          Label: 'Work',
          Street: '1 Navy Yard',
          City: 'Washington',
          Region: 'DC',
          'Postal Code': '20374',
          Country: 'United States',
        },
        2: {
          Label: 'Home',
          Street: '22 Elm Street',
          'Extended Address': 'Apt 4',
          City: 'Arlington',
          Country: 'US',
        },
      }),
      blocks
    );
    expect(fields).toEqual({
      workAddressLine1: '1 Navy Yard',
      workCity: 'Washington',
      workRegion: 'DC',
      workPostalCode: '20374',
      workCountry: 'United States',
      addressLine1: '22 Elm Street',
      addressLine2: 'Apt 4',
      city: 'Arlington',
      country: 'US',
    });
    expect(extra).toEqual([]);
  });

  it('reads Other as the mailing address, a PO Box as its first line when there is no street', () => {
    const { fields } = spreadGoogleAddresses(
      row({ 1: { Label: 'Other', 'PO Box': '12', City: 'Madrid', 'Postal Code': '28001' } }),
      blocks
    );
    expect(fields).toEqual({
      mailingAddressLine1: 'PO Box 12',
      mailingCity: 'Madrid',
      mailingPostalCode: '28001',
    });
  });

  it('puts unlabelled and custom-labelled addresses in the first free type', () => {
    const { fields } = spreadGoogleAddresses(
      row({
        1: { Label: 'Home', Street: 'A 1', City: 'X' },
        2: { Label: 'Summer house', Street: 'B 2', City: 'Y' },
      }),
      blocks
    );
    expect(fields).toMatchObject({
      addressLine1: 'A 1',
      mailingAddressLine1: 'B 2',
      mailingCity: 'Y',
    });
  });

  it('spreads values joined by " ::: ", and names a second address of one label instead of dropping it', () => {
    const { fields, extra } = spreadGoogleAddresses(
      row({
        1: {
          Label: 'Home',
          Formatted: 'Prešernova 5\n1000 Ljubljana ::: Trubarjeva 9\n1000 Ljubljana',
          Street: 'Prešernova 5 ::: Trubarjeva 9',
          City: 'Ljubljana ::: Ljubljana',
          'Postal Code': '1000 ::: 1000',
        },
      }),
      blocks
    );
    expect(fields).toEqual({ addressLine1: 'Prešernova 5', city: 'Ljubljana', postalCode: '1000' });
    expect(extra).toEqual(['Home address Trubarjeva 9, 1000 Ljubljana']);
  });

  it('ignores empty blocks and reads a block without a label column', () => {
    expect(spreadGoogleAddresses(row({ 1: { Label: 'Home' } }), blocks)).toEqual({
      fields: {},
      extra: [],
    });
    const bare = googleAddressBlocks(['Address 1 - Street', 'Address 1 - City']);
    expect(
      spreadGoogleAddresses({ 'Address 1 - Street': 'A 1', 'Address 1 - City': 'X' }, bare).fields
    ).toEqual({
      addressLine1: 'A 1',
      city: 'X',
    });
  });
});
