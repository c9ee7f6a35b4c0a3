import { DomainValidationError, type RuleIssue } from '../errors';

/** Most records one merge takes (the survivor and the merged ones). */
export const MERGE_MAX_RECORDS = 50;

/**
 * The records of a merge, survivor first then the merged ones in the order given: each named
 * once, the survivor not among the merged, at least one merged. Throws every issue at once.
 */
export function mergeSet(survivor: string, merged: readonly string[]): string[] {
  const issues: RuleIssue[] = [];
  if (merged.length === 0) {
    issues.push({
      path: ['merged'],
      rule: 'merge.merged',
      message: 'merged lists the documentIds of the records merged into the survivor',
    });
  }
  if (merged.length + 1 > MERGE_MAX_RECORDS) {
    issues.push({
      path: ['merged'],
      rule: 'merge.limit',
      message: `a merge takes at most ${MERGE_MAX_RECORDS} records (the survivor and ${MERGE_MAX_RECORDS - 1} merged)`,
    });
  }
  const seen = new Set<string>();
  merged.forEach((documentId, index) => {
    if (documentId === survivor) {
      issues.push({
        path: ['merged', index],
        rule: 'merge.survivor',
        message: `merged[${index}]: ${documentId} is the survivor; it cannot be merged into itself`,
      });
    } else if (seen.has(documentId)) {
      issues.push({
        path: ['merged', index],
        rule: 'merge.duplicate',
        message: `merged[${index}]: ${documentId} is listed twice`,
      });
    }
    seen.add(documentId);
  });
  if (issues.length > 0) throw new DomainValidationError(issues);
  return [survivor, ...merged];
}
