import {
  HEADER_CELL_MAX_CHARS,
  IMPORT_MAX_COLUMNS,
  ROW_MAX_CHARS,
  createCsvShapeScanner,
  guessLineBreak,
  type LineBreak,
} from '../../../../src/plugins/crm/server/src/domain';

const scanner = (
  options: { lineBreak?: LineBreak; maxColumns?: number; delimiter?: string } = {}
) =>
  createCsvShapeScanner({
    delimiter: options.delimiter ?? ',',
    lineBreak: options.lineBreak ?? '\n',
    maxColumns: options.maxColumns ?? IMPORT_MAX_COLUMNS,
  });

/** Scans `pieces` one after another (the last one as the end of the file); the first problem. */
const scan = (pieces: string[], options?: Parameters<typeof scanner>[0]) => {
  const shape = scanner(options);
  for (const [i, piece] of pieces.entries()) {
    const problem = shape.scan(piece, i === pieces.length - 1);
    if (problem) return problem;
  }
  return null;
};

const row = (columns: number, cell = 'c') => Array.from({ length: columns }, () => cell).join(',');

describe('guessLineBreak', () => {
  it.each([
    ['a,b\nc,d\n', '\n'],
    ['a,b\r\nc,d\r\n', '\r\n'],
    ['a,b\rc,d\r', '\r'],
    ['"x\r\ny",b\nc,d\n', '\n'],
    ['a,b', '\n'],
  ] as const)('reads %j as %j', (text, expected) => {
    expect(guessLineBreak(text)).toBe(expected);
  });
});

describe('the CSV shape rules', () => {
  it(`accepts a header of ${IMPORT_MAX_COLUMNS} columns and refuses one more, naming importMaxColumns`, () => {
    expect(scan([`${row(500)}\n${row(500, 'x')}\n`])).toBeNull();
    expect(scan([`${row(600)}\n${row(600, 'x')}\n`])).toEqual({
      message: 'line 1: the header has more than 500 columns (importMaxColumns)',
      line: 1,
      offset: 0,
    });
    expect(scan([`${row(501)}\n`])?.message).toMatch('more than 500 columns (importMaxColumns)');
  });

  it('takes the column limit from the option', () => {
    expect(scan(['a,b,c\n1,2,3\n'], { maxColumns: 3 })).toBeNull();
    expect(scan(['a,b,c,d\n1,2,3,4\n'], { maxColumns: 3 })?.message).toBe(
      'line 1: the header has more than 3 columns (importMaxColumns)'
    );
  });

  it('refuses a wide header as soon as its delimiter past the limit is read, whatever follows', () => {
    const shape = scanner();
    // Only the head of a header of 500,000 columns: the rest is never needed.
    expect(shape.scan(row(2000), false)?.message).toMatch('more than 500 columns');
  });

  it('does not count delimiters and line breaks inside quotes', () => {
    const header = Array.from(
      { length: 500 },
      (_, i) => `"col ${i}, with a comma\nand a line break"`
    ).join(',');
    expect(scan([`${header}\n${row(500)}\n`])).toBeNull();
    const text = '"a,b",c\n"1\n2,3","x,y"\n4,5,6\n';
    expect(scan([text])).toEqual({
      message: 'line 4: 3 columns where the header has 2',
      line: 4,
      offset: text.indexOf('4,5,6'),
    });
  });

  it('reads a quote inside an unquoted field as a plain character, as the parser does', () => {
    expect(scan(['Product,Size\nScreen,24" wide\nCable,3" long\nDesk,large\n'])).toBeNull();
    expect(scan(['Product,Size\nScreen,24" wide\nCable,3" long,extra\n'])?.message).toBe(
      'line 3: 3 columns where the header has 2'
    );
  });

  it('skips blank lines before the header and counts them as lines', () => {
    expect(scan(['\n  \n\uFEFF\na,b\n1,2,3\n'])?.message).toBe(
      'line 5: 3 columns where the header has 2'
    );
  });

  it(`refuses a header cell over ${HEADER_CELL_MAX_CHARS} characters, its quotes aside`, () => {
    expect(scan([`id,${'h'.repeat(1000)}\n1,2\n`])).toBeNull();
    expect(scan([`id,"${'h'.repeat(1000)}"\r\n1,2\r\n`], { lineBreak: '\r\n' })).toBeNull();
    expect(scan([`id,${'h'.repeat(2000)},name\n1,2,3\n`])?.message).toBe(
      'line 1: a header cell is longer than 1,000 characters, the limit for a column name'
    );
    // A long cell is found when a piece ends, before the rest of the header is read.
    expect(scanner().scan(`\n\nid,"${'h'.repeat(2000)}`, false)?.message).toMatch(
      'line 3: a header cell is longer than 1,000'
    );
  });

  it('refuses a row over 1 MiB, naming its line, and accepts one of exactly 1 MiB', () => {
    const exact = 'x'.repeat(ROW_MAX_CHARS - 2);
    expect(scan([`a,b\r\n1,${exact}\r\n2,3\r\n`], { lineBreak: '\r\n' })).toBeNull();
    // In pieces, the last one ending inside the row's \r\n.
    expect(
      scan([`a,b\r\n1,${exact.slice(0, 5000)}`, exact.slice(5000), '\r', '\n2,3\r\n'], {
        lineBreak: '\r\n',
      })
    ).toBeNull();
    const problem = scan([`a,b\n1,2\n3,${exact}x\n`]);
    expect(problem).toEqual({
      message: 'line 3: the row is longer than 1,048,576 characters (1 MiB), the limit for one row',
      line: 3,
      offset: 8,
    });
  });

  it('counts a quoted field with line breaks as part of its row', () => {
    const lines = Array.from({ length: 20_000 }, () => 'y'.repeat(60)).join('\n');
    expect(scan([`a,b\n1,"${lines}"\n`])?.message).toBe(
      'line 2: the row is longer than 1,048,576 characters (1 MiB), the limit for one row'
    );
    // Still open where the limit is passed: most likely a closing quote is missing.
    const text = `a,b\n1,"${lines}`;
    const pieces = Array.from({ length: Math.ceil(text.length / 65536) }, (_, i) =>
      text.slice(i * 65536, (i + 1) * 65536)
    );
    expect(scan(pieces)?.message).toBe(
      'line 2: a quoted field runs on past 1,048,576 characters (1 MiB), the limit for one row: is a closing " missing?'
    );
  });

  it('stops a long row at the end of the piece where it passes the limit', () => {
    const shape = scanner();
    expect(shape.scan('a,b\n1,', false)).toBeNull();
    const piece = 'z'.repeat(64 * 1024);
    let pieces = 1;
    while (!shape.scan(piece, false)) pieces += 1;
    expect(pieces).toBe(Math.ceil(ROW_MAX_CHARS / piece.length));
  });

  it('refuses a row wider than the header at its extra delimiter, before the row ends', () => {
    const shape = scanner();
    expect(shape.scan('a,b\n1,2\n3,4,', false)).toEqual({
      message: 'line 3: 3 or more columns where the header has 2',
      line: 3,
      offset: 8,
    });
    // The whole row in hand: its exact width, as the reader words it.
    expect(scan(['a,b\n1,2\n3,4,5,6\n7,8\n'])?.message).toBe(
      'line 3: 4 columns where the header has 2'
    );
    expect(scan(['a,b\n1,2\n3,4,5'])?.message).toBe('line 3: 3 columns where the header has 2');
  });

  it.each([
    ['\n', 'a,"b\nc"\n"1","2\n3\n4"\n5,6,7\n', 6],
    ['\r\n', 'a,"b\r\nc"\r\n"1","2\r\n3"\r\n5,6,7\r\n', 5],
    ['\r', 'a,"b\rc"\r"1","2\n3"\r5,6,7\r', 4],
  ] as const)('counts lines as the reader does with %j line breaks', (lineBreak, text, line) => {
    expect(scan([text], { lineBreak })?.line).toBe(line);
  });

  it('finds the same problem wherever the text is cut into pieces', () => {
    const texts = [
      'a,"b\r\nc",d\r\n\r\n"1","2""\n3",4\r\n5,6,7,8\r\n',
      '\n\n  \n"h,1",h2\n"x""y",z\n1,2,3\n',
      'a;b\n"1;2";"3\n4"\n5;6;7\n',
      'h1,h2,h3,h4\n1,2\n',
      `${row(4)}\n"q" ,x,y,z\n1,2,3,4,5\n`,
    ];
    for (const text of texts) {
      const delimiter = text.includes(';') ? ';' : ',';
      const lineBreak = guessLineBreak(text);
      const whole = scan([text], { delimiter, lineBreak, maxColumns: 3 });
      for (let cut = 1; cut < text.length; cut++) {
        const inPieces = scan([text.slice(0, cut), text.slice(cut)], {
          delimiter,
          lineBreak,
          maxColumns: 3,
        });
        // A piece that ends inside a too-wide row says "or more": the row's end is not read.
        const sameProblem = (problem: typeof whole) =>
          problem && {
            line: problem.line,
            rule: problem.message.replace(/\d+( or more)? columns where/, 'columns where'),
          };
        expect({ cut, problem: sameProblem(inPieces) }).toEqual({
          cut,
          problem: sameProblem(whole),
        });
      }
    }
  });

  it('keeps answering with the first problem', () => {
    const shape = scanner({ maxColumns: 1 });
    const first = shape.scan('a,b\n', false);
    expect(first?.message).toMatch('more than 1 columns');
    expect(shape.scan('c\n', true)).toBe(first);
  });
});
