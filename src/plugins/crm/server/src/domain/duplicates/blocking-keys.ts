import type { PreparedAddress } from './addresses';
import { canonicalNameOfGroup, givenNameGroups } from './given-names';
import type { GivenNameWord } from './person-names';
import { phoneticCode } from './phonetic';
import { type PreparedRecord, prepareRecord } from './prepared-record';
import type { MatchRecord } from './types';

/**
 * Blocking keys: short strings indexed per record, so that the candidates of a duplicate check are
 * the records sharing a key, found through an index instead of a scan. Duplicates share a key with
 * very high probability (a typo, a nickname, swapped names or a moved address still leave one in
 * common) while each key stays selective. Every key starts with its kind and a colon:
 *
 * - strong, each identifying a record alone: `e:` mailbox, `p:` phone, `x:` external id of a
 *   customer (`xc:` of a contact, another id space), `s:` SSN hash;
 * - weak, naming a bucket of look-alikes that may be large (a server may read a bounded number of
 *   candidates per weak key): `n:` family-name code + given-name code (also swapped), `d:` date of
 *   birth + family-name code, `g:` date of birth + given-name code, `a:` street address, `z:`
 *   postal code + family initial, `m:` family-name code + code of the company's first word
 *   (contacts; the first label of their work e-mail's domain when no company is named);
 *   businesses: `b:` normalised name, `c:` code of its first word,
 *   `k:` initials, `w:` e-mail domain.
 */

export const MAX_BLOCKING_KEY_LENGTH = 120;
export const MAX_BLOCKING_KEYS = 16;
/**
 * Raised whenever the keys a record gets change: stored keys of another version are written
 * again at start-up.
 */
export const BLOCKING_KEYS_VERSION = 2;

const STRONG_KINDS = new Set(['e', 'p', 'x', 'xc', 's']);

/** The kind of a key: what comes before its colon ("n" of "n:SMT:JN"). */
export function keyKindOf(key: string): string {
  const colon = key.indexOf(':');
  return colon > 0 ? key.slice(0, colon) : '';
}
const kindOfKey = keyKindOf;

/** Whether a blocking key alone identifies a record (e-mail, phone, external id, SSN). */
export function isStrongKey(key: string): boolean {
  return STRONG_KINDS.has(kindOfKey(key));
}

/**
 * The kinds of key whose sharing alone can make two records score as duplicates: an identifier,
 * a name with a date of birth, an address or a company, a business's own e-mail domain. A person's
 * name, a postal code or a business name alone cannot (see the weights), so a scan compares
 * records sharing only one of those and nothing else no further.
 */
export const DECISIVE_KEY_KINDS: readonly string[] = [...STRONG_KINDS, 'd', 'g', 'a', 'm', 'w'];

/** Whether sharing this key alone makes two records worth comparing in a scan. */
export function isDecisiveKey(key: string): boolean {
  return DECISIVE_KEY_KINDS.includes(kindOfKey(key));
}

/**
 * A key held by more records than this says little ("Smith" with "John", a big postal code): its
 * holders are found through their other keys. Comparing every pair of them would cost more than
 * it finds.
 */
export const CROWDED_KEY_HOLDERS = 100;
/** The same for a decisive key (a shared switchboard, a free-mail domain the list missed). */
export const CROWDED_DECISIVE_KEY_HOLDERS = 1000;

/** How many holders a key may have before it is crowded. */
export function crowdedAbove(key: string): number {
  return isDecisiveKey(key) ? CROWDED_DECISIVE_KEY_HOLDERS : CROWDED_KEY_HOLDERS;
}

/**
 * Whether two records sharing these keys (crowded ones left out) are worth comparing: a decisive
 * key, or keys of two kinds (the keys of one kind, a name straight and swapped, are one piece of
 * evidence). Scans and checks compare exactly these pairs.
 */
export function sharedKeysWorthComparing(shared: readonly string[]): boolean {
  return shared.some(isDecisiveKey) || new Set(shared.map(kindOfKey)).size >= 2;
}

/** FNV-1a, 32 bits, in base 36: a stable digest for the tail of a key too long to keep whole. */
const digest = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(7, '0');
};

const bounded = (key: string): string =>
  key.length <= MAX_BLOCKING_KEY_LENGTH
    ? key
    : `${key.slice(0, MAX_BLOCKING_KEY_LENGTH - 8)}~${digest(key)}`;

/** Most e-mails (phones) keyed per record: more are rare, and the key budget is shared. */
const MAX_KEYED_CONTACT_POINTS = 4;
const MAX_KEYED_ADDRESSES = 2;
/** Given-name codes are short: "Christine", "Christina" and "Chris" block together. */
const GIVEN_CODE_LENGTH = 4;

/**
 * The codes a given name blocks under: those of the canonical names of its nickname groups
 * ("bob" → code of "robert"), its own code when it is not listed, its letter when an initial.
 */
const givenCodes = (word: GivenNameWord | undefined): string[] => {
  if (!word) return [''];
  if (word.initial) return [word.text.toUpperCase()];
  const codes = new Set<string>();
  for (const group of word.groups)
    codes.add(phoneticCode(canonicalNameOfGroup(group), GIVEN_CODE_LENGTH));
  if (codes.size === 0) codes.add(phoneticCode(word.text, GIVEN_CODE_LENGTH));
  return [...codes];
};

/** The given-name codes of a family-name word, for finding the same name swapped. */
const givenCodesOfWord = (text: string | undefined): string[] =>
  text === undefined
    ? ['']
    : givenCodes({ text, groups: givenNameGroups(text), initial: text.length === 1 });

/**
 * A street address by its postal code, and by its city: one side may lack either ("5 Queen St,
 * Edinburgh" and "5 Queen Street, EH2 1JE Edinburgh").
 */
const addressKeysOf = (address: PreparedAddress): string[] => {
  if (!address.street) return [];
  const street = `${address.numbers[0] ?? ''} ${address.street}`;
  const keys: string[] = [];
  if (address.postalCode) keys.push(`${street} ${address.postalCode}`);
  if (address.city) keys.push(`${street} ${address.city}`);
  return keys;
};

const strongKeys = (record: PreparedRecord): string[] => {
  const keys: string[] = [];
  for (const mailbox of record.mailboxes.slice(0, MAX_KEYED_CONTACT_POINTS))
    keys.push(`e:${mailbox}`);
  for (const phone of record.phones.slice(0, MAX_KEYED_CONTACT_POINTS)) keys.push(`p:${phone}`);
  if (record.externalId !== null)
    keys.push(`${record.type === 'contact' ? 'xc' : 'x'}:${record.externalId}`);
  if (record.ssnHash !== null) keys.push(`s:${record.ssnHash}`);
  return keys;
};

const addressKeys = (record: PreparedRecord): string[] => {
  const keys: string[] = [];
  for (const address of record.addresses.slice(0, MAX_KEYED_ADDRESSES))
    for (const key of addressKeysOf(address)) keys.push(`a:${key}`);
  return keys;
};

const personKeys = (record: PreparedRecord): string[] => {
  const { name } = record;
  const keys = strongKeys(record);
  const familyCodes = [
    ...new Set(
      [name.familyCode, ...name.familySignificant.map((word) => phoneticCode(word))].filter(Boolean)
    ),
  ];
  const given = givenCodes(name.given[0]);
  const familyCode = familyCodes[0];
  if (familyCode !== undefined) for (const code of given) keys.push(`n:${familyCode}:${code}`);
  // A contact's name at its company (or its work e-mail's domain, "acme" of "acme.com", when no
  // company is named): "John Smith" is common, "Smith at Acme" is not.
  const companyWord =
    record.company.key.split(' ')[0] ||
    (record.type === 'contact' ? (record.domains[0]?.split('.')[0] ?? '') : '');
  if (familyCode !== undefined && companyWord)
    keys.push(`m:${familyCode}:${phoneticCode(companyWord)}`);
  if (record.dateOfBirth !== null) {
    if (familyCode !== undefined) keys.push(`d:${record.dateOfBirth}:${familyCode}`);
    if (given[0]) keys.push(`g:${record.dateOfBirth}:${given[0]}`);
  }
  keys.push(...addressKeys(record));
  const familyInitial = name.familyCompact.slice(0, 1);
  for (const address of record.addresses.slice(0, MAX_KEYED_ADDRESSES))
    if (address.postalCode && familyInitial) keys.push(`z:${address.postalCode}:${familyInitial}`);
  // The same name with first and last swapped: this record's keys as the other would write them.
  if (name.givenCode) {
    for (const code of givenCodesOfWord(name.family[0])) keys.push(`n:${name.givenCode}:${code}`);
    if (record.dateOfBirth !== null) keys.push(`d:${record.dateOfBirth}:${name.givenCode}`);
    if (companyWord) keys.push(`m:${name.givenCode}:${phoneticCode(companyWord)}`);
  }
  // Another of several family names ("García López" and "García"), and the middle name as the
  // name a person goes by ("J. Robert Smith").
  for (const code of familyCodes.slice(1)) keys.push(`n:${code}:${given[0]}`);
  const middle = name.middle[0];
  if (familyCode !== undefined && middle && !middle.initial)
    for (const code of givenCodes(middle)) keys.push(`n:${familyCode}:${code}`);
  return keys;
};

/** Initials shorter than this would name huge buckets ("at" for every "Acme Tools"). */
const MIN_KEYED_INITIALS = 3;
/** A one-word name this short may be the initials of a longer one ("IBM"). */
const MAX_INITIALS_WORD = 5;

const businessKeys = (record: PreparedRecord): string[] => {
  const keys = strongKeys(record);
  const { key, acronym } = record.businessName;
  if (key) {
    keys.push(`b:${key}`);
    const firstWord = key.split(' ')[0];
    keys.push(`c:${phoneticCode(firstWord)}`);
    const initials = acronym ?? (firstWord.length <= MAX_INITIALS_WORD ? firstWord : '');
    if (initials.length >= MIN_KEYED_INITIALS) keys.push(`k:${initials}`);
  }
  for (const domain of record.domains.slice(0, MAX_KEYED_CONTACT_POINTS)) keys.push(`w:${domain}`);
  keys.push(...addressKeys(record));
  return keys;
};

/** The blocking keys of a prepared record, strong ones first, at most MAX_BLOCKING_KEYS. */
export function preparedBlockingKeys(record: PreparedRecord): string[] {
  const keys = record.kind === 'person' ? personKeys(record) : businessKeys(record);
  const distinctKeys = new Set<string>();
  for (const key of keys) {
    distinctKeys.add(bounded(key));
    if (distinctKeys.size === MAX_BLOCKING_KEYS) break;
  }
  return [...distinctKeys];
}

/** The blocking keys of a record (see the file comment for their kinds). */
export function blockingKeys(record: MatchRecord): string[] {
  return preparedBlockingKeys(prepareRecord(record));
}
