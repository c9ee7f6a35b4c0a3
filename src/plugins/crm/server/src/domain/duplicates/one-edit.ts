/**
 * Whether two strings are at most one typing slip apart: a letter wrong, missing or extra, or two
 * neighbouring letters swapped (Damerau-Levenshtein distance of at most 1), in one pass without
 * allocating. Short names lose too much Jaro-Winkler score to a single slip ("Globex" and
 * "Glebex"), so this catches what a similarity threshold cannot without letting unlike names in.
 */
export function isWithinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthA = a.length;
  const lengthB = b.length;
  if (Math.abs(lengthA - lengthB) > 1) return false;
  let start = 0;
  while (start < lengthA && start < lengthB && a.charCodeAt(start) === b.charCodeAt(start))
    start += 1;
  let endA = lengthA;
  let endB = lengthB;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA -= 1;
    endB -= 1;
  }
  const restA = endA - start;
  const restB = endB - start;
  // One letter replaced, inserted or deleted: what differs is at most one letter on each side.
  if (restA <= 1 && restB <= 1) return true;
  // Two neighbouring letters swapped.
  return (
    restA === 2 &&
    restB === 2 &&
    a.charCodeAt(start) === b.charCodeAt(start + 1) &&
    a.charCodeAt(start + 1) === b.charCodeAt(start)
  );
}
