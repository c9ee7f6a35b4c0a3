import { jaro, jaroWinkler } from '../../../../src/plugins/crm/server/src/domain/duplicates';
import { isWithinOneEdit } from '../../../../src/plugins/crm/server/src/domain/duplicates/one-edit';

describe('jaro', () => {
  it.each([
    ['martha', 'marhta', 0.944],
    ['dwayne', 'duane', 0.822],
    ['dixon', 'dicksonx', 0.767],
    ['crate', 'trace', 0.733],
  ])('scores %p and %p as the published examples (%p)', (a, b, expected) => {
    expect(jaro(a, b)).toBeCloseTo(expected, 3);
  });

  it('is 1 for equal strings and 0 when nothing is shared or one is empty', () => {
    expect(jaro('anna', 'anna')).toBe(1);
    expect(jaro('', '')).toBe(1);
    expect(jaro('abc', 'xyz')).toBe(0);
    expect(jaro('abc', '')).toBe(0);
  });
});

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
  ])('scores %p and %p as the published examples (%p)', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('rewards a shared prefix of up to four characters', () => {
    expect(jaroWinkler('jonathan', 'jonathon')).toBeGreaterThan(jaro('jonathan', 'jonathon'));
    const four = jaroWinkler('abcdxyz', 'abcdzyx');
    const five = jaroWinkler('abcdexyz', 'abcdezyx');
    expect(four - jaro('abcdxyz', 'abcdzyx')).toBeCloseTo(
      0.4 * (1 - jaro('abcdxyz', 'abcdzyx')),
      10
    );
    expect(five - jaro('abcdexyz', 'abcdezyx')).toBeCloseTo(
      0.4 * (1 - jaro('abcdexyz', 'abcdezyx')),
      10
    );
  });

  it('gives no prefix bonus to strings too unlike to share anything', () => {
    expect(jaroWinkler('abxyz', 'abpqr')).toBe(jaro('abxyz', 'abpqr'));
  });

  it('is symmetric and stays within [0, 1]', () => {
    const words = ['smith', 'smyth', 'schmidt', 'garcia', 'garza', 'o', 'oooo', 'anna', 'hanna'];
    for (const a of words)
      for (const b of words) {
        const score = jaroWinkler(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(jaroWinkler(b, a)).toBeCloseTo(score, 12);
      }
  });

  it('handles strings longer than its scratch space', () => {
    const long = 'a'.repeat(500) + 'b';
    expect(jaroWinkler(long, `${'a'.repeat(500)}c`)).toBeGreaterThan(0.99);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});

describe('isWithinOneEdit', () => {
  it.each([
    ['globex', 'glebex'],
    ['jurgen', 'juergen'],
    ['hartmann', 'hartmnan'],
    ['smith', 'smith'],
    ['ab', 'a'],
  ])('finds %p and %p one slip apart', (a, b) => {
    expect(isWithinOneEdit(a, b)).toBe(true);
    expect(isWithinOneEdit(b, a)).toBe(true);
  });

  it.each([
    ['globex', 'glebez'],
    ['smith', 'smiths2'],
    ['emma', 'ella'],
    ['abcd', 'badc'],
  ])('finds %p and %p further apart', (a, b) => {
    expect(isWithinOneEdit(a, b)).toBe(false);
  });
});
