import {
  compareAddress,
  compareAddressLists,
  prepareAddress,
} from '../../../../src/plugins/crm/server/src/domain/duplicates/addresses';

type Parts = [line1: string, city: string, postalCode: string, country?: string];
const prepared = ([line1, city, postalCode, country]: Parts) => {
  const address = prepareAddress({ line1, city, postalCode, country: country ?? null });
  if (!address) throw new Error('an empty address');
  return address;
};
const compare = (a: Parts, b: Parts) => compareAddress(prepared(a), prepared(b));

describe('compareAddress', () => {
  it.each<[Parts, Parts]>([
    [
      ['42 Oak Street', 'Portland', '97205'],
      ['42 Oak St.', 'Portland', '97205-1234'],
    ],
    [
      ['Hauptstraße 5', 'München', '80331'],
      ['Hauptstr. 5', 'Muenchen', '80331'],
    ],
    [
      ['350 Fifth Avenue Apt 12', 'New York', '10118'],
      ['350 5th Ave #12', 'New York', '10118'],
    ],
    [
      ['1200 Rue Sainte-Catherine', 'Montréal', 'H3B 1K9'],
      ['1200 rue Ste-Catherine', 'Montreal', 'H3B1K9'],
    ],
    [
      ['12 North Main Street', 'Springfield', ''],
      ['12 N Main St', 'Springfield', ''],
    ],
    [
      ['555 California St Suite 400', 'San Francisco', '94104'],
      ['555 California Street', 'San Francisco', '94104'],
    ],
    [
      ['Lindenallee 23', 'Hamburg', '20259'],
      ['Lindenalle 23', 'Hamburg', '20259'],
    ],
    [
      ['Flat 2, 5 Elm Road', 'Leeds', 'LS6 2AB'],
      ['5 Elm Rd', 'Leeds', 'LS6 2AB'],
    ],
    [
      ['12 bis rue Victor Hugo', 'Lyon', '69002'],
      ['12 rue Victor Hugo', 'Lyon', '69002'],
    ],
  ])('finds %p and %p one place', (a, b) => {
    expect(compare(a, b)).toBe('address');
  });

  it('tells neighbours and flats apart, keeping what they share', () => {
    expect(
      compare(['10 High Street', 'Oxford', 'OX1 4AA'], ['12 High Street', 'Oxford', 'OX1 4AA'])
    ).toBe('postalCode');
    expect(
      compare(['25 Dizengoff St Apt 3', 'Tel Aviv', ''], ['25 Dizengoff St Apt 9', 'Tel Aviv', ''])
    ).toBe('city');
    expect(compare(['12 Oak Ter', 'Leeds', ''], ['12 Oak Ter', 'York', ''])).toBe('none');
  });

  it('tells one street in two countries apart', () => {
    expect(compare(['1 Main St', 'Windsor', '', 'CA'], ['1 Main St', 'Windsor', '', 'GB'])).toBe(
      'none'
    );
  });

  it('keeps what it can of addresses without a street', () => {
    expect(compare(['', 'Lagos', '100001'], ['22 Awolowo Road', 'Lagos', '100001'])).toBe(
      'postalCode'
    );
    expect(compare(['', 'Cairo', ''], ['', 'Cairo', ''])).toBe('city');
  });

  it('prepares nothing from an empty address', () => {
    expect(prepareAddress({ line1: ' ', city: null, postalCode: '', country: 'US' })).toBeNull();
  });
});

describe('compareAddressLists', () => {
  it('gives the best agreement of any two addresses', () => {
    const home = prepared(['7 Elm Road', 'Leeds', 'LS6 2AB']);
    const work = prepared(['1 Park Row', 'Leeds', 'LS1 5AB']);
    const otherHome = prepared(['7 Elm Rd', 'Leeds', 'LS62AB']);
    expect(compareAddressLists([work, home], [otherHome])).toBe('address');
    expect(compareAddressLists([work], [otherHome])).toBe('city');
    expect(compareAddressLists([], [otherHome])).toBe('none');
  });
});
