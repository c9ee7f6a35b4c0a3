import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';

import { spreadsheetCellText } from '../../../src/plugins/crm/server/src/domain';
import { sniffImportFile } from '../../../src/plugins/crm/server/src/services/imports/file-format';
import { readWorkbook } from './read-workbook';

const dir = mkdtempSync(join(tmpdir(), 'crm-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A workbook as Excel users keep address books: a sheet of notes first, the contacts second. */
const workbook = async () => {
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet('Read me');
  notes.addRow(['This workbook holds our contacts']);
  const sheet = book.addWorksheet('Contacts');
  sheet.addRow(['First Name', 'Last Name', 'Mobile', 'Birthday', 'Score', 'Full name', 'Active']);
  sheet.addRow(['Ada', 'Lovelace', 14155552671, new Date(Date.UTC(1985, 2, 15)), 12.5, null, true]);
  sheet.getCell('F2').value = { formula: 'A2&" "&B2', result: 'Ada Lovelace' };
  sheet.addRow([]); // an empty row in the middle is not a row
  sheet.addRow([
    { richText: [{ text: 'Al' }, { text: 'an' }] },
    'Turing',
    '+44 20 7946 0000',
    '1912-06-23',
    0,
    null,
    false,
  ]);
  // Empty trailing rows, as a sheet that was cleared keeps them.
  sheet.getRow(10).getCell(1).value = null;
  sheet.getRow(11).getCell(2).value = '';
  const path = join(dir, `book-${Math.random().toString(36).slice(2)}.xlsx`);
  await book.xlsx.writeFile(path);
  return path;
};

describe('readXlsx', () => {
  it('is told from its content, whatever its name', async () => {
    const path = await workbook();
    const renamed = join(dir, 'contacts.csv');
    writeFileSync(renamed, readFileSync(path));
    expect((await sniffImportFile(renamed)).format).toBe('xlsx');
  });

  it('reads the sheet asked for by name or position: dates as dates, numbers in full, formulas as their value', async () => {
    const path = await workbook();
    for (const sheet of ['Contacts', 'contacts', '2']) {
      const { headers, records, result } = await readWorkbook(path, sheet);
      expect(result).toEqual({ records: 2, sheet: 'Contacts' });
      expect(headers).toEqual([
        'First Name',
        'Last Name',
        'Mobile',
        'Birthday',
        'Score',
        'Full name',
        'Active',
      ]);
      expect(records).toEqual([
        {
          line: 2,
          cells: ['Ada', 'Lovelace', '14155552671', '1985-03-15', '12.5', 'Ada Lovelace', 'true'],
        },
        {
          line: 4,
          cells: ['Alan', 'Turing', '+44 20 7946 0000', '1912-06-23', '0', '', 'false'],
        },
      ]);
    }
  });

  it('reads the first sheet when none is named, and names a missing one', async () => {
    const path = await workbook();
    await expect(readWorkbook(path)).rejects.toThrow('has a header row but no data rows');
    await expect(readWorkbook(path, 'Leads')).rejects.toThrow('the workbook has no sheet "Leads"');
    await expect(readWorkbook(path, '3')).rejects.toThrow('the workbook has no sheet "3"');
  });

  it('refuses a truncated workbook, saying so', async () => {
    const bytes = readFileSync(await workbook());
    const truncated = join(dir, 'truncated.xlsx');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(readWorkbook(truncated, 'Contacts')).rejects.toThrow(
      'the workbook cannot be read'
    );
  });

  it('refuses a value past the header, naming its row', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['First Name', 'Last Name']);
    sheet.addRow(['Ada', 'Lovelace', 'stray']);
    const path = join(dir, 'wide.xlsx');
    await book.xlsx.writeFile(path);
    await expect(readWorkbook(path)).rejects.toThrow(
      'row 2: a value in column 3 where the header has 2'
    );
  });
});

describe('spreadsheet cells as text', () => {
  it('writes numbers in full, dates as ISO, and other cells as their text', () => {
    expect(spreadsheetCellText(14155552671)).toBe('14155552671');
    expect(spreadsheetCellText(1.5e21)).toBe('1500000000000000000000');
    expect(spreadsheetCellText(new Date(Date.UTC(1985, 2, 15, 9, 30)))).toBe(
      '1985-03-15T09:30:00Z'
    );
    expect(spreadsheetCellText(null)).toBe('');
  });
});
