import { open } from 'node:fs/promises';

import type { ImportFormat } from '../../../../contracts';
import { ImportFileError } from './import-file-error';
import { assertReadable, decodeHead, detectEncoding } from './text-encoding';

const HEAD_BYTES = 64 * 1024;

/** What the import reads, said in every refusal. */
const READ =
  'the import reads CSV text files (comma, semicolon or tab separated), Excel workbooks (.xlsx) and vCards (.vcf)';
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Files people upload by mistake, told by their first bytes, and what to do instead. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an Excel 97-2003 workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
];

export interface SniffedFile {
  format: ImportFormat;
  /** The text encoding of a CSV file (null for a workbook). */
  encoding: string | null;
  /** The file's first bytes. */
  head: Buffer;
  size: number;
}

/**
 * Tells an upload's format by its content, not its name, and the encoding of its text: a file that
 * is not CSV text is refused with what it looks like and what the import reads.
 */
export async function sniffImportFile(path: string, encoding?: string): Promise<SniffedFile> {
  const handle = await open(path, 'r');
  let head: Buffer;
  let size: number;
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    ({ size } = await handle.stat());
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length === 0) throw new ImportFileError('the file is empty');
  const startsWith = (bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
  if (startsWith(ZIP)) {
    // An Office Open XML package names its parts near the start: [Content_Types].xml, xl/….
    const names = head.toString('latin1');
    if (names.includes('xl/') || names.includes('[Content_Types].xml'))
      return { format: 'xlsx', encoding: null, head, size };
    throw new ImportFileError(`the file is a zip archive, not an Excel workbook; ${READ}`);
  }
  const known = SIGNATURES.find(({ bytes }) => startsWith(bytes));
  if (known)
    throw new ImportFileError(
      `the file is ${known.what}; ${READ}: save the sheet as CSV (UTF-8) or .xlsx and upload that`
    );
  const detected = await detectEncoding(path, head, encoding);
  // Text of every format is checked here, before a reader stores any of it.
  assertReadable(decodeHead(head, detected), detected);
  const format = /^\s*BEGIN:VCARD/i.test(decodeHead(head.subarray(0, 1024), detected))
    ? 'vcard'
    : 'csv';
  return { format, encoding: detected, head, size };
}
