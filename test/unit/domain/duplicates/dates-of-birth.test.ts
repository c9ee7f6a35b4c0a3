import {
  compareDatesOfBirth,
  dateOfBirthDigits,
} from '../../../../src/plugins/crm/server/src/domain/duplicates/dates-of-birth';

const compare = (a: string | null, b: string | null) =>
  compareDatesOfBirth(dateOfBirthDigits(a), dateOfBirthDigits(b));

describe('compareDatesOfBirth', () => {
  it('finds the same date', () => {
    expect(compare('1980-05-17', '1980-05-17')).toBe('same');
  });

  it.each([
    ['1980-05-17', '1980-05-18', 'a digit of the day'],
    ['1980-05-12', '1980-05-21', 'digits of the day swapped'],
    ['1980-04-07', '1980-07-04', 'day and month swapped'],
    ['1980-05-17', '1981-05-17', 'the last digit of the year'],
    ['1980-05-17', '1980-06-17', 'a digit of the month'],
  ])('calls %p and %p near (%s)', (a, b) => {
    expect(compare(a, b)).toBe('near');
  });

  it.each([
    ['1950-05-17', '1980-05-17', 'a father and son, thirty years apart'],
    ['1958-05-17', '1985-05-17', 'decade and year digits swapped'],
    ['1980-05-17', '1980-11-03', 'another day of the year'],
    ['1970-03-04', '1990-03-04', 'another decade'],
  ])('calls %p and %p a conflict (%s)', (a, b) => {
    expect(compare(a, b)).toBe('conflict');
  });

  it('knows nothing of missing, malformed or placeholder dates', () => {
    expect(compare(null, '1980-05-17')).toBe('unknown');
    expect(compare('17/05/1980', '1980-05-17')).toBe('unknown');
    expect(compare('1900-01-01', '1980-05-17')).toBe('unknown');
    expect(compare('1900-01-01', '1900-01-01')).toBe('unknown');
  });
});
