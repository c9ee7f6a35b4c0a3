/**
 * How an import finds the records its rows already are: by keys tried in a chosen order (the
 * first that finds anything decides), never by a guess. A key that finds several records leaves
 * the row to the user; rows of one file that share a key are one record, the first row's.
 */
import { IMPORT_MATCH_KEYS, type ImportMatchKey } from '../../../../contracts';
import type { ImportObject } from './fields';
import type { ContactRow, CustomerRow } from './rows';

export { IMPORT_MATCH_KEYS, type ImportMatchKey };

/** The keys an import matches by unless told otherwise. */
export const DEFAULT_MATCH_BY: Record<ImportObject, readonly ImportMatchKey[]> = {
  contacts: ['email'],
  customers: ['customerNumber', 'email'],
};

/**
 * The values a judged row offers for a key, as stored (e-mails lower case, phones E.164): a
 * contact's `email` and `email2`, a customer's every e-mail or phone.
 */
export function matchValues(
  object: ImportObject,
  key: ImportMatchKey,
  row: ContactRow | CustomerRow
): string[] {
  const present = (values: (string | null | undefined)[]) =>
    values.filter((value): value is string => typeof value === 'string' && value !== '');
  if (object === 'contacts') {
    const { contact } = row as ContactRow;
    if (key === 'email') return present([contact.email, contact.email2]).map(lowerCase);
    if (key === 'externalId') return present([contact.externalId]);
    if (key === 'mobilePhone') return present([contact.mobilePhone]);
    return [];
  }
  const customer = row as CustomerRow;
  if (key === 'customerNumber') return present([customer.customerNumber]);
  if (key === 'email') return present(customer.emails.map((email) => email.address)).map(lowerCase);
  if (key === 'phone') return present(customer.phones.map((phone) => phone.number));
  if (key === 'externalId') return present([customer.customer.externalId]);
  return [];
}

const lowerCase = (value: string) => value.toLowerCase();

/** The row's values for each of the keys, in the order given. */
export const rowMatchValues = (
  object: ImportObject,
  matchBy: readonly ImportMatchKey[],
  row: ContactRow | CustomerRow
): [ImportMatchKey, string[]][] => matchBy.map((key) => [key, matchValues(object, key, row)]);

export type RowMatch =
  | { kind: 'none' }
  | { kind: 'one'; key: ImportMatchKey; recordId: number }
  | { kind: 'many'; key: ImportMatchKey; recordIds: number[] };

/**
 * The record a row is: the keys are tried in order, and the first whose values find any record
 * decides; one record is a match, several are ambiguous.
 */
export function matchRow(
  values: readonly [ImportMatchKey, string[]][],
  found: (key: ImportMatchKey, value: string) => readonly number[]
): RowMatch {
  for (const [key, keyValues] of values) {
    const ids = [...new Set(keyValues.flatMap((value) => found(key, value)))];
    if (ids.length === 1) return { kind: 'one', key, recordId: ids[0] };
    if (ids.length > 1) return { kind: 'many', key, recordIds: ids.sort((a, b) => a - b) };
  }
  return { kind: 'none' };
}

/**
 * Rows of one file that share a key value with an earlier row: line → the earlier row's line and
 * the key they share. Rows come in file order; a row claims all of its values, so a third row
 * sharing a value with the second is a duplicate of the first.
 */
export function inFileDuplicates(
  rows: readonly { line: number; values: readonly [ImportMatchKey, string[]][] }[]
): Map<number, { line: number; key: ImportMatchKey }> {
  const claimed = new Map<string, number>();
  const duplicates = new Map<number, { line: number; key: ImportMatchKey }>();
  for (const { line, values } of rows) {
    const keys = values.flatMap(([key, keyValues]) =>
      keyValues.map((value) => ({ key, id: `${key}\u0000${value}` }))
    );
    const earlier = keys.find(({ id }) => claimed.has(id));
    const owner = earlier ? claimed.get(earlier.id)! : line;
    if (earlier) duplicates.set(line, { line: owner, key: earlier.key });
    for (const { id } of keys) if (!claimed.has(id)) claimed.set(id, owner);
  }
  return duplicates;
}

/** Why a row was not imported because it is a record that exists. */
export const matchReason = (
  kind: 'contact' | 'customer',
  documentId: string,
  key: ImportMatchKey
) => `matches ${kind} ${documentId} by ${key}`;

export const ambiguousMatchReason = (
  kind: 'contact' | 'customer',
  documentIds: readonly string[],
  key: ImportMatchKey
) =>
  `matches ${documentIds.length} ${kind}s by ${key} (${documentIds.join(', ')}): make the key unique or choose another`;

export const duplicateReason = (line: number) => `duplicate of line ${line}`;

/** Why an `update` import left a row out: none of its keys found a record. */
export const noMatchReason = (keys: readonly ImportMatchKey[]) =>
  `no existing record matches by ${keys.join(' or ')}`;

/** Why a fuzzy `create` import left a row out: the duplicate matcher found its record. */
export const likelyMatchReason = (
  kind: 'contact' | 'customer',
  documentId: string,
  score: number,
  reasons: readonly string[]
) => `likely duplicate of ${kind} ${documentId} (score ${score.toFixed(2)}: ${reasons.join(', ')})`;
