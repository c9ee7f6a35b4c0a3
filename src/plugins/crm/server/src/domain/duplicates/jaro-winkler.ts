/**
 * Jaro-Winkler similarity: how alike two short strings (names) are, from 0 (nothing shared) to 1
 * (equal). Characters count as shared when they appear near the same position; transposed pairs
 * cost half; a common prefix of up to four characters earns a bonus, because typists get the first
 * letters of a name right far more often than the rest.
 */

/** The Winkler bonus per prefix character (the usual 0.1: four shared characters at most). */
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;
/** Below this Jaro score the strings are too unlike for a shared prefix to mean anything. */
const BOOST_THRESHOLD = 0.7;

// Scratch flags reused between calls: comparing candidate pairs must not allocate per call.
let matchedInA = new Uint8Array(64);
let matchedInB = new Uint8Array(64);

const ensureScratch = (length: number) => {
  if (matchedInA.length >= length) return;
  const size = Math.max(length, matchedInA.length * 2);
  matchedInA = new Uint8Array(size);
  matchedInB = new Uint8Array(size);
};

/** The Jaro similarity of two strings (no prefix bonus), 0 to 1. */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  ensureScratch(Math.max(lengthA, lengthB));
  matchedInA.fill(0, 0, lengthA);
  matchedInB.fill(0, 0, lengthB);
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);

  let matches = 0;
  for (let i = 0; i < lengthA; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(lengthB - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j += 1) {
      if (matchedInB[j] === 0 && b.charCodeAt(j) === code) {
        matchedInA[i] = 1;
        matchedInB[j] = 1;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;

  let outOfOrder = 0;
  let j = 0;
  for (let i = 0; i < lengthA; i += 1) {
    if (matchedInA[i] === 0) continue;
    while (matchedInB[j] === 0) j += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) outOfOrder += 1;
    j += 1;
  }
  const transpositions = outOfOrder / 2;
  return (matches / lengthA + matches / lengthB + (matches - transpositions) / matches) / 3;
}

/** The Jaro-Winkler similarity of two strings, 0 to 1 (case-sensitive: fold names first). */
export function jaroWinkler(a: string, b: string): number {
  const score = jaro(a, b);
  if (score < BOOST_THRESHOLD || score === 1) return score;
  const limit = Math.min(MAX_PREFIX, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix += 1;
  return score + prefix * PREFIX_SCALE * (1 - score);
}
