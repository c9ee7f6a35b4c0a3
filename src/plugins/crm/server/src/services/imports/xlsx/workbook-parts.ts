import { isDateNumberFormat } from '../../../domain';
import { ImportFileError } from '../import-file-error';
import { prefixedAttribute, readXmlPart } from './xml-events';
import { relationshipsPartName, resolvePartName, type ZipParts } from './zip-parts';

/** A worksheet of a workbook, in the workbook's own order of sheets. */
export interface SheetPart {
  name: string;
  /** Where its cells are, as a part name. */
  part: string;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  /** Whether serial dates count from 1904 (workbooks made by old Mac versions of Excel). */
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

const RELATIONSHIP_TYPE = /\/(officeDocument|worksheet|sharedStrings|styles)$/;

/** A part's relationships: id → type (`worksheet`, `sharedStrings`…) and target part name. */
async function readRelationships(
  zip: ZipParts,
  part: string
): Promise<Map<string, { type: string; part: string }>> {
  const relationships = new Map<string, { type: string; part: string }>();
  const stream = await zip.text(relationshipsPartName(part));
  if (!stream) return relationships;
  await readXmlPart(stream, {
    open: (name, attributes) => {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const type = RELATIONSHIP_TYPE.exec(attributes.Type ?? '')?.[1];
      if (type && attributes.Id && attributes.Target)
        relationships.set(attributes.Id, { type, part: resolvePartName(part, attributes.Target) });
    },
  });
  return relationships;
}

/**
 * The workbook's sheets, date system and the parts its cells refer to, found from the package's
 * relationships as Excel and other writers lay them out (`xl/workbook.xml` when none is named).
 */
export async function readWorkbookParts(zip: ZipParts): Promise<WorkbookParts> {
  const root = await readRelationships(zip, '');
  const workbookPart =
    [...root.values()].find((relationship) => relationship.type === 'officeDocument')?.part ??
    'xl/workbook.xml';
  const workbook = await zip.text(workbookPart);
  if (!workbook) throw new ImportFileError('the file is a zip archive without a workbook in it');
  const relationships = await readRelationships(zip, workbookPart);
  const listed: { name: string; id: string }[] = [];
  let date1904 = false;
  await readXmlPart(workbook, {
    open: (name, attributes) => {
      if (name === 'workbookPr')
        date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name === 'sheet')
        listed.push({ name: attributes.name ?? '', id: prefixedAttribute(attributes, 'id') ?? '' });
    },
  });
  const sheets = listed.flatMap(({ name, id }) => {
    const relationship = relationships.get(id);
    // Chart sheets and dialog sheets have other relationship types: they hold no rows.
    return relationship?.type === 'worksheet' ? [{ name, part: relationship.part }] : [];
  });
  const partOf = (type: string) =>
    [...relationships.values()].find((relationship) => relationship.type === type)?.part ?? null;
  return {
    sheets,
    date1904,
    sharedStringsPart: partOf('sharedStrings'),
    stylesPart: partOf('styles'),
  };
}

/**
 * For each cell style (a cell's `s` attribute), whether it shows its number as a date: the
 * `cellXfs` list of the styles part and the custom number formats it points to.
 */
export async function readDateStyles(zip: ZipParts, part: string | null): Promise<boolean[]> {
  const stream = part ? await zip.text(part) : null;
  if (!stream) return [];
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await readXmlPart(stream, {
    open: (name, attributes) => {
      if (name === 'numFmt') formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styleFormats.map((id) => isDateNumberFormat(id, formats.get(id)));
}
