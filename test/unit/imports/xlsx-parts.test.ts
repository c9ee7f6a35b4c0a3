import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

import ExcelJS from 'exceljs';
import yazl from 'yazl';

import { readWorkbook } from './read-workbook';

/**
 * Workbooks written part by part, as Excel lays them out: the sheets stored before the styles and
 * the shared strings they point to, so a reader must find each part by the zip's directory.
 */
const dir = mkdtempSync(join(tmpdir(), 'crm-xlsx-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const rels = (items: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${PKG}">${items
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;

/** Writes the parts in the order given, compressed as Excel does. */
const writePackage = async (parts: [string, string][]) => {
  const zip = new yazl.ZipFile();
  for (const [name, text] of parts) zip.addBuffer(Buffer.from(text, 'utf8'), name);
  const path = join(dir, `book-${Math.random().toString(36).slice(2)}.xlsx`);
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  zip.end();
  await finished(out);
  return path;
};

const excelPackage = (options: {
  sheets: { name: string; xml: string }[];
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
  prefix?: string;
}) => {
  const p = options.prefix ? `${options.prefix}:` : '';
  const xmlns = options.prefix ? `xmlns:${options.prefix}="${NS}"` : `xmlns="${NS}"`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}workbook ${xmlns} xmlns:r="${REL}">${options.workbookPr ?? ''}<${p}sheets>${options.sheets
    .map((s, i) => `<${p}sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</${p}sheets></${p}workbook>`;
  const n = options.sheets.length;
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    ['_rels/.rels', rels([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }])],
    ['xl/workbook.xml', workbook],
    [
      'xl/_rels/workbook.xml.rels',
      rels([
        ...options.sheets.map((_, i) => ({
          id: `rId${i + 1}`,
          type: 'worksheet',
          target: `worksheets/sheet${i + 1}.xml`,
        })),
        { id: `rId${n + 1}`, type: 'styles', target: 'styles.xml' },
        { id: `rId${n + 2}`, type: 'sharedStrings', target: '/xl/sharedStrings.xml' },
      ]),
    ],
    ...options.sheets.map((s, i): [string, string] => [
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${p}worksheet ${xmlns}><${p}sheetData>${s.xml}</${p}sheetData></${p}worksheet>`,
    ]),
    ['xl/styles.xml', options.styles ?? `<styleSheet xmlns="${NS}"/>`],
    ['xl/sharedStrings.xml', options.sharedStrings ?? `<sst xmlns="${NS}"/>`],
    ['docProps/app.xml', '<Properties/>'],
  ];
  return writePackage(parts);
};

const STYLES = `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="49"/></cellXfs></styleSheet>`;

describe('readXlsx on workbooks laid out as Excel writes them', () => {
  it('reads shared strings stored after the sheet, rich text without its phonetic guide, styles and cell types', async () => {
    const sharedStrings = `<sst xmlns="${NS}" count="6" uniqueCount="6">
<si><t>First Name</t></si><si><t>Last Name</t></si><si><t xml:space="preserve">Notes </t></si>
<si><r><rPr><b/></rPr><t>Ad</t></r><r><t>a</t></r><rPh sb="0" eb="1"><t>エイダ</t></rPh></si>
<si><t>Lovelace &amp; Byron</t></si><si><t>Line one_x000D__x000A_Line two</t></si></sst>`;
    const sheet = [
      '<row r="1" spans="1:7"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>',
      '<c r="D1" t="inlineStr"><is><t>Mobile</t></is></c><c r="E1" t="inlineStr"><is><t>Birthday</t></is></c>',
      '<c r="F1" t="inlineStr"><is><t>Since</t></is></c><c r="G1" t="inlineStr"><is><t>Active</t></is></c></row>',
      '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c>',
      '<c r="D2" s="3"><v>14155552671</v></c><c r="E2" s="2"><v>31121</v></c><c r="F2" s="1"><v>45000</v></c>',
      '<c r="G2" t="b"><v>1</v></c></row>',
      // An empty row in the middle, then cells without references, a formula and an error.
      '<row r="3"><c r="A3" s="1"/></row>',
      '<row r="5"><c t="str"><f>"Al"&amp;"an"</f><v>Alan</v></c><c t="inlineStr"><is><r><t>Tur</t></r><r><t>ing</t></r></is></c>',
      '<c t="e"><v>#N/A</v></c><c r="F5"><v>0.5</v></c><c t="b"><v>0</v></c></row>',
    ].join('');
    const path = await excelPackage({
      sheets: [{ name: 'Contacts', xml: sheet }],
      sharedStrings,
      styles: STYLES,
    });
    const { headers, records, result } = await readWorkbook(path);
    expect(result).toEqual({ records: 2, sheet: 'Contacts' });
    expect(headers).toEqual([
      'First Name',
      'Last Name',
      'Notes ',
      'Mobile',
      'Birthday',
      'Since',
      'Active',
    ]);
    expect(records).toEqual([
      {
        line: 2,
        cells: [
          'Ada',
          'Lovelace & Byron',
          'Line one\r\nLine two',
          '14155552671',
          '1985-03-15',
          '2023-03-15',
          'true',
        ],
      },
      { line: 5, cells: ['Alan', 'Turing', '#N/A', '', '', '0.5', 'false'] },
    ]);
  });

  it('reads prefixed elements, the 1904 date system, ISO date cells and a sheet chosen by name', async () => {
    const sheet = (first: string) =>
      `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Born</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Met</x:t></x:is></x:c></x:row>` +
      `<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>${first}</x:t></x:is></x:c><x:c r="B2" s="1"><x:v>29659</x:v></x:c><x:c r="C2" t="d"><x:v>2024-02-29T10:15:00</x:v></x:c></x:row>`;
    const path = await excelPackage({
      prefix: 'x',
      workbookPr: '<x:workbookPr date1904="1"/>',
      sheets: [
        { name: 'Old', xml: sheet('Nobody') },
        { name: 'Current', xml: sheet('Grace') },
      ],
      styles: STYLES,
    });
    const { records, result } = await readWorkbook(path, 'current');
    expect(result.sheet).toBe('Current');
    expect(records).toEqual([{ line: 2, cells: ['Grace', '1985-03-15', '2024-02-29T10:15:00Z'] }]);
    expect((await readWorkbook(path, '1')).records[0].cells[0]).toBe('Nobody');
    await expect(readWorkbook(path, 'Leads')).rejects.toThrow(
      'the workbook has no sheet "Leads"; its sheets are "Old", "Current"'
    );
  });

  it('refuses a cell past column XFD and a package without a workbook, saying so', async () => {
    const wide = await excelPackage({
      sheets: [
        {
          name: 'S',
          xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="ZZZZ1"><v>1</v></c></row>',
        },
      ],
    });
    await expect(readWorkbook(wide)).rejects.toThrow('row 1: a cell past column XFD');
    const notABook = await writePackage([['word/document.xml', '<document/>']]);
    await expect(readWorkbook(notABook)).rejects.toThrow('a zip archive without a workbook');
    const broken = await excelPackage({
      sheets: [{ name: 'S', xml: '<row r="1"><c><v>1</c></row>' }],
    });
    await expect(readWorkbook(broken)).rejects.toThrow('the workbook cannot be read');
  });

  it("reads a large workbook from exceljs' streaming writer, whose sheet precedes its shared strings", async () => {
    const path = join(dir, 'streamed.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['First Name', 'Last Name', 'Email']).commit();
    for (let i = 0; i < 30000; i++)
      sheet.addRow([`First ${i}`, `Last ${i}`, `person.${i}@example.com`]).commit();
    sheet.commit();
    await book.commit();
    const { records } = await readWorkbook(path);
    expect(records).toHaveLength(30000);
    expect(records[29999]).toEqual({
      line: 30001,
      cells: ['First 29999', 'Last 29999', 'person.29999@example.com'],
    });
  });
});
