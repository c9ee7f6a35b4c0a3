import { foldSearchText } from '../search-text';
import { jaroWinkler } from './jaro-winkler';

/**
 * Postal addresses reduced to what tells whether two are one place: the street (abbreviations
 * spelled one way), the house numbers, the unit, the postal code and the city.
 */

export interface PreparedAddress {
  /** Street words, abbreviated and without spaces ("northmainst"); empty without a street. */
  street: string;
  /** House numbers in their order, with a unit number written without its word ("12 4b"). */
  numbers: readonly string[];
  /** The unit after an apartment or suite word ("4b"), empty when none is named. */
  unit: string;
  /** Letters and digits, upper-case; a ZIP+4 is cut to its ZIP. */
  postalCode: string;
  /** Folded, without spaces ("stetienne"). */
  city: string;
  country: string;
}

export type AddressAgreement = 'address' | 'postalCode' | 'city' | 'none';

/** Street and place words, each spelled the one way people abbreviate it. */
const ABBREVIATIONS: Record<string, string> = {
  street: 'st',
  str: 'st',
  strasse: 'st',
  avenue: 'ave',
  av: 'ave',
  avda: 'ave',
  avenida: 'ave',
  road: 'rd',
  drive: 'dr',
  lane: 'ln',
  boulevard: 'blvd',
  bd: 'blvd',
  bvd: 'blvd',
  court: 'ct',
  place: 'pl',
  platz: 'pl',
  plaza: 'pl',
  square: 'sq',
  terrace: 'ter',
  highway: 'hwy',
  parkway: 'pkwy',
  circle: 'cir',
  crescent: 'cres',
  chemin: 'ch',
  route: 'rte',
  calle: 'c',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  saint: 'st',
  sainte: 'ste',
  mount: 'mt',
  fort: 'ft',
  first: '1st',
  second: '2nd',
  third: '3rd',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
};

/**
 * Words that name a unit within a building when a number or letter follows ("Apt 4", "Ste 200",
 * "Flat B"); otherwise they are street words ("Ste-Catherine" is Sainte-Catherine).
 */
const UNIT_WORDS = new Set([
  'apt',
  'apartment',
  'appt',
  'appartement',
  'suite',
  'ste',
  'unit',
  'flat',
  'floor',
  'fl',
  'room',
  'rm',
  'bldg',
  'building',
  'etage',
  'piso',
  'bte',
]);
/** Words that only qualify the house number before them ("12 bis"). */
const NUMBER_QUALIFIERS = new Set(['bis', 'ter', 'quater']);
const HOUSE_NUMBER = /^\d+[a-z]?$/;

const wordsOf = (text: string | null | undefined): string[] =>
  foldSearchText(text ?? '')
    .replace(/#/g, ' apt ')
    // German compounds: "Hauptstraße" is "Haupt Str."
    .replace(/(\p{L})(strasse|str)\b/gu, '$1 strasse')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const normalisedPostalCode = (postalCode: string | null | undefined): string => {
  const code = (postalCode ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return /^\d{9}$/.test(code) ? code.slice(0, 5) : code;
};

const normalisedCity = (city: string | null | undefined): string =>
  wordsOf(city)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join('');

/** An address reduced for matching, or null when it holds nothing to match on. */
export function prepareAddress(address: {
  line1?: string | null;
  city?: string | null;
  postalCode?: string | null;
  country?: string | null;
}): PreparedAddress | null {
  const words = wordsOf(address.line1);
  const street: string[] = [];
  const numbers: string[] = [];
  let unit = '';
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i];
    const next = i + 1 < words.length ? words[i + 1] : '';
    if (UNIT_WORDS.has(word) && (next.length === 1 || /\d/.test(next))) {
      unit = next;
      i += 1;
    } else if (HOUSE_NUMBER.test(word)) numbers.push(word);
    else if (!(NUMBER_QUALIFIERS.has(word) && i > 0 && HOUSE_NUMBER.test(words[i - 1])))
      street.push(ABBREVIATIONS[word] ?? word);
  }
  const prepared: PreparedAddress = {
    street: street.join(''),
    numbers,
    unit,
    postalCode: normalisedPostalCode(address.postalCode),
    city: normalisedCity(address.city),
    country: (address.country ?? '').trim().toUpperCase(),
  };
  return prepared.street || prepared.postalCode || prepared.city ? prepared : null;
}

/** One list of numbers starts the other: "12" and "12 4b" can be one place, "12" and "14" not. */
const numbersCompatible = (a: readonly string[], b: readonly string[]): boolean => {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i += 1) if (a[i] !== b[i]) return false;
  return true;
};

const STREET_TYPO = 0.92;
const CITY_TYPO = 0.94;

const sameStreet = (a: PreparedAddress, b: PreparedAddress): boolean =>
  a.street !== '' &&
  b.street !== '' &&
  (a.street === b.street || jaroWinkler(a.street, b.street) >= STREET_TYPO) &&
  numbersCompatible(a.numbers, b.numbers) &&
  !(a.unit && b.unit && a.unit !== b.unit);

const sameCity = (a: PreparedAddress, b: PreparedAddress): boolean =>
  a.city !== '' && b.city !== '' && (a.city === b.city || jaroWinkler(a.city, b.city) >= CITY_TYPO);

const AGREEMENT_RANK: Record<AddressAgreement, number> = {
  none: 0,
  city: 1,
  postalCode: 2,
  address: 3,
};

/** How two addresses agree: one place, one postal code, one city, or nothing. */
export function compareAddress(a: PreparedAddress, b: PreparedAddress): AddressAgreement {
  if (a.country && b.country && a.country !== b.country) return 'none';
  const postalKnown = a.postalCode !== '' && b.postalCode !== '';
  const samePostalCode = postalKnown && a.postalCode === b.postalCode;
  const cityAgrees = sameCity(a, b);
  const cityConflicts = a.city !== '' && b.city !== '' && !cityAgrees;
  if (sameStreet(a, b) && (samePostalCode || cityAgrees || (!postalKnown && !cityConflicts)))
    return 'address';
  if (samePostalCode) return 'postalCode';
  return cityAgrees ? 'city' : 'none';
}

/** The best agreement between any address of one record and any of the other. */
export function compareAddressLists(
  a: readonly PreparedAddress[],
  b: readonly PreparedAddress[]
): AddressAgreement {
  let best: AddressAgreement = 'none';
  for (const one of a) {
    for (const other of b) {
      const agreement = compareAddress(one, other);
      if (AGREEMENT_RANK[agreement] > AGREEMENT_RANK[best]) {
        best = agreement;
        if (best === 'address') return best;
      }
    }
  }
  return best;
}
