import { countryCodeOf } from '../../../../src/plugins/crm/server/src/domain';

describe('countries written by name', () => {
  it('reads names in seven languages, short forms and codes', () => {
    for (const [text, code] of [
      ['United States of America', 'US'],
      ['USA', 'US'],
      ['Germany', 'DE'],
      ['Deutschland', 'DE'],
      ['Allemagne', 'DE'],
      ['España', 'ES'],
      ['Spanje', 'ES'],
      ['Royaume-Uni', 'GB'],
      ['UK', 'GB'],
      ['Suíça', 'CH'],
      ['Svizzera', 'CH'],
      ['fr', 'FR'],
      [' Japan ', 'JP'],
    ])
      expect([text, countryCodeOf(text)]).toEqual([text, code]);
  });

  it('leaves what it does not know for the address rules to refuse', () => {
    expect(countryCodeOf('Atlantis')).toBe('Atlantis');
  });
});
