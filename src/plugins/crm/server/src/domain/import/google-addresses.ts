/**
 * Google Contacts writes each address as a block of columns, `Address N - Label`, `- Street`,
 * `- City`, `- PO Box`, `- Region`, `- Postal Code`, `- Country`, `- Extended Address` (and
 * `- Formatted`, the same address as one text), with several addresses of one label joined by
 * ` ::: ` in each column. For customers the blocks are read by their labels: Home is the
 * physical address, Work the work address, Other the mailing address, an unlabelled or custom
 * one the first of those left free; what does not fit (a second Home address) is named so the row
 * can say so.
 */

const BLOCK =
  /^Address (\d+) - (Label|Formatted|Street|City|PO Box|Region|Postal Code|Country|Extended Address)$/i;
const SEPARATOR = ' ::: ';

type Part =
  | 'label'
  | 'formatted'
  | 'street'
  | 'city'
  | 'pobox'
  | 'region'
  | 'postalcode'
  | 'country'
  | 'extendedaddress';

/** One `Address N` block: the header of each of its columns. */
export interface GoogleAddressBlock {
  number: number;
  columns: Partial<Record<Part, string>>;
}

/** The address types a block can fill, as the field prefixes of the customer import. */
const TYPES = { physical: '', work: 'work', mailing: 'mailing' } as const;
type AddressType = keyof typeof TYPES;

const BY_LABEL: Record<string, AddressType> = { home: 'physical', work: 'work', other: 'mailing' };
const IN_ORDER: readonly AddressType[] = ['physical', 'mailing', 'work'];

/** The customer import field of one part of an address type: `work` + `City` → `workCity`. */
const fieldOf = (type: AddressType, part: string): string =>
  TYPES[type] ? `${TYPES[type]}${part}` : part.charAt(0).toLowerCase() + part.slice(1);

/** The `Address N` blocks of a header row, in their order. */
export function googleAddressBlocks(headers: readonly string[]): GoogleAddressBlock[] {
  const blocks = new Map<number, GoogleAddressBlock>();
  for (const header of headers) {
    const match = BLOCK.exec(header.trim());
    if (!match) continue;
    const number = Number(match[1]);
    const block = blocks.get(number) ?? { number, columns: {} };
    block.columns[match[2].toLowerCase().replace(/\s/g, '') as Part] = header;
    blocks.set(number, block);
  }
  return [...blocks.values()].sort((a, b) => a.number - b.number);
}

/** The import fields a block's columns are mapped to automatically (Address 1 as the physical address…). */
export const googleAddressFieldNames = (): Set<string> =>
  new Set(
    (Object.keys(TYPES) as AddressType[]).flatMap((type) =>
      ['AddressLine1', 'AddressLine2', 'City', 'Region', 'PostalCode', 'Country'].map((part) =>
        fieldOf(type, part)
      )
    )
  );

/**
 * One row's addresses placed by their labels: the customer fields they fill, and the addresses no
 * type was left for (as "label: formatted address" texts).
 */
export function spreadGoogleAddresses(
  values: Record<string, string>,
  blocks: readonly GoogleAddressBlock[]
): { fields: Record<string, string>; extra: string[] } {
  const fields: Record<string, string> = {};
  const extra: string[] = [];
  const taken = new Set<AddressType>();
  const wanting: { label: string; parts: Record<Part, string> }[] = [];
  for (const block of blocks) {
    const split = (part: Part) => {
      const header = block.columns[part];
      return header ? (values[header] ?? '').split(SEPARATOR).map((value) => value.trim()) : [];
    };
    const columns = Object.keys(block.columns) as Part[];
    const pieces = Object.fromEntries(columns.map((part) => [part, split(part)])) as Record<
      Part,
      string[]
    >;
    const count = Math.max(
      0,
      ...columns.filter((part) => part !== 'label').map((part) => pieces[part].length)
    );
    for (let i = 0; i < count; i++) {
      const parts = Object.fromEntries(
        columns.map((part) => [
          part,
          pieces[part][i] ?? (part === 'label' ? (pieces.label?.[0] ?? '') : ''),
        ])
      ) as Record<Part, string>;
      const hasValue = columns.some((part) => part !== 'label' && parts[part]);
      if (hasValue) wanting.push({ label: (parts.label ?? '').replace(/^\*\s*/, ''), parts });
    }
  }
  const place = (type: AddressType, parts: Record<Part, string>) => {
    taken.add(type);
    const poBox = parts.pobox ? `PO Box ${parts.pobox}` : '';
    // A PO Box is the first line when there is no street; a block written only as one text keeps
    // that text as its first line.
    const line1 =
      parts.street ||
      poBox ||
      (parts.city || parts.postalcode ? '' : (parts.formatted ?? '').replace(/\s*\n\s*/g, ', '));
    const line2 = [parts.extendedaddress, parts.street ? poBox : ''].filter(Boolean).join(', ');
    const written: [string, string | undefined][] = [
      ['AddressLine1', line1],
      ['AddressLine2', line2],
      ['City', parts.city],
      ['Region', parts.region],
      ['PostalCode', parts.postalcode],
      ['Country', parts.country],
    ];
    for (const [part, value] of written) if (value) fields[fieldOf(type, part)] = value;
  };
  const labelled = wanting.filter((entry) => BY_LABEL[entry.label.toLowerCase()]);
  const rest = wanting.filter((entry) => !BY_LABEL[entry.label.toLowerCase()]);
  const describe = (entry: (typeof wanting)[number]) => {
    const text =
      entry.parts.formatted?.replace(/\s*\n\s*/g, ', ') ||
      [
        entry.parts.street,
        entry.parts.city,
        entry.parts.region,
        entry.parts.postalcode,
        entry.parts.country,
      ]
        .filter(Boolean)
        .join(', ');
    return `${entry.label ? `${entry.label} ` : ''}address ${text}`;
  };
  for (const entry of labelled) {
    const type = BY_LABEL[entry.label.toLowerCase()];
    // A second address of one label is kept aside, not moved to another type.
    if (taken.has(type)) extra.push(describe(entry));
    else place(type, entry.parts);
  }
  for (const entry of rest) {
    const free = IN_ORDER.find((type) => !taken.has(type));
    if (free) place(free, entry.parts);
    else extra.push(describe(entry));
  }
  return { fields, extra };
}
