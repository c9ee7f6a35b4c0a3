import {
  decodeSpreadsheetEscapes,
  isDateNumberFormat,
  spreadsheetCellText,
  spreadsheetSerialDate,
} from '../../../../src/plugins/crm/server/src/domain';

const day = (serial: number, date1904 = false) =>
  spreadsheetCellText(spreadsheetSerialDate(serial, date1904));

describe('date number formats', () => {
  it('knows the built-in date and time formats', () => {
    for (const id of [14, 15, 16, 17, 18, 22, 45, 47]) expect(isDateNumberFormat(id)).toBe(true);
    for (const id of [0, 1, 2, 3, 4, 9, 10, 11, 12, 49]) expect(isDateNumberFormat(id)).toBe(false);
  });

  it('reads custom format codes by their tokens, not their literal text or colours', () => {
    expect(isDateNumberFormat(164, 'dd/mm/yyyy')).toBe(true);
    expect(isDateNumberFormat(165, '[$-409]d-mmm-yy;@')).toBe(true);
    expect(isDateNumberFormat(166, 'yyyy\\-mm\\-dd\\ hh:mm')).toBe(true);
    expect(isDateNumberFormat(167, '[h]:mm:ss')).toBe(true);
    expect(isDateNumberFormat(168, '0.00" days"')).toBe(false);
    expect(isDateNumberFormat(169, '[Red]#,##0;[Blue]-#,##0')).toBe(false);
    expect(isDateNumberFormat(170, '"Ref "000000')).toBe(false);
    expect(isDateNumberFormat(171, 'General')).toBe(false);
    expect(isDateNumberFormat(172, '#,##0_);(#,##0)')).toBe(false);
  });
});

describe('serial dates', () => {
  it('counts the 1900 system as Excel does, its missing leap day included', () => {
    expect(day(1)).toBe('1900-01-01');
    expect(day(59)).toBe('1900-02-28');
    expect(day(61)).toBe('1900-03-01');
    expect(day(31121)).toBe('1985-03-15');
    expect(day(45000.5)).toBe('2023-03-15T12:00:00Z');
  });

  it('counts the 1904 system from 1 January 1904', () => {
    expect(day(0, true)).toBe('1904-01-01');
    expect(day(29659, true)).toBe('1985-03-15');
  });

  it('rounds times to the second and refuses what is no date', () => {
    expect(day(31121 + 1 / 3)).toBe('1985-03-15T08:00:00Z');
    expect(spreadsheetSerialDate(-1)).toBeNull();
    expect(spreadsheetSerialDate(Number.NaN)).toBeNull();
    expect(spreadsheetSerialDate(1e9)).toBeNull();
  });
});

describe('Office Open XML escapes', () => {
  it('decodes the characters XML cannot carry', () => {
    expect(decodeSpreadsheetEscapes('Line one_x000D__x000A_Line two')).toBe('Line one\r\nLine two');
    expect(decodeSpreadsheetEscapes('a_x005F_x0041_b')).toBe('a_x0041_b');
    expect(decodeSpreadsheetEscapes('snake_case_name')).toBe('snake_case_name');
  });
});
