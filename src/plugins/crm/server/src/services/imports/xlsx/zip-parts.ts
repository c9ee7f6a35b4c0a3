import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

import yauzl from 'yauzl';

/**
 * The parts of a zip package (an .xlsx workbook), found through the zip's central directory so
 * that each can be read when it is needed, in any order. Excel stores a workbook's sheets before
 * its shared strings; a reader that follows the file from its start must park a sheet somewhere
 * until the strings it points to are known. Reading by the directory needs neither.
 */
export class ZipParts {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>
  ) {}

  static async open(path: string): Promise<ZipParts> {
    const open = promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open);
    const zip = await open(path, { lazyEntries: true, autoClose: false, decodeStrings: true });
    const entries = new Map<string, yauzl.Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          // Part names compare without case (ECMA-376 part 2, 6.2.2.3).
          entries.set(normalizePartName(entry.fileName), entry);
          zip.readEntry();
        });
        zip.once('end', resolve);
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error;
    }
    return new ZipParts(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(normalizePartName(name));
  }

  /** A part's text, decoded from UTF-8 as it is inflated; null when the package has no such part. */
  async text(name: string): Promise<Readable | null> {
    const entry = this.entries.get(normalizePartName(name));
    if (!entry) return null;
    const openStream = promisify<yauzl.Entry, Readable>(this.zip.openReadStream.bind(this.zip));
    const stream = await openStream(entry);
    stream.setEncoding('utf8');
    return stream;
  }

  close(): void {
    this.zip.close();
  }
}

const normalizePartName = (name: string): string =>
  posix.normalize(name.replace(/\\/g, '/')).replace(/^\/+/, '').toLowerCase();

/**
 * Where a relationship's target lives, as a part name: targets are relative to the folder of the
 * part whose relationships name them, or absolute from the package's root when they start with /.
 */
export const resolvePartName = (fromPart: string, target: string): string =>
  target.startsWith('/')
    ? posix.normalize(target).slice(1)
    : posix.normalize(posix.join(posix.dirname(fromPart), target));

/** The part that holds a part's relationships: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export const relationshipsPartName = (part: string): string =>
  posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
