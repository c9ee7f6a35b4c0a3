/**
 * What an import does with each row of a batch, decided before anything is written: create a
 * record, update one, or leave the row out with the reason — by the job's mode, its keys and what
 * they find, and the rows of the file that came before.
 */
import type { ImportMatchKey } from '../../../../contracts';
import { matchRow } from './match-keys';
import type { ImportModeSettings } from './modes';

export type RowPlan =
  | { kind: 'create' }
  /** Update a record the CRM has (or one an earlier batch of this job wrote). */
  | { kind: 'update'; recordId: number; key: ImportMatchKey }
  /** Update the record an earlier row of this batch creates (`withinFile: merge`). */
  | { kind: 'update-new'; line: number; key: ImportMatchKey }
  | { kind: 'matches'; recordId: number; key: ImportMatchKey }
  | { kind: 'duplicate'; line: number; key: ImportMatchKey }
  | { kind: 'no-match'; keys: readonly ImportMatchKey[] }
  | { kind: 'ambiguous'; recordIds: number[]; key: ImportMatchKey }
  /** The duplicate matcher finds the record this row likely is (create mode, `fuzzy`). */
  | { kind: 'likely'; recordId: number; score: number; reasons: readonly string[] };

/**
 * What the rows planned so far claimed: records by the first line that writes them, key values by
 * the first line that creates a record with them. Kept across calls when the records those rows
 * would create are not in the database (a preview).
 */
export interface PlanMemory {
  lineOfRecord: Map<number, number>;
  lineOfValue: Map<string, { line: number; key: ImportMatchKey }>;
}

export const emptyPlanMemory = (): PlanMemory => ({
  lineOfRecord: new Map(),
  lineOfValue: new Map(),
});

export interface PlanInput {
  line: number;
  /** The row's values for each of the job's keys, in the job's order. */
  values: readonly [ImportMatchKey, string[]][];
}

/**
 * Plans a batch, rows in file order. `found` answers which records hold a key value;
 * `earlierLineOf` the first line of this job (in an earlier batch) that created or updated a
 * record. Rows that are one record — by a record they both find, or by a key value they share —
 * are one: the first creates or updates it, a later one is its duplicate, or, with
 * `withinFile: merge`, updates it too.
 */
export function planRows(
  rows: readonly PlanInput[],
  found: (key: ImportMatchKey, value: string) => readonly number[],
  settings: Pick<ImportModeSettings, 'mode' | 'withinFile'>,
  earlierLineOf: (recordId: number) => number | undefined,
  memory: PlanMemory = emptyPlanMemory()
): RowPlan[] {
  const merge = settings.withinFile === 'merge';
  const { lineOfRecord, lineOfValue } = memory;
  const valueIds = (values: PlanInput['values']) =>
    values.flatMap(([key, list]) => list.map((value) => ({ key, id: `${key}\u0000${value}` })));

  return rows.map(({ line, values }): RowPlan => {
    const match = matchRow(values, found);
    if (match.kind === 'many')
      return { kind: 'ambiguous', recordIds: match.recordIds, key: match.key };
    if (match.kind === 'one') {
      const earlier = lineOfRecord.get(match.recordId) ?? earlierLineOf(match.recordId);
      if (earlier !== undefined && earlier !== line)
        return merge
          ? { kind: 'update', recordId: match.recordId, key: match.key }
          : { kind: 'duplicate', line: earlier, key: match.key };
      if (settings.mode === 'create')
        return { kind: 'matches', recordId: match.recordId, key: match.key };
      lineOfRecord.set(match.recordId, line);
      return { kind: 'update', recordId: match.recordId, key: match.key };
    }
    const ids = valueIds(values);
    const shared = ids.find(({ id }) => lineOfValue.has(id));
    if (shared) {
      const first = lineOfValue.get(shared.id)!;
      for (const { id, key } of ids)
        if (!lineOfValue.has(id)) lineOfValue.set(id, { ...first, key });
      return merge
        ? { kind: 'update-new', line: first.line, key: shared.key }
        : { kind: 'duplicate', line: first.line, key: shared.key };
    }
    if (settings.mode === 'update') return { kind: 'no-match', keys: values.map(([key]) => key) };
    for (const { id, key } of ids) lineOfValue.set(id, { line, key });
    return { kind: 'create' };
  });
}
