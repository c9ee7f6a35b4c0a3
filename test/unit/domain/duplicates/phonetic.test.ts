import { phoneticCode } from '../../../../src/plugins/crm/server/src/domain/duplicates';

describe('phoneticCode', () => {
  it.each([
    ['Smith', 'Smyth'],
    ['Catherine', 'Kathryn'],
    ['Meyer', 'Maier'],
    ['Mayer', 'Meier'],
    ['Schultz', 'Schulz'],
    ['Schulz', 'Shultz'],
    ['MacDonald', 'McDonald'],
    ['Knight', 'Night'],
    ['Wright', 'Right'],
    ['Jeffrey', 'Geoffrey'],
    ['Stephen', 'Steven'],
    ['Philip', 'Filip'],
    ['Hernández', 'Hernandes'],
    ['Mohammed', 'Muhammad'],
    ['Gonzalez', 'Gonzales'],
    ['Thomas', 'Tomas'],
    ['Nguyen', 'Nguyn'],
    ['Müller', 'Muller'],
  ])('codes %p and %p alike', (a, b) => {
    expect(phoneticCode(a)).toBe(phoneticCode(b));
  });

  it.each([
    ['Smith', 'Jones'],
    ['Garcia', 'Martinez'],
    ['Miller', 'Moller Brown'],
    ['Taylor', 'Tyler Sanders'],
    ['Wang', 'Zhang'],
  ])('codes %p and %p apart', (a, b) => {
    expect(phoneticCode(a)).not.toBe(phoneticCode(b));
  });

  it('spells its codes in upper-case letters, a leading vowel as A', () => {
    expect(phoneticCode('Smith')).toBe('SMT');
    expect(phoneticCode('Ellen')).toBe('ALN');
    expect(phoneticCode('Allen')).toBe('ALN');
    expect(phoneticCode('Xavier')).toBe('SFR');
    expect(phoneticCode('Christopher')).toBe('KRSTFR');
  });

  it('cuts codes to the length asked for', () => {
    expect(phoneticCode('Christopher', 4)).toBe('KRST');
    expect(phoneticCode('Venkataraman').length).toBeLessThanOrEqual(6);
  });

  it('keeps names in other scripts as their folded text', () => {
    expect(phoneticCode('王')).toBe('王');
    expect(phoneticCode('Иван')).toBe('иван');
    expect(phoneticCode('')).toBe('');
    expect(phoneticCode('--')).toBe('');
  });
});
