/**
 * Comparing dates of birth. The same date is strong evidence for one person; a clearly different
 * one is strong evidence against (a father and son of one name, at one address, differ here). A
 * date one keystroke away (a digit, two swapped digits, day and month swapped) is neither.
 */

export type DateOfBirthAgreement = 'same' | 'near' | 'conflict' | 'unknown';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Stand-ins that systems write for an unknown date: they say nothing about the person. */
const PLACEHOLDER_DATES = new Set(['1900-01-01', '1901-01-01', '0001-01-01', '1800-01-01']);

/** The eight digits of a usable date of birth (YYYYMMDD), or null when unknown or a placeholder. */
export function dateOfBirthDigits(date: string | null | undefined): string | null {
  if (!date || !ISO_DATE.test(date) || PLACEHOLDER_DATES.has(date)) return null;
  return `${date.slice(0, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

/** Digit positions (of YYYYMMDD) where a differing digit may be a typo: not the century or decade. */
const TYPO_POSITIONS_FROM = 3;

/**
 * One slip of the keyboard: a single digit wrong in the year's last digit, the month or the day,
 * or two neighbouring digits of the month or day swapped. A different century or decade is another
 * person (a father and son are often twenty or thirty years apart: 1958 and 1985).
 */
const isOneKeystrokeApart = (a: string, b: string): boolean => {
  let first = -1;
  let second = -1;
  for (let i = 0; i < a.length; i += 1) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (i < TYPO_POSITIONS_FROM) return false;
    if (first === -1) first = i;
    else if (second === -1) second = i;
    else return false;
  }
  if (second === -1) return true;
  const sameField = (first === 4 && second === 5) || (first === 6 && second === 7);
  return sameField && a[first] === b[second] && a[second] === b[first];
};

/** How two dates of birth (YYYYMMDD digits, from dateOfBirthDigits) agree. */
export function compareDatesOfBirth(a: string | null, b: string | null): DateOfBirthAgreement {
  if (a === null || b === null) return 'unknown';
  if (a === b) return 'same';
  if (isOneKeystrokeApart(a, b)) return 'near';
  // Day and month swapped (US and European order mixed up).
  if (
    a.slice(0, 4) === b.slice(0, 4) &&
    a.slice(4, 6) === b.slice(6, 8) &&
    a.slice(6, 8) === b.slice(4, 6)
  )
    return 'near';
  return 'conflict';
}
