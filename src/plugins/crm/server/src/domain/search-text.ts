import { formatCustomerNumber, parseCustomerNumber } from './customer';

/**
 * The quick search's text rules, the same for every database: what a customer's searchable text
 * is, and what a query asks for. Both sides are folded the same way (compatibility decomposition,
 * no diacritics, lower case, single spaces), so "Zoë" finds "zoe" and "ZOE" finds "Zoë".
 */

/** Letters that carry no combining mark to strip, spelled as people type them without accents. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ł: 'l',
  Ł: 'l',
  ı: 'i',
  þ: 'th',
  Þ: 'th',
  ŀ: 'l',
  ħ: 'h',
  Ħ: 'h',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Quotes and dashes that look alike: the typed ASCII one stands for all of them. */
const LOOKALIKES: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u201b\u02bc\u00b4`]/g, "'"],
  [/[\u2010-\u2015\u2212]/g, '-'],
];

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Folds text for searching: NFKD, combining marks removed, lower case, whitespace collapsed. */
export function foldSearchText(text: unknown): string {
  if (typeof text !== 'string' || text === '') return '';
  // Printable ASCII has nothing to decompose or fold: most names, headers and yes/no cells.
  if (PRINTABLE_ASCII.test(text))
    return text.toLowerCase().replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  let folded = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  folded = folded.replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter]);
  for (const [pattern, replacement] of LOOKALIKES) folded = folded.replace(pattern, replacement);
  return folded
    .toLowerCase()
    .replace(/[\p{C}\s]+/gu, ' ')
    .trim();
}

export interface SearchableCustomer {
  customerNumber?: string | null;
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  businessName?: string | null;
  /** email addresses */
  emails?: readonly (string | null | undefined)[];
  /** phone numbers as stored (E.164); only their digits are searched */
  phones?: readonly (string | null | undefined)[];
}

/**
 * A customer's searchable text: names, business name, customer number, emails and phone digits,
 * folded, each word preceded by a space (the text starts with one), so that " lov" marks a word
 * that starts with "lov" and a two-character query can be matched as a word start by a trigram
 * index. Empty parts are left out; duplicates are kept once.
 */
export function customerSearchText(customer: SearchableCustomer): string {
  const parts = [
    customer.firstName,
    customer.middleName,
    customer.lastName,
    customer.businessName,
    customer.customerNumber,
    ...(customer.emails ?? []),
  ].map(foldSearchText);
  for (const phone of customer.phones ?? [])
    parts.push(typeof phone === 'string' ? phone.replace(/\D/g, '') : '');
  const words: string[] = [];
  for (const part of parts)
    for (const word of part.split(' ')) if (word && !words.includes(word)) words.push(word);
  return words.length ? ` ${words.join(' ')} ` : ' ';
}

/** The numeric part of a customer number (C-000042 -> 42), the order of results within a rank. */
export function customerNumberSequence(customerNumber: unknown): number | null {
  return typeof customerNumber === 'string' ? parseCustomerNumber(customerNumber) : null;
}

/** Queries shorter than this (after folding) are refused. */
export const SEARCH_MIN_LENGTH = 2;
/** Words of a query beyond this many are ignored. */
export const SEARCH_MAX_WORDS = 5;
/** A query of this many digits or more (and nothing but phone punctuation) also matches phone digits. */
export const SEARCH_MIN_PHONE_DIGITS = 3;

/**
 * One thing a result must contain: `text` anywhere in the searchable text, or, when `wordStart`,
 * at the start of one of its words (the text holds " " + text).
 */
export interface SearchTerm {
  text: string;
  wordStart: boolean;
}

/**
 * What a query asks for. A result matches when it contains every term of `words`, or, for a query
 * that looks like a phone number, the `digits` term. It ranks first when `exactNumber` is its
 * customer number or `exactEmail` one of its emails, then when each of its terms starts a word
 * (`prefixWords` / `prefixDigits`), then the rest. Words of three characters or more are matched
 * anywhere; shorter ones (below a trigram) only at the start of a word.
 */
export interface SearchPlan {
  query: string;
  words: SearchTerm[];
  digits: SearchTerm | null;
  prefixWords: SearchTerm[];
  prefixDigits: SearchTerm | null;
  exactNumber: string | null;
  exactEmail: string | null;
}

export class SearchQueryError extends Error {}

const PHONE_LIKE = /^[\d\s+().\-/]+$/;
/** Punctuation around a word ("lovelace," or "(415)") is not part of it. */
const trimWord = (word: string) => word.replace(/^[^\p{L}\p{N}@_]+|[^\p{L}\p{N}@_]+$/gu, '');

const termOf = (text: string): SearchTerm => ({ text, wordStart: text.length < 3 });

/** Reads a quick-search query; throws SearchQueryError when it is too short to search for. */
export function planSearch(input: string): SearchPlan {
  const query = foldSearchText(input);
  if (query.length < SEARCH_MIN_LENGTH) {
    throw new SearchQueryError(`q must have at least ${SEARCH_MIN_LENGTH} characters`);
  }
  const digitsText = PHONE_LIKE.test(input.trim()) ? input.replace(/\D/g, '') : '';
  const digits = digitsText.length >= SEARCH_MIN_PHONE_DIGITS ? digitsText : null;
  // In a phone number, a lone digit ("1 415 555 2671") is part of the number, not a word to find.
  const words = [
    ...new Set(
      query
        .split(' ')
        .map(trimWord)
        .filter((word) => word.length >= (digits ? SEARCH_MIN_LENGTH : 1))
    ),
  ].slice(0, SEARCH_MAX_WORDS);
  if (!words.some((word) => word.length >= SEARCH_MIN_LENGTH) && !digits) {
    throw new SearchQueryError(`q must have a word of at least ${SEARCH_MIN_LENGTH} characters`);
  }
  // "5552671" as a word and as phone digits is one test, not two.
  const sameAsWords = digits !== null && words.length === 1 && words[0] === digits;
  const sequence = parseCustomerNumber(input);
  const email = query.includes('@') && !query.includes(' ') ? query : null;
  return {
    query,
    words: words.map(termOf),
    digits: digits && !sameAsWords ? { text: digits, wordStart: false } : null,
    prefixWords: words.map((text) => ({ text, wordStart: true })),
    prefixDigits: digits && !sameAsWords ? { text: digits, wordStart: true } : null,
    exactNumber: sequence ? formatCustomerNumber(sequence) : null,
    exactEmail: email,
  };
}

/** Whether a searchable text contains a term (what the database indexes answer, for tests and checks). */
export function textHasTerm(text: string, term: SearchTerm): boolean {
  return text.includes(term.wordStart ? ` ${term.text}` : term.text);
}
