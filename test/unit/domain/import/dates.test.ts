import {
  dateOrderOf,
  dateShapeOf,
  emptyDateStats,
  excelSerialDate,
  observeDate,
  readImportDate,
  type DateOrderVerdict,
} from '../../../../src/plugins/crm/server/src/domain/import/dates';

const orderOf = (values: string[]): DateOrderVerdict | null => {
  const stats = emptyDateStats();
  values.forEach((value) => observeDate(stats, value));
  return dateOrderOf(stats);
};
const dateOf = (value: string, order: DateOrderVerdict | null = null) =>
  readImportDate(value, order);

describe('import dates', () => {
  it('reads ISO dates, with or without a time, and year-first dates', () => {
    expect(dateOf('1985-03-15')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('1985-03-15T00:00:00Z')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('1985-03-15 10:30:00')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('1985/03/15')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('1985.3.5')).toEqual({ kind: 'date', iso: '1985-03-05' });
    expect(dateOf('19850315')).toEqual({ kind: 'date', iso: '1985-03-15' });
  });

  it('reads day and month by number in the order of the column', () => {
    expect(dateOf('3/15/1985', 'MDY')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('15/3/1985', 'DMY')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('03/04/1985', 'DMY')).toEqual({ kind: 'date', iso: '1985-04-03' });
    expect(dateOf('03/04/1985', 'MDY')).toEqual({ kind: 'date', iso: '1985-03-04' });
    expect(dateOf('15.03.1985')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('05.04.1985')).toEqual({ kind: 'date', iso: '1985-04-05' });
    expect(dateOf('15-03-1985')).toEqual({ kind: 'date', iso: '1985-03-15' });
  });

  it('leaves a value that fits both orders undecided until the column says', () => {
    expect(dateOf('03/04/1985')).toEqual({ kind: 'undecided' });
    expect(dateOf('03/04/1985', 'ambiguous')).toEqual({ kind: 'undecided' });
    // the same number twice is the same day either way
    expect(dateOf('04/04/1985')).toEqual({ kind: 'date', iso: '1985-04-04' });
    // one that fits one order only is read that way, whatever the column is still deciding
    expect(dateOf('25/12/1985')).toEqual({ kind: 'date', iso: '1985-12-25' });
  });

  it('refuses a value against its column order, naming that order', () => {
    const refused = dateOf('25/12/1985', 'MDY');
    expect(refused).toEqual({ kind: 'invalid', reason: expect.stringContaining('month/day/year') });
    expect(dateOf('2/30/1985', 'MDY')).toEqual({
      kind: 'invalid',
      reason: '"2/30/1985" is not a day of the calendar',
    });
    expect(dateOf('1985-02-30')).toMatchObject({ kind: 'invalid' });
    expect(dateOf('not a date')).toMatchObject({ kind: 'invalid' });
  });

  it('reads two-digit years with the pivot 30 (00–29 → 2000s, 30–99 → 1900s)', () => {
    expect(dateOf('3/15/85', 'MDY')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('3/15/29', 'MDY')).toEqual({ kind: 'date', iso: '2029-03-15' });
    expect(dateOf('3/15/30', 'MDY')).toEqual({ kind: 'date', iso: '1930-03-15' });
  });

  it('reads month names in seven languages, accents or not', () => {
    for (const text of [
      'March 15, 1985',
      '15 March 1985',
      'Mar 15 1985',
      '15 mars 1985',
      '15. März 1985',
      '15. Marz 1985',
      '15 de marzo de 1985',
      '15 marzo 1985',
      '15 de março de 1985',
      '15 maart 1985',
      '15th March 1985',
    ]) {
      expect([text, dateOf(text)]).toEqual([text, { kind: 'date', iso: '1985-03-15' }]);
    }
    expect(dateOf('1er août 1990')).toEqual({ kind: 'date', iso: '1990-08-01' });
  });

  it('reads Excel serial numbers (1900 date system)', () => {
    expect(excelSerialDate(31121)).toBe('1985-03-15');
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(dateOf('31121')).toEqual({ kind: 'date', iso: '1985-03-15' });
    expect(dateOf('31121.5')).toEqual({ kind: 'date', iso: '1985-03-15' });
  });

  it('reads the placeholders for no date as empty', () => {
    for (const text of ['0/0/00', '00.00.0000', '1/1/1601', '0000-00-00', '0/0/0000', '', '  '])
      expect([text, dateOf(text, 'MDY')]).toEqual([text, { kind: 'empty' }]);
  });

  it('tells a day without a year', () => {
    expect(dateOf('--03-15')).toEqual({ kind: 'no-year' });
    expect(dateOf('--0315')).toEqual({ kind: 'no-year' });
    expect(dateOf('15 March')).toEqual({ kind: 'no-year' });
  });

  it("judges a column's order from all its values, not the first", () => {
    expect(orderOf(['1985-03-15', '1990-12-01'])).toBe('YMD');
    expect(orderOf(['03/04/1985', '05/06/1990', '3/25/1970'])).toBe('MDY');
    expect(orderOf(['03/04/1985', '05/06/1990', '25/3/1970'])).toBe('DMY');
    expect(orderOf(['03/04/1985', '05/06/1990', '', '0/0/00'])).toBe('ambiguous');
    expect(orderOf(['15.03.1985', '01.02.1990'])).toBe('DMY');
    expect(orderOf(['', '  '])).toBeNull();
    expect(orderOf(['0/0/00', '1/1/1601'])).toBe('YMD');
  });

  it('names the shape of each value', () => {
    expect(dateShapeOf('3/25/1970')).toBe('month-first');
    expect(dateShapeOf('25/3/1970')).toBe('day-first');
    expect(dateShapeOf('3/4/1970')).toBe('either');
    expect(dateShapeOf('hello')).toBe('not-a-date');
  });
});
