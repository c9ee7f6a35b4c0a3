import { foldSearchText } from '../search-text';
import { GIVEN_NAME_GROUPS } from './nicknames';

/**
 * Given-name variants: whether "Bob" and "Robert" may name one person, from the groups in
 * nicknames.ts, and the canonical forms a name stands for (what blocking keys are built from).
 */

/** A name's groups, by index into GIVEN_NAME_GROUPS. */
const groupsByName = new Map<string, number[]>();
const canonicalNames: string[] = [];

GIVEN_NAME_GROUPS.forEach((line, group) => {
  const names = line.split(' ');
  canonicalNames.push(names[0]);
  for (const name of names) {
    const groups = groupsByName.get(name);
    if (!groups) groupsByName.set(name, [group]);
    else if (!groups.includes(group)) groups.push(group);
  }
});

const NO_GROUPS: readonly number[] = [];

/** The folded single-word form of a given name, as the groups spell it ("Zoë-Ann" → "zoeann"). */
export const foldGivenName = (name: string): string =>
  foldSearchText(name).replace(/[^\p{L}\p{N}]+/gu, '');

/** The groups of a folded name (empty when the name is not in the list). */
export const givenNameGroups = (folded: string): readonly number[] =>
  groupsByName.get(folded) ?? NO_GROUPS;

/** The canonical name of a group ("robert" for the group of "bob"). */
export const canonicalNameOfGroup = (group: number): string => canonicalNames[group];

/** Whether two group lists share a group. */
export function shareGroup(a: readonly number[], b: readonly number[]): boolean {
  for (const group of a) if (b.includes(group)) return true;
  return false;
}

/** The canonical forms a given name stands for: ["robert"] for "Bob", [] for a name not listed. */
export function canonicalGivenNames(name: string): string[] {
  return givenNameGroups(foldGivenName(name)).map(canonicalNameOfGroup);
}

/** Whether two given names may be one person's: equal once folded, or sharing a group. */
export function areGivenNameVariants(a: string, b: string): boolean {
  const foldedA = foldGivenName(a);
  const foldedB = foldGivenName(b);
  if (!foldedA || !foldedB) return false;
  return foldedA === foldedB || shareGroup(givenNameGroups(foldedA), givenNameGroups(foldedB));
}

/** Male and female forms that differ only by their ending ("Mario"/"Maria", "Louis"/"Louise"). */
const GENDERED_ENDINGS: readonly [string, string][] = [
  ['o', 'a'],
  ['', 'a'],
  ['', 'e'],
  ['', 'le'],
  ['', 'ne'],
  ['', 'ina'],
  ['', 'ine'],
  ['', 'ette'],
  ['us', 'a'],
  ['is', 'es'],
];
const MIN_STEM = 3;

const isFemaleFormOf = (female: string, male: string): boolean => {
  for (const [maleEnding, femaleEnding] of GENDERED_ENDINGS) {
    const stemLength = male.length - maleEnding.length;
    if (stemLength < MIN_STEM || !male.endsWith(maleEnding)) continue;
    if (
      female.length === stemLength + femaleEnding.length &&
      female.endsWith(femaleEnding) &&
      female.startsWith(male.slice(0, stemLength))
    )
      return true;
  }
  return false;
};

/**
 * Whether two folded given names are the male and female forms of one name, which name different
 * people however close the spelling is ("Daniel"/"Daniela", "Jean"/"Jeanne", "Julius"/"Julia").
 */
export const areGenderedForms = (a: string, b: string): boolean =>
  isFemaleFormOf(a, b) || isFemaleFormOf(b, a);
