import { DomainValidationError, type RuleIssue } from '../errors';

/** A record of a merge as the field rules see it: its documentId and its values by field. */
export interface MergeRecord {
  documentId: string;
  values: Readonly<Record<string, unknown>>;
}

export interface MergedFields {
  /** The value of each field after the merge. */
  values: Record<string, unknown>;
  /** The record each field's value was taken from. */
  sources: Record<string, string>;
}

/** Empty: no value at all, or blank text. False, zero and an empty list are values. */
export const isEmptyMergeValue = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * The fields of the record a merge leaves: each field the survivor's value when it has one, else
 * the first non-empty value of the merged records in the order given; `choices` names, per field,
 * the record to take it from (empty or not). `records` are the survivor first, then the merged.
 * A choice of a field that cannot be chosen, or of a record that is not merged, is refused.
 */
export function chooseMergedFields(
  records: readonly MergeRecord[],
  fieldNames: readonly string[],
  choices: Readonly<Record<string, string>> = {}
): MergedFields {
  const issues: RuleIssue[] = [];
  const byId = new Map(records.map((record) => [record.documentId, record]));
  for (const [field, documentId] of Object.entries(choices)) {
    if (!fieldNames.includes(field)) {
      issues.push({
        path: ['fields', field],
        rule: 'merge.field',
        message: `fields.${field}: ${field} cannot be chosen; the fields are ${fieldNames.join(', ')}`,
      });
    } else if (!byId.has(documentId)) {
      issues.push({
        path: ['fields', field],
        rule: 'merge.fields.source',
        message: `fields.${field}: ${documentId} is not one of the records merged`,
      });
    }
  }
  if (issues.length > 0) throw new DomainValidationError(issues);
  const [survivor] = records;
  if (!survivor) throw new RangeError('a merge needs its survivor');

  const values: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const field of fieldNames) {
    const chosen = choices[field];
    const source =
      (chosen === undefined ? undefined : byId.get(chosen)) ??
      records.find((record) => !isEmptyMergeValue(record.values[field])) ??
      survivor;
    values[field] = source.values[field] ?? null;
    sources[field] = source.documentId;
  }
  return { values, sources };
}
