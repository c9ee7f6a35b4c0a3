import {
  emptyPlanMemory,
  planRows,
  type ImportMatchKey,
  type PlanInput,
} from '../../../../src/plugins/crm/server/src/domain';

const row = (line: number, email: string, externalId?: string): PlanInput => ({
  line,
  values: [
    ['email', email ? [email] : []],
    ['externalId', externalId ? [externalId] : []],
  ],
});

/** The database as a lookup: records by (key, value). */
const holding =
  (records: Record<string, number[]>) =>
  (key: ImportMatchKey, value: string): readonly number[] =>
    records[`${key}:${value}`] ?? [];

const none = () => undefined;

describe('planRows', () => {
  const db = holding({ 'email:ada@x.io': [7], 'email:twin@x.io': [8, 9], 'externalId:E1': [7] });

  it('in create mode, makes only what the database lacks', () => {
    expect(
      planRows(
        [row(2, 'ada@x.io'), row(3, 'new@x.io'), row(4, 'twin@x.io')],
        db,
        { mode: 'create', withinFile: 'ignore' },
        none
      )
    ).toEqual([
      { kind: 'matches', recordId: 7, key: 'email' },
      { kind: 'create' },
      { kind: 'ambiguous', recordIds: [8, 9], key: 'email' },
    ]);
  });

  it('in update mode, updates what it finds and leaves the rest out', () => {
    expect(
      planRows(
        [row(2, 'ada@x.io'), row(3, 'new@x.io')],
        db,
        { mode: 'update', withinFile: 'ignore' },
        none
      )
    ).toEqual([
      { kind: 'update', recordId: 7, key: 'email' },
      { kind: 'no-match', keys: ['email', 'externalId'] },
    ]);
  });

  it('tries the keys in order: the first that finds a record decides', () => {
    expect(
      planRows([row(2, 'other@x.io', 'E1')], db, { mode: 'upsert', withinFile: 'ignore' }, none)
    ).toEqual([{ kind: 'update', recordId: 7, key: 'externalId' }]);
  });

  it('makes one record of rows that share a key: later ones are duplicates, or merge in', () => {
    const rows = [
      row(2, 'new@x.io'),
      row(3, 'new@x.io', 'N1'),
      row(4, '', 'N1'),
      row(5, 'ada@x.io'),
      row(6, 'ada@x.io'),
    ];
    expect(planRows(rows, db, { mode: 'upsert', withinFile: 'ignore' }, none)).toEqual([
      { kind: 'create' },
      { kind: 'duplicate', line: 2, key: 'email' },
      // Line 3 claimed its id for line 2's record.
      { kind: 'duplicate', line: 2, key: 'externalId' },
      { kind: 'update', recordId: 7, key: 'email' },
      { kind: 'duplicate', line: 5, key: 'email' },
    ]);
    expect(planRows(rows, db, { mode: 'upsert', withinFile: 'merge' }, none)).toEqual([
      { kind: 'create' },
      { kind: 'update-new', line: 2, key: 'email' },
      { kind: 'update-new', line: 2, key: 'externalId' },
      { kind: 'update', recordId: 7, key: 'email' },
      { kind: 'update', recordId: 7, key: 'email' },
    ]);
  });

  it('knows the records earlier batches of the job wrote, and carries a memory between calls', () => {
    expect(
      planRows([row(2500, 'ada@x.io')], db, { mode: 'create', withinFile: 'ignore' }, (id) =>
        id === 7 ? 12 : undefined
      )
    ).toEqual([{ kind: 'duplicate', line: 12, key: 'email' }]);
    const memory = emptyPlanMemory();
    planRows([row(2, 'new@x.io')], db, { mode: 'upsert', withinFile: 'ignore' }, none, memory);
    expect(
      planRows([row(3000, 'new@x.io')], db, { mode: 'upsert', withinFile: 'ignore' }, none, memory)
    ).toEqual([{ kind: 'duplicate', line: 2, key: 'email' }]);
  });
});
