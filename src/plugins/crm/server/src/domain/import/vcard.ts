/**
 * vCards (2.1, 3.0 and 4.0) as address books write them, read into the columns of an import: one
 * row per card, one column per property the cards hold. Lines arrive unfolded (`unfoldVcardLines`);
 * a property is `[group.]NAME;PARAM=…:value`, with 2.1's bare parameters (`TEL;CELL;PREF:`),
 * quoted-printable values in a charset, and the escapes `\,` `\;` `\n` `\\`.
 *
 * Within a card, e-mails fill `EMAIL` then `EMAIL 2` in order of preference (`pref` first), phones
 * fill by type (cell → `TEL (cell)` then `TEL (cell) 2`, work → `TEL (work)`), and everything else
 * that reaches someone (more e-mails and phones, home and fax numbers, web pages, addresses,
 * messaging handles) goes to `Other contacts`, so nothing a card holds is dropped.
 */
import type { ImportObject } from './fields';

export interface VcardProperty {
  group: string | null;
  /** Upper case: `EMAIL`, `TEL`, `N`… */
  name: string;
  /** Parameters by upper-case name; 2.1's bare ones (`CELL`, `QUOTED-PRINTABLE`) under `TYPE` or `ENCODING`. */
  params: Record<string, string[]>;
  /** The value as written (escapes and encodings still in). */
  raw: string;
}

/** The columns a vCard import can have, in the order the job lists them. */
export const VCARD_COLUMNS = [
  'Given name (N)',
  'Family name (N)',
  'Additional names (N)',
  'Name prefix (N)',
  'Name suffix (N)',
  'FN',
  'ORG',
  'TITLE',
  'BDAY',
  'NOTE',
  'EMAIL',
  'EMAIL 2',
  'TEL (cell)',
  'TEL (cell) 2',
  'TEL (work)',
  'Other contacts',
] as const;
export type VcardColumn = (typeof VCARD_COLUMNS)[number];

/** What each column fills, per object (null: shown, not mapped). */
export const VCARD_MAPPING: Record<ImportObject, Record<VcardColumn, string | null>> = {
  contacts: {
    'Given name (N)': 'firstName',
    'Family name (N)': 'lastName',
    'Additional names (N)': 'middleName',
    'Name prefix (N)': null,
    'Name suffix (N)': null,
    FN: null,
    ORG: 'company',
    TITLE: 'jobTitle',
    BDAY: 'birthday',
    NOTE: 'notes',
    EMAIL: 'email',
    'EMAIL 2': 'email2',
    'TEL (cell)': 'mobilePhone',
    'TEL (cell) 2': 'mobilePhone2',
    'TEL (work)': 'workPhone',
    'Other contacts': 'otherContacts',
  },
  customers: {
    'Given name (N)': 'firstName',
    'Family name (N)': 'lastName',
    'Additional names (N)': 'middleName',
    'Name prefix (N)': null,
    'Name suffix (N)': null,
    FN: null,
    ORG: null,
    TITLE: null,
    BDAY: 'dateOfBirth',
    NOTE: null,
    EMAIL: 'email',
    'EMAIL 2': 'workEmail',
    'TEL (cell)': 'cellPhone',
    'TEL (cell) 2': null,
    'TEL (work)': 'workPhone',
    'Other contacts': null,
  },
};

/** 2.1 writes parameter values bare (`TEL;WORK;VOICE:`); these are its encodings, the rest are types. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);

/** Splits at `separator` outside double quotes. */
const splitOutsideQuotes = (text: string, separator: string): string[] => {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
};

/** One unfolded line as a property, or null when it is not one (a blank line). */
export function parseVcardLine(line: string): VcardProperty | null {
  const colon = (() => {
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '"') quoted = !quoted;
      else if (!quoted && line[i] === ':') return i;
    }
    return -1;
  })();
  if (colon === -1) return null;
  const [nameWithGroup, ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const params: Record<string, string[]> = {};
  const add = (key: string, values: string[]) => {
    params[key] = [...(params[key] ?? []), ...values.filter(Boolean)];
  };
  for (const param of rawParams) {
    const equals = param.indexOf('=');
    if (equals === -1) {
      const bare = param.trim().toUpperCase();
      add(BARE_ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE', [bare]);
      continue;
    }
    const key = param.slice(0, equals).trim().toUpperCase();
    // TYPE="work,voice" is a list too, as TYPE=work,voice and TYPE=work;TYPE=voice are.
    const values = splitOutsideQuotes(param.slice(equals + 1), ',')
      .map((value) => value.trim().replace(/^"|"$/g, ''))
      .flatMap((value) => (key === 'TYPE' ? value.split(',') : [value]))
      .map((value) => value.trim());
    add(key, key === 'TYPE' || key === 'ENCODING' ? values.map((v) => v.toUpperCase()) : values);
  }
  return {
    group: dot === -1 ? null : nameWithGroup.slice(0, dot),
    name: nameWithGroup
      .slice(dot + 1)
      .trim()
      .toUpperCase(),
    params,
    raw: line.slice(colon + 1),
  };
}

/**
 * Unfolds physical lines into logical ones: a line starting with a space or tab continues the
 * previous one (its first blank removed); in a quoted-printable value, a line ending with `=`
 * continues on the next. Each logical line comes with the physical line it started on.
 */
export function createVcardUnfolder(emit: (line: string, lineNumber: number) => void) {
  let pending: string | null = null;
  let pendingLine = 0;
  let softBreak = false;
  let lineNumber = 0;
  const flush = () => {
    if (pending !== null) emit(pending, pendingLine);
    pending = null;
  };
  return {
    push(physical: string) {
      lineNumber += 1;
      if (pending !== null && softBreak) {
        pending = pending.slice(0, -1) + physical;
      } else if (pending !== null && (physical.startsWith(' ') || physical.startsWith('\t'))) {
        pending += physical.slice(1);
      } else {
        flush();
        pending = physical;
        pendingLine = lineNumber;
      }
      softBreak = pending.endsWith('=') && /QUOTED-PRINTABLE/i.test(pending.split(':')[0] ?? '');
    },
    end: flush,
  };
}

/** Decodes quoted-printable text into bytes (`=C3=A9` → two bytes). */
export const quotedPrintableBytes = (text: string): Uint8Array => {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const hex = text.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const byte of new TextEncoder().encode(char)) bytes.push(byte);
    }
  }
  return Uint8Array.from(bytes);
};

/** Text values' escapes undone: `\n` is a line break, `\,` `\;` `\\` the character. */
export const unescapeVcardText = (text: string): string =>
  text.replace(/\\([nN,;\\:])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));

/** The components of a structured value (N, ADR, ORG), split at unescaped `;` and unescaped. */
export const vcardComponents = (text: string): string[] => {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      current += text.slice(i, i + 2);
      i += 1;
    } else if (text[i] === ';') {
      parts.push(current);
      current = '';
    } else current += text[i];
  }
  parts.push(current);
  return parts.map((part) => unescapeVcardText(part).trim());
};

/** A property's value as text, its quoted-printable bytes read in its charset by `decode`. */
export const vcardValue = (
  property: VcardProperty,
  decode: (bytes: Uint8Array, charset: string) => string
): string => {
  const encoding = property.params.ENCODING?.[0];
  if (encoding === 'QUOTED-PRINTABLE')
    return decode(quotedPrintableBytes(property.raw), property.params.CHARSET?.[0] ?? 'utf-8');
  return property.raw;
};

/** A phone number from its value: a `tel:` URI's number, without its parameters. */
const phoneNumber = (value: string): string => value.replace(/^tel:/i, '').split(';')[0].trim();

/** Apple's labels of grouped properties (`item1.X-ABLabel:_$!<Mobile>!$_`), as a type. */
const labelType = (label: string): string =>
  label
    .replace(/^_\$!<|>!\$_$/g, '')
    .trim()
    .toUpperCase();

/** How strongly a property is preferred: `PREF=1` (4.0) or `TYPE=pref` first, then in order. */
const preference = (property: VcardProperty): number => {
  const pref = Number(property.params.PREF?.[0]);
  if (Number.isInteger(pref) && pref > 0) return pref;
  return property.params.TYPE?.includes('PREF') ? 1 : 101;
};

/**
 * One card's properties as the import's columns (only those it fills). `decode` reads
 * quoted-printable bytes in a charset.
 */
export function vcardCells(
  properties: VcardProperty[],
  decode: (bytes: Uint8Array, charset: string) => string
): Partial<Record<VcardColumn, string>> {
  const cells: Partial<Record<VcardColumn, string>> = {};
  const others: string[] = [];
  const labels = new Map<string, string>();
  for (const property of properties)
    if (property.group && property.name === 'X-ABLABEL')
      labels.set(property.group, labelType(vcardValue(property, decode)));
  const typesOf = (property: VcardProperty) => {
    const types = (property.params.TYPE ?? []).filter((type) => type !== 'PREF');
    const label = property.group ? labels.get(property.group) : undefined;
    return label ? [...types, label] : types;
  };
  const emails: { address: string; rank: number; order: number }[] = [];
  const cellPhones: string[] = [];
  const workPhones: string[] = [];

  for (const [order, property] of properties.entries()) {
    const value = vcardValue(property, decode);
    const text = () => unescapeVcardText(value).trim();
    switch (property.name) {
      case 'N': {
        const [family, given, additional, prefix, suffix] = vcardComponents(value);
        if (given) cells['Given name (N)'] = given;
        if (family) cells['Family name (N)'] = family;
        if (additional) cells['Additional names (N)'] = additional;
        if (prefix) cells['Name prefix (N)'] = prefix;
        if (suffix) cells['Name suffix (N)'] = suffix;
        break;
      }
      case 'FN':
        if (text()) cells.FN = text();
        break;
      case 'ORG': {
        const [organisation] = vcardComponents(value);
        if (organisation) cells.ORG = organisation;
        break;
      }
      case 'TITLE':
      case 'BDAY':
      case 'NOTE':
        if (text()) cells[property.name] = text();
        break;
      case 'EMAIL':
        if (text()) emails.push({ address: text(), rank: preference(property), order });
        break;
      case 'TEL': {
        const number = phoneNumber(text());
        if (!number) break;
        const types = typesOf(property);
        const kind = types.some((type) => ['CELL', 'MOBILE', 'IPHONE'].includes(type))
          ? 'cell'
          : types.includes('WORK') && !types.includes('FAX')
            ? 'work'
            : null;
        if (kind === 'cell') cellPhones.push(number);
        else if (kind === 'work') workPhones.push(number);
        else
          others.push(`${types.map((type) => type.toLowerCase()).join(' ') || 'phone'} ${number}`);
        break;
      }
      case 'URL':
      case 'IMPP':
      case 'X-SOCIALPROFILE':
        if (text()) others.push(`${property.name.toLowerCase().replace(/^x-/, '')} ${text()}`);
        break;
      case 'ADR': {
        const parts = vcardComponents(value).filter(Boolean);
        if (parts.length) {
          const types = typesOf(property).map((type) => type.toLowerCase());
          others.push(`${types.length ? `${types.join(' ')} ` : ''}address ${parts.join(', ')}`);
        }
        break;
      }
      default:
        break;
    }
  }
  // Without N (4.0 asks only for FN), the formatted name gives the given and family names.
  if (!cells['Given name (N)'] && !cells['Family name (N)'] && cells.FN) {
    const words = cells.FN.split(/\s+/);
    cells['Family name (N)'] = words.length > 1 ? words.pop()! : words[0];
    if (words.length) cells['Given name (N)'] = words.join(' ');
  }
  emails.sort((a, b) => a.rank - b.rank || a.order - b.order);
  const [first, second, ...moreEmails] = emails.map((email) => email.address);
  if (first) cells.EMAIL = first;
  if (second) cells['EMAIL 2'] = second;
  others.unshift(...moreEmails.map((address) => `email ${address}`));
  const [cell, cell2, ...moreCells] = cellPhones;
  if (cell) cells['TEL (cell)'] = cell;
  if (cell2) cells['TEL (cell) 2'] = cell2;
  const [work, ...moreWork] = workPhones;
  if (work) cells['TEL (work)'] = work;
  others.push(...moreCells.map((n) => `cell ${n}`), ...moreWork.map((n) => `work ${n}`));
  if (others.length) cells['Other contacts'] = others.join('; ');
  return cells;
}
