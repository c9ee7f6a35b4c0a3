import iconv from 'iconv-lite';

import {
  VCARD_COLUMNS,
  createVcardUnfolder,
  parseVcardLine,
  vcardCells,
  type VcardColumn,
  type VcardProperty,
} from '../../domain';
import type { CsvRecord } from './csv-reader';
import type { SniffedFile } from './file-format';
import { ImportFileError } from './import-file-error';
import { decodedStream } from './text-encoding';

/** A card of more lines than this is not an address book entry (a photo is a few thousand at most). */
const CARD_MAX_LINES = 100_000;

/** Quoted-printable bytes in a card's charset (UTF-8 when it names none, or one iconv-lite does not know). */
const decodeBytes = (bytes: Uint8Array, charset: string) =>
  iconv.decode(Buffer.from(bytes), iconv.encodingExists(charset) ? charset : 'utf-8');

/** Calls `onCard` with each card's properties and the line it starts on, in file order. */
async function eachCard(
  path: string,
  encoding: string,
  onCard: (properties: VcardProperty[], line: number) => Promise<void> | void
): Promise<void> {
  let card: { line: number; properties: VcardProperty[] } | null = null;
  let pending: Promise<void> | void;
  const logical: { line: string; number: number }[] = [];
  const unfolder = createVcardUnfolder((line, number) => logical.push({ line, number }));
  const handle = async () => {
    for (const { line, number } of logical.splice(0)) {
      const property = parseVcardLine(line);
      if (!property) continue;
      const value = property.raw.trim().toUpperCase();
      if (property.name === 'BEGIN' && value === 'VCARD') {
        if (card)
          throw new ImportFileError(
            `line ${number}: a card begins inside the card of line ${card.line} (END:VCARD is missing)`
          );
        card = { line: number, properties: [] };
      } else if (property.name === 'END' && value === 'VCARD') {
        if (!card) throw new ImportFileError(`line ${number}: END:VCARD without BEGIN:VCARD`);
        const done: { line: number; properties: VcardProperty[] } = card;
        card = null;
        pending = onCard(done.properties, done.line);
        await pending;
      } else if (card) {
        if (card.properties.length >= CARD_MAX_LINES)
          throw new ImportFileError(
            `line ${card.line}: the card has more than ${CARD_MAX_LINES} lines`
          );
        card.properties.push(property);
      }
    }
  };
  const { bytes, text } = decodedStream(path, encoding);
  let rest = '';
  try {
    for await (const piece of text) {
      const lines = (rest + (piece as string)).split(/\r\n|\n|\r/);
      rest = lines.pop() ?? '';
      for (const line of lines) unfolder.push(line);
      await handle();
    }
    if (rest) unfolder.push(rest);
    unfolder.end();
    await handle();
  } finally {
    bytes.destroy();
  }
  const open = card as { line: number } | null;
  if (open)
    throw new ImportFileError(`line ${open.line}: the card is not closed (END:VCARD is missing)`);
}

/**
 * Reads a vCard file (2.1, 3.0, 4.0; one card or many) as rows: one per card, with a column for
 * each property the cards hold (`VCARD_COLUMNS`, those found), line numbers where the cards
 * begin. The file is read twice, first for the columns, then for the rows.
 */
export async function readVcard(
  path: string,
  handlers: {
    onHeader: (headers: string[]) => Promise<void> | void;
    onBatch: (records: CsvRecord[]) => Promise<void>;
  },
  options: { batchSize: number; file: Pick<SniffedFile, 'encoding'> }
): Promise<{ records: number }> {
  const encoding = options.file.encoding ?? 'utf-8';
  const found = new Set<VcardColumn>();
  let cards = 0;
  await eachCard(path, encoding, (properties) => {
    cards += 1;
    for (const column of Object.keys(vcardCells(properties, decodeBytes)))
      found.add(column as VcardColumn);
  });
  if (cards === 0) throw new ImportFileError('the file holds no card (BEGIN:VCARD … END:VCARD)');
  const columns = VCARD_COLUMNS.filter((column) => found.has(column));
  if (columns.length === 0) throw new ImportFileError('the cards hold no name, e-mail or phone');
  await handlers.onHeader([...columns]);
  let batch: CsvRecord[] = [];
  let records = 0;
  await eachCard(path, encoding, async (properties, line) => {
    const cells = vcardCells(properties, decodeBytes);
    if (Object.keys(cells).length === 0) return; // a card with nothing the import reads
    batch.push({ line, cells: columns.map((column) => cells[column] ?? '') });
    records += 1;
    if (batch.length >= options.batchSize) {
      const full = batch;
      batch = [];
      await handlers.onBatch(full);
    }
  });
  if (batch.length > 0) await handlers.onBatch(batch);
  return { records };
}
