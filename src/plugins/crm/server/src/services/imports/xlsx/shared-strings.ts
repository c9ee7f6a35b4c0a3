import { decodeSpreadsheetEscapes, ROW_MAX_CHARS } from '../../../domain';
import { ImportFileError } from '../import-file-error';
import { readXmlPart } from './xml-events';
import type { ZipParts } from './zip-parts';

/** Bytes of one block of the store; a longer string gets a block of its own. */
const BLOCK_BYTES = 8 * 1024 * 1024;
/**
 * The most text a workbook's shared strings may hold. Cells name them by position, so all of them
 * are kept while the sheet is read; past this a workbook is refused rather than the server's
 * memory spent (saved as CSV, the same rows are read without any such table).
 */
export const SHARED_STRINGS_MAX_BYTES = 256 * 1024 * 1024;

/**
 * A workbook's table of shared strings, kept as UTF-8 in large blocks with three numbers per
 * string: a million distinct names cost their bytes and 12 more each, not a JavaScript string
 * object apiece.
 */
export class SharedStrings {
  private blocks: Buffer[] = [];
  private used = 0;
  private blockOf = new Uint32Array(1024);
  private startOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private total = 0;
  count = 0;

  add(text: string): void {
    const bytes = Buffer.byteLength(text);
    this.total += bytes;
    if (this.total > SHARED_STRINGS_MAX_BYTES)
      throw new ImportFileError(
        `the workbook's shared strings hold more than ${SHARED_STRINGS_MAX_BYTES / 1024 / 1024} MiB of text; save the sheet as CSV (UTF-8) and upload that`
      );
    let block = this.blocks[this.blocks.length - 1];
    if (!block || this.used + bytes > block.length) {
      block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, bytes));
      this.blocks.push(block);
      this.used = 0;
    }
    if (this.count === this.blockOf.length) this.grow();
    block.write(text, this.used, 'utf8');
    this.blockOf[this.count] = this.blocks.length - 1;
    this.startOf[this.count] = this.used;
    this.lengthOf[this.count] = bytes;
    this.used += bytes;
    this.count += 1;
  }

  /** The string at a position; undefined past the table's end. */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const start = this.startOf[index];
    return this.blocks[this.blockOf[index]].toString('utf8', start, start + this.lengthOf[index]);
  }

  private grow(): void {
    const larger = (array: Uint32Array) => {
      const next = new Uint32Array(array.length * 2);
      next.set(array);
      return next;
    };
    this.blockOf = larger(this.blockOf);
    this.startOf = larger(this.startOf);
    this.lengthOf = larger(this.lengthOf);
  }
}

/**
 * Reads the shared strings part: each `<si>` is one string, the text of its `<t>` (plain) or of
 * its runs' `<t>`s (rich text); phonetic guides (`<rPh>`) are not part of the text.
 */
export async function readSharedStrings(
  zip: ZipParts,
  part: string | null
): Promise<SharedStrings> {
  const strings = new SharedStrings();
  const stream = part ? await zip.text(part) : null;
  if (!stream) return strings;
  let text = '';
  let inText = false;
  let inPhonetic = false;
  await readXmlPart(stream, {
    open: (name) => {
      if (name === 'si') text = '';
      else if (name === 't' && !inPhonetic) inText = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    text: (chunk) => {
      if (!inText) return;
      text += chunk;
      if (text.length > ROW_MAX_CHARS)
        throw new ImportFileError(
          `shared string ${strings.count + 1} is longer than ${ROW_MAX_CHARS.toLocaleString('en-US')} characters (1 MiB), the limit for one row`
        );
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.add(decodeSpreadsheetEscapes(text));
    },
  });
  return strings;
}
