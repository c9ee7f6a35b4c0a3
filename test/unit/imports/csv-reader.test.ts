import fs, { mkdtempSync, rmSync, writeFileSync, type ReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CsvFileError,
  readCsv,
  type CsvRecord,
} from '../../../src/plugins/crm/server/src/services/imports/csv-reader';

const dir = mkdtempSync(join(tmpdir(), 'crm-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
const file = (content: string | Buffer) => {
  counter += 1;
  const path = join(dir, `f${counter}.csv`);
  writeFileSync(path, content);
  return path;
};

const read = async (content: string | Buffer, batchSize = 1000) => {
  let headers: string[] = [];
  let delimiter = '';
  const records: CsvRecord[] = [];
  const result = await readCsv(
    file(content),
    {
      onHeader: (found, detected) => {
        headers = found;
        delimiter = detected;
      },
      onBatch: async (batch) => {
        records.push(...batch);
      },
    },
    { batchSize }
  );
  return { headers, delimiter, records, result };
};

describe('readCsv', () => {
  it.each([
    [',', 'First Name,Email\nAda,ada@example.com\n'],
    [';', 'First Name;Email\r\nAda;ada@example.com\r\n'],
    ['\t', 'First Name\tEmail\nAda\tada@example.com'],
  ])('detects the %p delimiter', async (delimiter, content) => {
    const parsed = await read(content);
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.headers).toEqual(['First Name', 'Email']);
    expect(parsed.records).toEqual([{ line: 2, cells: ['Ada', 'ada@example.com'] }]);
  });

  it('drops a UTF-8 byte order mark', async () => {
    const parsed = await read('\uFEFFName,City\nZoë,Zürich\n');
    expect(parsed.headers).toEqual(['Name', 'City']);
    expect(parsed.records[0].cells).toEqual(['Zoë', 'Zürich']);
  });

  it('reads a quoted first header cell after a byte order mark', async () => {
    const parsed = await read('\uFEFF"Name, full",Email\n"Lovelace, Ada",ada@example.com\n');
    expect(parsed.headers).toEqual(['Name, full', 'Email']);
    expect(parsed.records).toEqual([{ line: 2, cells: ['Lovelace, Ada', 'ada@example.com'] }]);
  });

  it('keeps quoted fields with commas, quotes and line breaks, and counts physical lines', async () => {
    const parsed = await read(
      'Name,Notes\n"Smith, Ada","said ""hi""\nthen left"\nBob,plain\n\nCy,"a\nb\nc"\nDee,x\n'
    );
    expect(parsed.records).toEqual([
      { line: 2, cells: ['Smith, Ada', 'said "hi"\nthen left'] },
      { line: 4, cells: ['Bob', 'plain'] },
      { line: 6, cells: ['Cy', 'a\nb\nc'] },
      { line: 9, cells: ['Dee', 'x'] },
    ]);
  });

  it('reads in batches', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `n${i},${i}`).join('\n');
    const parsed = await read(`name,n\n${rows}\n`, 10);
    expect(parsed.records).toHaveLength(25);
    expect(parsed.result.records).toBe(25);
  });

  /** The stream the rows are read from: the last one opened (the encoding check reads the file first). */
  const reading = (streams: ReadStream[]) => streams[streams.length - 1];

  /** Runs `read` with the file streams readCsv opens kept, to look at them afterwards. */
  const watchingStreams = async (read: (streams: ReadStream[]) => Promise<void>) => {
    const streams: ReadStream[] = [];
    const open = fs.createReadStream;
    const spy = jest.spyOn(fs, 'createReadStream').mockImplementation(((
      ...args: Parameters<typeof open>
    ) => {
      const stream = open(...args);
      streams.push(stream);
      return stream;
    }) as typeof open);
    try {
      await read(streams);
    } finally {
      spy.mockRestore();
    }
  };
  const manyRows = (count: number) =>
    Array.from(
      { length: count },
      (_, i) => `Person ${i},person${i}@example.com,+4420794600${String(i % 100).padStart(2, '0')}`
    );

  it('reads the file only as fast as its batches are handled, never the whole file into memory', async () => {
    const path = file(`Name,Email,Phone\n${manyRows(40_000).join('\n')}\n`); // about 2 MB
    await watchingStreams(async (streams) => {
      let readWhileSlow = 0;
      let records = 0;
      await readCsv(
        path,
        {
          onHeader: () => undefined,
          onBatch: async (batch) => {
            records += batch.length;
            if (records === 1000) {
              await new Promise((resolve) => setTimeout(resolve, 100)); // a slow write
              readWhileSlow = reading(streams).bytesRead;
            }
          },
        },
        { batchSize: 100 }
      );
      expect(records).toBe(40_000);
      expect(readWhileSlow).toBeGreaterThan(0);
      expect(readWhileSlow).toBeLessThan(256 * 1024);
    });
  });

  it('closes the file when it stops at a broken line', async () => {
    const rows = manyRows(40_000);
    rows[10] += ',one column too many';
    const path = file(`Name,Email,Phone\n${rows.join('\n')}\n`);
    await watchingStreams(async (streams) => {
      await expect(
        readCsv(
          path,
          { onHeader: () => undefined, onBatch: async () => undefined },
          { batchSize: 100 }
        )
      ).rejects.toThrow('line 12: 4 columns');
      expect(reading(streams).destroyed).toBe(true);
    });
  });

  it('hands on a batch of long rows early, so the rows in memory stay few', async () => {
    const long = 'x'.repeat(1_000_000);
    const rows = Array.from({ length: 20 }, (_, i) => `n${i},"${long}"`);
    const sizes: number[] = [];
    const result = await readCsv(
      file(`Name,Notes\n${rows.join('\n')}\n`),
      {
        onHeader: () => undefined,
        onBatch: async (batch) => {
          sizes.push(batch.length);
        },
      },
      { batchSize: 500 }
    );
    expect(result.records).toBe(20);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
  });

  it('keeps a 100,000-character field', async () => {
    const long = 'x'.repeat(100_000);
    const parsed = await read(`Name,Notes\nAda,"${long}"\n`);
    expect(parsed.records[0].cells[1]).toHaveLength(100_000);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a header only', 'Name,Email\n', 'a header row but no data rows'],
    ['no header', '\n\n', 'no header row'],
    [
      'a row with too many columns',
      'Name,Email\nAda,a@x.com\nBob,b@x.com,extra\n',
      'line 3: 3 columns where the header has 2',
    ],
    ['a row with too few columns', 'Name,Email\nAda\n', 'line 2: 1 columns where the header has 2'],
    [
      'an unclosed quote',
      'Name,Email\nAda,a@x.com\n"Bob,b@x.com\nCy,c@x.com\n',
      'line 3: a quoted field is not closed',
    ],
  ])('refuses %s, naming the line', async (_case, content, message) => {
    await expect(read(content)).rejects.toThrow(CsvFileError);
    await expect(read(content)).rejects.toThrow(message);
  });

  describe('refuses a file of the wrong shape, naming the line and the limit', () => {
    /** Reads `path` keeping count of the handler calls and of the bytes read from the file. */
    const readWatched = async (path: string, maxColumns?: number) => {
      let outcome: unknown;
      const seen = { headers: 0, records: 0, bytesRead: 0, closed: false };
      await watchingStreams(async (streams) => {
        outcome = await readCsv(
          path,
          {
            onHeader: () => {
              seen.headers += 1;
            },
            onBatch: async (batch) => {
              seen.records += batch.length;
            },
          },
          { batchSize: 100, maxColumns }
        ).catch((error: Error) => error);
        seen.bytesRead = reading(streams).bytesRead;
        seen.closed = reading(streams).destroyed;
      });
      return { outcome, ...seen };
    };
    const columns = (count: number, cell = 'c') =>
      Array.from({ length: count }, (_, i) => `${cell}${i}`).join(',');

    it('reads a header of 500 columns and refuses one of 600 (importMaxColumns)', async () => {
      expect((await read(`${columns(500)}\n${columns(500, 'v')}\n`)).records).toHaveLength(1);
      await expect(read(`${columns(600)}\n${columns(600, 'v')}\n`)).rejects.toThrow(
        new CsvFileError('line 1: the header has more than 500 columns (importMaxColumns)')
      );
    });

    it('takes the column limit from its options', async () => {
      const refused = await readWatched(file('a,b,c,d\n1,2,3,4\n'), 3);
      expect(refused.outcome).toEqual(
        new CsvFileError('line 1: the header has more than 3 columns (importMaxColumns)')
      );
    });

    it('stops at a 1 MB header of 500,000 columns having read a bounded part of it, and never parses it', async () => {
      const header = Array.from({ length: 500_000 }, () => 'c').join(',');
      const path = file(`${header}\nvalue\n`);
      const started = Date.now();
      const refused = await readWatched(path);
      expect(refused.outcome).toEqual(
        new CsvFileError('line 1: the header has more than 500 columns (importMaxColumns)')
      );
      expect(refused.headers).toBe(0);
      expect(refused.bytesRead).toBeLessThan(256 * 1024);
      expect(refused.closed).toBe(true);
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('refuses a header cell of 2,000 characters', async () => {
      await expect(read(`Name,${'n'.repeat(2000)}\nAda,1\n`)).rejects.toThrow(
        'line 1: a header cell is longer than 1,000 characters, the limit for a column name'
      );
    });

    it('refuses a row over 1 MiB at the piece of the file where it passes the limit', async () => {
      const long = 'x'.repeat(3 * 1024 * 1024);
      const refused = await readWatched(file(`Name,Notes\nAda,short\n\nBob,"${long}"\nCy,short\n`));
      expect(refused.outcome).toEqual(
        new CsvFileError(
          'line 4: a quoted field runs on past 1,048,576 characters (1 MiB), the limit for one row: is a closing " missing?'
        )
      );
      expect(refused.bytesRead).toBeLessThan(1024 * 1024 + 256 * 1024);
      expect(refused.closed).toBe(true);
      await expect(read(`Name,Notes\nAda,${'y'.repeat(1024 * 1024)}\n`)).rejects.toThrow(
        'line 2: the row is longer than 1,048,576 characters (1 MiB), the limit for one row'
      );
    });

    it('refuses a row wider than the header at its first extra delimiter, before the row is read', async () => {
      const rows = manyRows(1000);
      rows[500] += ','.repeat(1024 * 1024); // a 1 MiB row of empty columns
      const refused = await readWatched(file(`Name,Email,Phone\n${rows.join('\n')}\n`));
      expect((refused.outcome as Error).message).toMatch(
        /^line 502: \d+ or more columns where the header has 3$/
      );
      expect(refused.bytesRead).toBeLessThan(256 * 1024);
      expect(refused.closed).toBe(true);
    });

    it('still checks the rows before the refused one, so the first problem of the file is the one reported', async () => {
      await expect(read('Name,Email\nAda,a@x.com\nBob\nCy,c@x.com,extra\n')).rejects.toThrow(
        'line 3: 1 columns where the header has 2'
      );
      const wide = await read('Name,Email\nAda,a@x.com\nBob,b@x.com\nCy,c@x.com,extra\n', 1).catch(
        (error: Error) => error
      );
      expect(wide).toEqual(new CsvFileError('line 4: 3 columns where the header has 2'));
    });
  });

  it('refuses binary data, saying what it looks like', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00]);
    await expect(read(zip)).rejects.toThrow('the file is a zip archive');
    const binary = Buffer.from([0x01, 0x02, 0x00, 0x03, 0x00, 0x00, 0x00, 0x07, 0x08, 0x0e]);
    await expect(read(binary)).rejects.toThrow('does not read as');
  });
});
