import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import iconv from 'iconv-lite';

import {
  readCsv,
  type CsvRecord,
} from '../../../src/plugins/crm/server/src/services/imports/csv-reader';
import { sniffImportFile } from '../../../src/plugins/crm/server/src/services/imports/file-format';

const dir = mkdtempSync(join(tmpdir(), 'crm-encodings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
const file = (content: Buffer) => {
  counter += 1;
  const path = join(dir, `f${counter}.csv`);
  writeFileSync(path, content);
  return path;
};

const read = async (content: Buffer, encoding?: string) => {
  const path = file(content);
  const sniffed = await sniffImportFile(path, encoding);
  let headers: string[] = [];
  const records: CsvRecord[] = [];
  const result = await readCsv(
    path,
    {
      onHeader: (found) => {
        headers = found;
      },
      onBatch: async (batch) => {
        records.push(...batch);
      },
    },
    { batchSize: 100, file: sniffed }
  );
  return { headers, rows: records.map((record) => record.cells), records, result, sniffed };
};

const TEXT =
  '"Title","First Name","Last Name","Company"\r\n"Mme","Amélie","Dupré","Société Générale"\r\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('import files in the encodings people have', () => {
  it('reads UTF-8 with a byte order mark, the quoted first header without its quotes', async () => {
    const { headers, rows, sniffed } = await read(Buffer.concat([BOM, Buffer.from(TEXT)]));
    expect(sniffed.encoding).toBe('utf-8');
    expect(headers).toEqual(['Title', 'First Name', 'Last Name', 'Company']);
    expect(rows).toEqual([['Mme', 'Amélie', 'Dupré', 'Société Générale']]);
  });

  it('reads UTF-8 without a byte order mark', async () => {
    const { rows, sniffed } = await read(Buffer.from(TEXT));
    expect(sniffed.encoding).toBe('utf-8');
    expect(rows[0][1]).toBe('Amélie');
  });

  it('reads UTF-16 little- and big-endian with their byte order marks (Excel\'s "Unicode text")', async () => {
    const tabbed = TEXT.replace(/","/g, '"\t"');
    const le = await read(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tabbed, 'utf-16le')])
    );
    expect(le.sniffed.encoding).toBe('utf-16le');
    expect(le.headers).toEqual(['Title', 'First Name', 'Last Name', 'Company']);
    expect(le.rows).toEqual([['Mme', 'Amélie', 'Dupré', 'Société Générale']]);
    const be = await read(
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(tabbed, 'utf-16be')])
    );
    expect(be.sniffed.encoding).toBe('utf-16be');
    expect(be.rows).toEqual([['Mme', 'Amélie', 'Dupré', 'Société Générale']]);
  });

  it('reads Windows-1252 when the bytes are not UTF-8 (Excel\'s "CSV" on Windows)', async () => {
    const text = 'Vorname;Nachname;Firma;Notiz\r\nJürgen;Weiß;Müller & Söhne;Preis 12 €\r\n';
    const { rows, sniffed, headers } = await read(iconv.encode(text, 'windows-1252'));
    expect(sniffed.encoding).toBe('windows-1252');
    expect(headers).toEqual(['Vorname', 'Nachname', 'Firma', 'Notiz']);
    expect(rows).toEqual([['Jürgen', 'Weiß', 'Müller & Söhne', 'Preis 12 €']]);
  });

  it('takes the encoding named on the upload over its own guess', async () => {
    const bytes = iconv.encode('Name,City\nJosé,Málaga\n', 'iso-8859-1');
    expect((await read(bytes, 'ISO-8859-1')).rows).toEqual([['José', 'Málaga']]);
    await expect(read(bytes, 'klingon')).rejects.toThrow('encoding "klingon" is not an encoding');
  });

  it('refuses UTF-16 without a byte order mark, and text that decodes to garbage', async () => {
    await expect(read(iconv.encode(TEXT, 'utf-16le'))).rejects.toThrow(
      'UTF-16 text without a byte order mark'
    );
    const garbage = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 7) % 32));
    await expect(read(garbage)).rejects.toThrow('does not read as');
    // A UTF-16 file read as UTF-8 because the upload said so is garbage too.
    await expect(
      read(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]), 'utf-8')
    ).rejects.toThrow('does not read as utf-8');
  });

  it('reads CR, LF and CRLF line ends', async () => {
    for (const end of ['\r', '\n', '\r\n']) {
      const { rows } = await read(Buffer.from(`a,b${end}1,2${end}3,4${end}`));
      expect([end, rows]).toEqual([
        end,
        [
          ['1', '2'],
          ['3', '4'],
        ],
      ]);
    }
  });

  it("skips a preamble of one-cell rows before the header, as LinkedIn's Connections.csv has", async () => {
    const text =
      'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAda,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Programmer,15 Mar 2021\r\n';
    const { headers, records, result } = await read(Buffer.from(text));
    expect(headers).toEqual([
      'First Name',
      'Last Name',
      'URL',
      'Email Address',
      'Company',
      'Position',
      'Connected On',
    ]);
    expect(result.preambleLines).toBe(3);
    expect(records).toEqual([
      {
        line: 5,
        cells: [
          'Ada',
          'Lovelace',
          'https://www.linkedin.com/in/ada',
          '',
          'Analytical Engines',
          'Programmer',
          '15 Mar 2021',
        ],
      },
    ]);
  });

  it('tells files that are not CSV by their content and says what the import reads', async () => {
    const vcard = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n');
    expect((await sniffImportFile(file(vcard))).format).toBe('vcard');
    await expect(read(Buffer.from('%PDF-1.7\n...'))).rejects.toThrow('a PDF document');
    await expect(read(Buffer.alloc(0))).rejects.toThrow('the file is empty');
  });
});
