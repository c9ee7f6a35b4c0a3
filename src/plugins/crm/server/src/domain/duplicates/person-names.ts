import { foldSearchText } from '../search-text';
import { areGenderedForms, givenNameGroups, shareGroup } from './given-names';
import { jaroWinkler } from './jaro-winkler';
import { isWithinOneEdit } from './one-edit';
import { phoneticCode } from './phonetic';
import {
  FAMILY_NAME_WEIGHTS,
  type FamilyAgreement,
  GIVEN_NAME_WEIGHTS,
  type GivenAgreement,
  SWAPPED_NAME_PENALTY,
} from './weights';

/**
 * People's names reduced for matching (folded words, nickname groups, phonetic codes, a Jr./Sr.
 * suffix apart) and compared: given names by nickname, typo or initial, family names by typo or by
 * one of several family names, and both the other way round.
 */

export interface GivenNameWord {
  text: string;
  /** Nickname groups of the word (empty when it is not a listed name). */
  groups: readonly number[];
  initial: boolean;
}

export interface PersonName {
  given: readonly GivenNameWord[];
  middle: readonly GivenNameWord[];
  /** Given words joined ("jeanpierre"), and its phonetic code. */
  givenCompact: string;
  givenCode: string;
  /** Family-name words, particles included ("de", "la", "cruz"). */
  family: readonly string[];
  /** The family words that are not particles, for matching one of several family names. */
  familySignificant: readonly string[];
  familyCompact: string;
  familyCode: string;
  /** "jr", "sr", "ii", "iii"… when a name carries one. */
  generation: string | null;
  /** Every word of the name, sorted: the same bag in other fields is the same name. */
  allWords: string;
}

const GENERATIONS: Record<string, string> = {
  jr: 'jr',
  junior: 'jr',
  jnr: 'jr',
  sr: 'sr',
  senior: 'sr',
  snr: 'sr',
  ii: 'ii',
  iii: 'iii',
  iv: 'iv',
};
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'herr',
  'frau',
  'mme',
  'mlle',
]);
/** Family-name particles: "de la Cruz" and "Cruz" share "cruz", not "de". */
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'der',
  'den',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'van',
  'von',
  'zu',
  'y',
  'e',
  'al',
  'el',
  'bin',
  'ben',
  'ter',
  'ten',
]);

/** Folded words of a name; apostrophes join ("O'Brien" is "obrien"), other marks separate. */
const nameWords = (text: string | null | undefined): string[] =>
  foldSearchText(text ?? '')
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const givenWord = (text: string): GivenNameWord => ({
  text,
  groups: givenNameGroups(text),
  initial: text.length === 1,
});

/** A person's name reduced for matching. */
export function preparePersonName(
  firstName: string | null | undefined,
  middleName: string | null | undefined,
  lastName: string | null | undefined
): PersonName {
  let generation: string | null = null;
  const takeGeneration = (words: string[]) => {
    while (words.length > 1 && GENERATIONS[words[words.length - 1]]) {
      generation = GENERATIONS[words.pop() as string];
    }
  };
  const given = nameWords(firstName);
  while (given.length > 1 && HONORIFICS.has(given[0])) given.shift();
  takeGeneration(given);
  const middle = nameWords(middleName);
  if (middle.length === 1 && GENERATIONS[middle[0]])
    generation = GENERATIONS[middle.pop() as string];
  takeGeneration(middle);
  const family = nameWords(lastName);
  takeGeneration(family);
  const givenCompact = given.join('');
  const familyCompact = family.join('');
  return {
    given: given.map(givenWord),
    middle: middle.map(givenWord),
    givenCompact,
    givenCode: phoneticCode(givenCompact),
    family,
    familySignificant: family.filter((word) => !PARTICLES.has(word) && word.length > 1),
    familyCompact,
    familyCode: phoneticCode(familyCompact),
    generation,
    allWords: [...given, ...middle, ...family].sort().join(' '),
  };
}

/** Jaro-Winkler at or above which two unlisted given names are one with a typo. */
const GIVEN_TYPO = 0.9;
/**
 * Names this long one slip apart are one name with a typo, whatever Jaro-Winkler says: it scores
 * an inserted letter low in a short name ("Jurgen" and "Juergen").
 */
const MIN_ONE_EDIT_TYPO = 5;
/** Below GIVEN_TYPO but this close: not a typo we trust, not clearly another name either. */
const GIVEN_NEAR = 0.8;
/** Shortest short form recognised by starting (ending) an unlisted name. */
const MIN_PREFIX_FORM = 3;
const MIN_SUFFIX_FORM = 4;
/** Family names this close are one with a typo; from FAMILY_NEAR when they also sound alike. */
const FAMILY_TYPO = 0.9;
const FAMILY_NEAR = 0.85;
/** One of several family names ("Garcia Lopez" and "Garcia") matching with a typo. */
const FAMILY_WORD_TYPO = 0.93;

const givenWeight = (agreement: GivenAgreement) => GIVEN_NAME_WEIGHTS[agreement];
const worseGiven = (a: GivenAgreement, b: GivenAgreement) =>
  givenWeight(a) <= givenWeight(b) ? a : b;

/** How two given-name words agree. */
export function compareGivenWords(a: GivenNameWord, b: GivenNameWord): GivenAgreement {
  if (a.text === b.text) return a.initial ? 'initial' : 'exact';
  if (a.initial || b.initial) return a.text[0] === b.text[0] ? 'initial' : 'conflict';
  if (shareGroup(a.groups, b.groups)) return 'variant';
  // Two listed names outside each other's groups are two names, however alike they look
  // ("Christine" and "Christopher", "Anna" and "Hanna"), and so are male and female forms.
  if (a.groups.length > 0 && b.groups.length > 0) return 'conflict';
  if (areGenderedForms(a.text, b.text)) return 'conflict';
  const similarity = jaroWinkler(a.text, b.text);
  const shorter = Math.min(a.text.length, b.text.length);
  if (similarity >= GIVEN_TYPO || (shorter >= MIN_ONE_EDIT_TYPO && isWithinOneEdit(a.text, b.text)))
    return 'typo';
  // A short form that starts the long one ("Max" and "Maximiliano") or, as Yoruba names shorten,
  // ends it ("Seun" and "Oluwaseun", "Tunde" and "Babatunde").
  if (
    (shorter >= MIN_PREFIX_FORM && (a.text.startsWith(b.text) || b.text.startsWith(a.text))) ||
    (shorter >= MIN_SUFFIX_FORM && (a.text.endsWith(b.text) || b.text.endsWith(a.text)))
  )
    return 'variant';
  return similarity >= GIVEN_NEAR ? 'weakConflict' : 'conflict';
}

/** How two given names (one or more words each) agree, word by word. */
export function compareGivenNames(
  a: readonly GivenNameWord[],
  b: readonly GivenNameWord[]
): GivenAgreement {
  if (a.length === 0 || b.length === 0) return 'unknown';
  let agreement: GivenAgreement = 'exact';
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i += 1)
    agreement = worseGiven(agreement, compareGivenWords(a[i], b[i]));
  // "Mary Ann" and "Mary": one may leave out a second given name.
  if (a.length !== b.length) agreement = worseGiven(agreement, 'partial');
  return agreement;
}

const sharesSignificantWord = (a: readonly string[], b: readonly string[]): boolean => {
  for (const word of a) {
    for (const other of b) {
      if (word === other) return true;
      if (word.length >= 4 && other.length >= 4 && jaroWinkler(word, other) >= FAMILY_WORD_TYPO)
        return true;
    }
  }
  return false;
};

/** How two family-name texts (compacted, with their phonetic codes) agree. */
const compareFamilyTexts = (
  a: string,
  codeA: string,
  b: string,
  codeB: string
): FamilyAgreement => {
  if (!a || !b) return 'unknown';
  if (a === b) return 'exact';
  const similarity = jaroWinkler(a, b);
  if (similarity >= FAMILY_TYPO || (similarity >= FAMILY_NEAR && codeA === codeB)) return 'typo';
  return 'conflict';
};

/** How two family names agree, whole or by one of several words ("García López" and "García"). */
export function compareFamilyNames(a: PersonName, b: PersonName): FamilyAgreement {
  const whole = compareFamilyTexts(a.familyCompact, a.familyCode, b.familyCompact, b.familyCode);
  if (whole !== 'conflict') return whole;
  return sharesSignificantWord(a.familySignificant, b.familySignificant) ? 'partial' : 'conflict';
}

export interface NameAgreement {
  given: GivenAgreement;
  family: FamilyAgreement;
  /** The first name of one is the last name of the other, and the other way round. */
  swapped: boolean;
  /** The given name of one matched the middle name of the other. */
  viaMiddleName: boolean;
  /** Both have middle names: 1 when they agree, -1 when they clash, 0 otherwise. */
  middle: -1 | 0 | 1;
  /** One is Jr. (or II), the other Sr. (or III). */
  generationConflict: boolean;
}

const betterGiven = (a: GivenAgreement, b: GivenAgreement) =>
  givenWeight(a) >= givenWeight(b) ? a : b;

/** How two people's names agree, straight, through a middle name, or swapped. */
export function compareNames(a: PersonName, b: PersonName): NameAgreement {
  // "Anne-Marie" and "Annemarie" are one name.
  let given =
    a.givenCompact !== '' && a.givenCompact === b.givenCompact
      ? 'exact'
      : compareGivenNames(a.given, b.given);
  let family = compareFamilyNames(a, b);
  let swapped = false;
  let viaMiddleName = false;
  let middle: -1 | 0 | 1 = 0;

  if (givenWeight(given) < 0 && a.given.length > 0 && b.given.length > 0) {
    // "J. Robert Smith" goes by Robert: one's first name may be the other's middle name.
    let best: GivenAgreement = 'conflict';
    if (a.middle.length > 0) best = betterGiven(best, compareGivenWords(a.middle[0], b.given[0]));
    if (b.middle.length > 0) best = betterGiven(best, compareGivenWords(a.given[0], b.middle[0]));
    if (givenWeight(best) > GIVEN_NAME_WEIGHTS.initial) {
      given = best;
      viaMiddleName = true;
    }
  } else if (a.middle.length > 0 && b.middle.length > 0) {
    const middleWeight = givenWeight(compareGivenWords(a.middle[0], b.middle[0]));
    middle = middleWeight > 0 ? 1 : middleWeight < 0 ? -1 : 0;
  }

  if (given !== 'exact' || family !== 'exact') {
    const straight = givenWeight(given) + FAMILY_NAME_WEIGHTS[family];
    const givenAsFamily = compareFamilyTexts(
      a.givenCompact,
      a.givenCode,
      b.familyCompact,
      b.familyCode
    );
    const familyAsGiven = compareFamilyTexts(
      a.familyCompact,
      a.familyCode,
      b.givenCompact,
      b.givenCode
    );
    const swappedWeight =
      FAMILY_NAME_WEIGHTS[givenAsFamily] +
      FAMILY_NAME_WEIGHTS[familyAsGiven] -
      SWAPPED_NAME_PENALTY;
    if (
      FAMILY_NAME_WEIGHTS[givenAsFamily] > 0 &&
      FAMILY_NAME_WEIGHTS[familyAsGiven] > 0 &&
      swappedWeight > straight
    ) {
      given = givenAsFamily === 'exact' ? 'exact' : 'typo';
      family = familyAsGiven;
      swapped = true;
      viaMiddleName = false;
      middle = 0;
    } else if (a.allWords !== '' && a.allWords === b.allWords) {
      // The same words in other fields: "Smith John" as a first name, or "John Paul" + "Smith"
      // against "John" + "Paul" + "Smith".
      swapped = FAMILY_NAME_WEIGHTS[family] <= 0;
      given = 'exact';
      family = 'exact';
      viaMiddleName = false;
    }
  }

  return {
    given,
    family,
    swapped,
    viaMiddleName,
    middle,
    generationConflict:
      a.generation !== null && b.generation !== null && a.generation !== b.generation,
  };
}
