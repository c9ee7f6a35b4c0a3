import {
  columnHoldsSsns,
  countSsnShapes,
  emptyColumnStats,
  isSsnShaped,
  isWrittenLikeSsn,
  maskSsnsInText,
  shownCell,
} from '../../../../src/plugins/crm/server/src/domain';

describe("SSNs among an import's cells", () => {
  it.each(['123-45-6789', '123 45 6789', '123.45.6789', '123456789', ' 123-45-6789 '])(
    'takes %p for SSN-shaped',
    (cell) => {
      expect(isSsnShaped(cell)).toBe(true);
    }
  );

  it.each([
    '(415) 555-2671',
    '1234567890',
    '12345678',
    '123-456-789',
    'C-000042',
    'abc-de-fghi',
    '',
  ])('leaves %p alone', (cell) => {
    expect(isSsnShaped(cell)).toBe(false);
  });

  it('tells a number written like an SSN from nine bare digits', () => {
    expect(isWrittenLikeSsn('123-45-6789')).toBe(true);
    expect(isWrittenLikeSsn('123456789')).toBe(false);
  });

  it('masks every SSN-shaped number in a text, and nothing else', () => {
    expect(maskSsnsInText('value 123-45-6789 and 987654321 refused; call (415) 555-2671')).toBe(
      'value ***-**-6789 and ***-**-4321 refused; call (415) 555-2671'
    );
    expect(maskSsnsInText('id 1234567890 stays')).toBe('id 1234567890 stays');
  });

  it('says a column holds SSNs when named or mapped so, or when a cell is written like one', () => {
    const stats = (cells: string[]) => {
      const counted = emptyColumnStats();
      cells.forEach((cell) => countSsnShapes(counted, cell));
      return counted;
    };
    expect(columnHoldsSsns('Social Security Number', null, stats(['x']))).toBe(true);
    expect(columnHoldsSsns('SSN/TIN', null, stats([]))).toBe(true);
    expect(columnHoldsSsns('Reference', 'ssn', stats([]))).toBe(true);
    expect(columnHoldsSsns('Reference', null, stats(['a', 'b', '078-05-1120']))).toBe(true);
    expect(columnHoldsSsns('ID', null, stats(['123456789', 'a']))).toBe(false);
  });

  it('shows every SSN-shaped cell masked, but nine bare digits in a phone column', () => {
    expect(shownCell('078-05-1120', false, null)).toBe('***-**-1120');
    expect(shownCell('219099999', false, null)).toBe('***-**-9999');
    expect(shownCell('612345678', false, 'mobilePhone')).toBe('612345678');
    expect(shownCell('612345678', true, 'mobilePhone')).toBe('***-**-5678');
    expect(shownCell('123-45-6789', false, 'mobilePhone')).toBe('***-**-6789');
    expect(shownCell('Ada', true, 'ssn')).toBe('Ada');
  });
});
