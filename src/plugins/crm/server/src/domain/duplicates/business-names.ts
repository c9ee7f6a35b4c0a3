import { companyKey, nameSimilarity } from '../import/company-match';
import { foldSearchText } from '../search-text';
import { jaro } from './jaro-winkler';
import { isWithinOneEdit } from './one-edit';
import type { BusinessNameAgreement } from './weights';

/**
 * Business names compared as the import compares companies (companyKey: case, accents,
 * punctuation, "&", trailing legal suffixes), plus what matters when two records of one business
 * are written by different hands: dotted abbreviations ("S.A.", "S.p.A."), a leading "The",
 * "& Co. KG" and other legal forms, acronyms, typos.
 */

/** Legal forms companyKey leaves on, removed from the end of a name here. */
const MORE_LEGAL_FORMS = new Set([
  'ev',
  'ug',
  'ohg',
  'kgaa',
  'se',
  'eurl',
  'sasu',
  'sca',
  'snc',
  'sci',
  'ltda',
  'cv',
  'sapi',
  'cia',
  'sro',
  'asa',
  'oyj',
  'pvt',
  'private',
  'plc',
]);
/** Legal forms of several words, as they end a name once abbreviations are joined. */
const LEGAL_PHRASES = [
  ' sa de cv',
  ' sab de cv',
  ' s de rl de cv',
  ' s de rl',
  ' sp z oo',
  ' sp k',
];
/** Words that make up no part of what a business is called. */
const LEADING_ARTICLES = new Set(['the']);
/** Words left out of initials ("Procter and Gamble" is PG, "Banco de Chile" BC). */
const ACRONYM_SKIPPED = new Set([
  'and',
  'of',
  'the',
  'de',
  'des',
  'du',
  'der',
  'und',
  'et',
  'y',
  'e',
  'for',
]);

/**
 * What companyKey would split that is one word: "S.A." is "SA", "S.p.A." is "SpA" (dots between
 * single letters), "Joe's" is "Joes" (an apostrophe).
 */
const joinAbbreviations = (name: string): string =>
  foldSearchText(name)
    .replace(/(?:\b[a-z]\.){2,}/g, (letters) => letters.replace(/\./g, ''))
    .replace(/(\p{L})'(?=\p{L})/gu, '$1');

/**
 * The normalised business name: companyKey's, with dotted abbreviations joined, a leading "The" and
 * further legal forms ("GmbH & Co. KG", "Ltda", "S.r.o.") removed.
 */
export function businessNameKey(name: string | null | undefined): string {
  let key = companyKey(joinAbbreviations(name ?? ''));
  // Each pass may bare another suffix ("Smith & Co. Ltd" → "smith and" → "smith"): repeat until
  // nothing changes.
  for (;;) {
    let text = key;
    for (const phrase of LEGAL_PHRASES)
      if (text.endsWith(phrase) && text.length > phrase.length)
        text = text.slice(0, -phrase.length);
    const words = text.split(' ');
    if (words.length > 1 && LEADING_ARTICLES.has(words[0])) words.shift();
    while (
      words.length > 1 &&
      (MORE_LEGAL_FORMS.has(words[words.length - 1]) || words[words.length - 1] === 'and')
    )
      words.pop();
    const next = companyKey(words.join(' '));
    if (next === key) return key;
    key = next;
  }
}

/**
 * The initials of a name of two words or more ("international business machines" → "ibm",
 * "procter and gamble" → "pg", "p and g" → "pg"), null for a single word.
 */
export function acronymOf(key: string): string | null {
  const words = key.split(' ').filter((word) => word && !ACRONYM_SKIPPED.has(word));
  if (words.length < 2) return null;
  return words.map((word) => word[0]).join('');
}

/** A business name reduced once for comparing with many. */
export interface PreparedBusinessName {
  /** businessNameKey's normalised name ('' when none). */
  key: string;
  /** The key without spaces ("micro soft" and "microsoft" are one). */
  compact: string;
  /** Its initials (acronymOf), null for a one-word name. */
  acronym: string | null;
  /** How it reads as initials: "ibm" for IBM, "pg" for "P & G", else the compact key. */
  asInitials: string;
}

export function prepareBusinessName(name: string | null | undefined): PreparedBusinessName {
  const key = businessNameKey(name);
  const compact = key.replace(/ /g, '');
  const acronym = key ? acronymOf(key) : null;
  const onlyLetters = key
    .split(' ')
    .every((word) => word.length === 1 || ACRONYM_SKIPPED.has(word));
  return { key, compact, acronym, asInitials: acronym !== null && onlyLetters ? acronym : compact };
}

/** nameSimilarity from which two names are one name written differently. */
const SIMILAR = 0.75;
/** Names this long (compacted) or longer may carry one slip of the keyboard and stay one name. */
const MIN_TYPO_LENGTH = 5;
/**
 * Jaro (no prefix bonus: "Acme Tools" and "Acme Foods" share a long one) from which long names
 * are one with a few typos.
 */
const LONG_TYPO = 0.94;
const MIN_LONG_TYPO_LENGTH = 12;
/** nameSimilarity from which two names are close enough to call for more evidence. */
const CLOSE = 0.55;
const DIFFERENT = 0.4;

/** How two business names agree. */
export function compareBusinessNames(
  a: PreparedBusinessName,
  b: PreparedBusinessName
): BusinessNameAgreement {
  if (!a.key || !b.key) return 'unknown';
  if (a.compact === b.compact) return 'exact';
  if (
    (a.acronym !== null && a.acronym === b.asInitials) ||
    (b.acronym !== null && b.acronym === a.asInitials)
  )
    return 'acronym';
  const similarity = nameSimilarity(a.key, b.key);
  const shorter = Math.min(a.compact.length, b.compact.length);
  if (
    similarity >= SIMILAR ||
    (shorter >= MIN_TYPO_LENGTH && isWithinOneEdit(a.compact, b.compact)) ||
    (shorter >= MIN_LONG_TYPO_LENGTH && jaro(a.compact, b.compact) >= LONG_TYPO)
  )
    return 'similar';
  if (similarity >= CLOSE) return 'close';
  return similarity >= DIFFERENT ? 'different' : 'conflict';
}
