import { ISO_COUNTRY_CODES, isIsoCountryCode } from '../../../src/plugins/crm/server/src/domain';

describe('ISO_COUNTRY_CODES', () => {
  it('holds all 249 officially assigned codes, each two upper-case letters', () => {
    expect(ISO_COUNTRY_CODES.size).toBe(249);
    for (const code of ISO_COUNTRY_CODES) {
      expect(code).toMatch(/^[A-Z]{2}$/);
    }
  });

  it.each(['US', 'GB', 'DE', 'FR', 'JP', 'AX', 'AQ', 'BQ', 'CW', 'SS', 'SX', 'UM', 'ZW'])(
    'includes %s',
    (code) => {
      expect(ISO_COUNTRY_CODES.has(code)).toBe(true);
    }
  );

  // UK, EU, XK, AC and TA are reserved or user-assigned, not officially assigned; AN, CS and YU were withdrawn.
  it.each(['UK', 'EU', 'XK', 'AC', 'TA', 'AN', 'CS', 'YU', 'ZZ'])('excludes %s', (code) => {
    expect(ISO_COUNTRY_CODES.has(code)).toBe(false);
  });
});

describe('isIsoCountryCode', () => {
  it('accepts an assigned upper-case code', () => {
    expect(isIsoCountryCode('US')).toBe(true);
  });

  it('is case-sensitive', () => {
    expect(isIsoCountryCode('us')).toBe(false);
  });

  it.each(['', 'U', 'USA', ' US', 'UK'])('refuses %p', (code) => {
    expect(isIsoCountryCode(code)).toBe(false);
  });
});
