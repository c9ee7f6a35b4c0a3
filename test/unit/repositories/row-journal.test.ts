import {
  comparable,
  sameValue,
} from '../../../src/plugins/crm/server/src/repositories/row-journal';

// An undo compares what a row holds now with what the merge wrote, read back from the database
// and kept as JSON in the merge record: the two must compare equal across that round trip.
describe('values compared across a JSON round trip', () => {
  it('are equal whether the driver gives a Date, a boolean or a number', () => {
    const date = new Date('2024-05-06T07:08:09.010Z');
    expect(sameValue(date, JSON.parse(JSON.stringify(date)))).toBe(true);
    expect(sameValue(true, 1)).toBe(true);
    expect(sameValue(false, 0)).toBe(true);
    expect(sameValue(42, '42')).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
  });

  it('tell different values apart', () => {
    expect(sameValue('a', 'b')).toBe(false);
    expect(sameValue(1, 2)).toBe(false);
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue('+14155552671', '+14155552672')).toBe(false);
    expect(sameValue('0042', '42')).toBe(false);
    expect(comparable(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});
