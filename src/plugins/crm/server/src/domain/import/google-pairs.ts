/**
 * Google Contacts writes each e-mail and phone as a pair of columns, `E-mail N - Label` and
 * `E-mail N - Value` (`Phone N - …` likewise), with several values of one label joined by ` ::: `.
 * They are read by their labels: a work phone fills the work phone, a mobile the mobile (then its
 * second slot), an unlabelled value the first free slot in order; what does not fit is kept among
 * the contact's other contacts, never dropped. Label columns are never values.
 */
import type { ImportObject } from './fields';

const PAIR = /^(E-mail|Phone) (\d+) - (Label|Value)$/i;
const SEPARATOR = ' ::: ';

type Kind = 'email' | 'phone';

/** The slots of each kind, per object, for each label; `any` takes what no label chose. */
const SLOTS: Record<ImportObject, Record<Kind, Record<string, readonly string[]>>> = {
  contacts: {
    email: { any: ['email', 'email2'] },
    phone: {
      mobile: ['mobilePhone', 'mobilePhone2'],
      // a contact's second number is the one a conversion makes its home phone
      home: ['mobilePhone2'],
      work: ['workPhone'],
      any: ['mobilePhone', 'mobilePhone2', 'workPhone'],
    },
  },
  customers: {
    email: { work: ['workEmail'], home: ['email'], any: ['email', 'workEmail'] },
    phone: {
      mobile: ['cellPhone'],
      work: ['workPhone'],
      home: ['homePhone'],
      workfax: ['faxNumber'],
      homefax: ['faxNumber'],
      any: ['cellPhone', 'homePhone', 'workPhone'],
    },
  },
};

/** The fields the pairs fill for an object: the value columns mapped to one of them are read by label. */
export const googlePairFieldNames = (object: ImportObject): Set<string> =>
  new Set(
    Object.values(SLOTS[object]).flatMap((slots) =>
      Object.values(slots).flatMap((fields) => fields)
    )
  );

/** The pairs' columns of a header row, by kind and number: where a label and a value are. */
export function googlePairColumns(headers: readonly string[]) {
  const pairs = new Map<string, { kind: Kind; number: number; label?: string; value?: string }>();
  for (const header of headers) {
    const match = PAIR.exec(header.trim());
    if (!match) continue;
    const kind: Kind = match[1].toLowerCase() === 'phone' ? 'phone' : 'email';
    const key = `${kind}${match[2]}`;
    const pair = pairs.get(key) ?? { kind, number: Number(match[2]) };
    if (match[3].toLowerCase() === 'label') pair.label = header;
    else pair.value = header;
    pairs.set(key, pair);
  }
  return [...pairs.values()]
    .filter((pair) => pair.value)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.number - b.number) as {
    kind: Kind;
    number: number;
    label?: string;
    value: string;
  }[];
}

/** A Google label as a slot name: `* Work` → `work`, `Work Fax` → `workfax`. */
const labelKey = (label: string): string =>
  label
    .replace(/^\*\s*/, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/**
 * One row's e-mails and phones placed by their labels: the field each value fills, and the values
 * no slot was left for (as "label value" texts).
 */
export function spreadGooglePairs(
  values: Record<string, string>,
  pairs: ReturnType<typeof googlePairColumns>,
  object: ImportObject
): { fields: Record<string, string>; extra: string[] } {
  const fields: Record<string, string> = {};
  const extra: string[] = [];
  const wanting: { kind: Kind; label: string; value: string }[] = [];
  for (const pair of pairs) {
    const label = pair.label ? (values[pair.label] ?? '').trim() : '';
    for (const value of (values[pair.value] ?? '').split(SEPARATOR)) {
      if (value.trim()) wanting.push({ kind: pair.kind, label, value: value.trim() });
    }
  }
  // Labelled values first, so an unlabelled one does not take a slot a label asked for.
  const labelled = (entry: { kind: Kind; label: string }) =>
    SLOTS[object][entry.kind][labelKey(entry.label)] !== undefined;
  const placeIn = (slots: readonly string[] | undefined, value: string) => {
    const free = slots?.find((slot) => fields[slot] === undefined);
    if (free) fields[free] = value;
    return free !== undefined;
  };
  const describe = (entry: { kind: Kind; label: string; value: string }) =>
    `${entry.label ? `${entry.label.replace(/^\*\s*/, '')} ` : ''}${entry.kind} ${entry.value}`;
  // A label's values fill that label's slots; what is left of them is kept aside, not moved to
  // another kind of slot (a third mobile is not a work phone).
  for (const entry of wanting.filter(labelled))
    if (!placeIn(SLOTS[object][entry.kind][labelKey(entry.label)], entry.value))
      extra.push(describe(entry));
  for (const entry of wanting.filter((entry) => !labelled(entry)))
    if (!placeIn(SLOTS[object][entry.kind].any, entry.value)) extra.push(describe(entry));
  return { fields, extra };
}
