import { createReadStream, type ReadStream } from 'node:fs';
import { Transform } from 'node:stream';

import iconv from 'iconv-lite';

import { ImportFileError } from './import-file-error';

/** The encodings the import tells by itself; any other one iconv-lite reads can be named on the upload. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const BOMS: [DetectedEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((byte, i) => head[i] === byte);

/** The byte order mark's encoding, if the file starts with one. */
export const bomEncoding = (head: Buffer): DetectedEncoding | null =>
  BOMS.find(([, bytes]) => startsWith(head, bytes))?.[0] ?? null;

/**
 * UTF-16 text without a byte order mark: most of its characters are ASCII, so every other byte is
 * a NUL (the odd ones for little-endian, the even ones for big-endian).
 */
const looksLikeBomlessUtf16 = (head: Buffer): boolean => {
  const sample = head.subarray(0, 4096);
  if (sample.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  const pairs = sample.length / 2;
  return Math.max(even, odd) > pairs * 0.4 && Math.min(even, odd) < pairs * 0.05;
};

/** Whether the whole file is valid UTF-8, read in pieces (a character may span two of them). */
const isUtf8File = async (path: string): Promise<boolean> => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const piece of createReadStream(path, { highWaterMark: 1024 * 1024 }))
      decoder.decode(piece as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
};

/**
 * The encoding of a text file: `given` (a label such as `utf-8`, `utf-16le`, `windows-1252`) when
 * the upload names one; else its byte order mark; else UTF-8 when every byte of it is valid UTF-8,
 * and Windows-1252 (Excel's "CSV" on Windows; ISO-8859-1 is its subset) when not. UTF-16 without a
 * byte order mark cannot be told from other bytes reliably, so it is refused with what to do.
 */
export async function detectEncoding(path: string, head: Buffer, given?: string): Promise<string> {
  if (given !== undefined) {
    const label = given.trim().toLowerCase();
    if (!iconv.encodingExists(label))
      throw new ImportFileError(
        `encoding "${given}" is not an encoding the import reads (for example utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1)`
      );
    return label;
  }
  const bom = bomEncoding(head);
  if (bom) return bom;
  if (looksLikeBomlessUtf16(head))
    throw new ImportFileError(
      'the file looks like UTF-16 text without a byte order mark: save it as "Unicode text" or UTF-8, or name its encoding (utf-16le or utf-16be) on the upload'
    );
  return (await isUtf8File(path)) ? 'utf-8' : 'windows-1252';
}

/**
 * Characters that do not occur in a readable text file: control characters other than tab and
 * line breaks, the C1 controls, and the replacement character of undecodable bytes.
 */
// eslint-disable-next-line no-control-regex
const UNREADABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** Refuses text that decodes to garbage in `encoding` (a wrong encoding named, a binary file). */
export function assertReadable(text: string, encoding: string): void {
  // A NUL is never text, and no database column can hold one.
  if (text.includes('\u0000'))
    throw new ImportFileError(
      `the file does not read as ${encoding} text: it holds NUL characters, as binary data does (is it a CSV or vCard file, and is this its encoding?)`
    );
  const unreadable = (text.match(UNREADABLE) ?? []).length;
  if (unreadable > Math.max(3, text.length / 100))
    throw new ImportFileError(
      `the file does not read as ${encoding} text: ${unreadable} of its first ${text.length} characters are unreadable (is it a CSV file, and is this its encoding?)`
    );
}

/** Characters past Latin-1: a string holding one needs two bytes per character. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * The same text, stored one byte per character when it can be. V8 keeps text decoded from UTF-8
 * in two bytes per character as soon as one character is not ASCII (an "é" in a 32 KiB piece
 * doubles the piece), and every cell the parser slices from it keeps it alive; Latin-1 text
 * copied through a Latin-1 buffer comes back one byte per character, as Windows-1252 text does.
 */
const compact = (text: string): string =>
  text.length === 0 || BEYOND_LATIN1.test(text)
    ? text
    : Buffer.from(text, 'latin1').toString('latin1');

/** The file's bytes and its text, decoded while they stream (pieces of text); a byte order mark is dropped. */
export const decodedStream = (
  path: string,
  encoding: string
): { bytes: ReadStream; text: Transform } => {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const text = new Transform({
    readableObjectMode: true,
    // One decoded piece waits at most: paused, the file is not read on into memory.
    readableHighWaterMark: 1,
    writableHighWaterMark: 1,
    transform(piece: Buffer, _encoding, done) {
      const decoded = compact(decoder.write(piece));
      done(null, decoded === '' ? undefined : decoded);
    },
    flush(done) {
      const rest = decoder.end();
      done(null, rest ? rest : undefined);
    },
  });
  // Pieces of 32 KiB: the reader's stages (bytes, text, parser) each hold one, so little is in memory.
  const bytes = createReadStream(path, { highWaterMark: 32 * 1024 });
  bytes.on('error', (error) => text.destroy(error));
  bytes.pipe(text);
  return { bytes, text };
};

/** The text of the first bytes of a file, decoded (its last character may be cut). */
export const decodeHead = (head: Buffer, encoding: string): string =>
  iconv.decode(head, encoding, { stripBOM: true });
