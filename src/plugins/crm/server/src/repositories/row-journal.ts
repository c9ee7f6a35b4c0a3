import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Row-level writes that can be undone exactly: every update, delete and insert a merge makes is
 * written through a journal that keeps what the row was and what it became (the full row of a
 * deleted one, link-table rows included), so an undo can check that nothing changed since and
 * put every row back with its id and documentId. Plain knex on the caller's transaction.
 */
export type Row = Record<string, unknown>;

export interface RowRef {
  table: string;
  id: number;
}

export type JournalOp =
  | {
      op: 'update';
      table: string;
      id: number;
      label: string;
      before: Row;
      after: Row;
      /** Columns put back only while they still hold what the merge wrote (updated_at). */
      loose?: string[];
    }
  | { op: 'delete'; table: string; label: string; row: Row; refs?: RowRef[] }
  | { op: 'insert'; table: string; label: string; row: Row };

/** A link table of a relation (Strapi keeps every relation in one): its two sides. */
export interface LinkTable {
  table: string;
  uid: string;
  attribute: string;
  owner: { table: string; column: string; uid: string };
  target: { table: string; column: string; uid: string };
}

interface JoinTableMeta {
  name: string;
  joinColumn?: { name: string };
  inverseJoinColumn?: { name: string };
  morphColumn?: unknown;
  on?: unknown;
}

type MetadataMap = Map<
  string,
  {
    uid: string;
    tableName: string;
    attributes: Record<
      string,
      {
        type?: string;
        target?: string;
        mappedBy?: string;
        joinTable?: JoinTableMeta;
        columnName?: string;
      }
    >;
  }
>;

/** Every plain link table of the app's models, read from Strapi's metadata (each relation once, from its owning side). */
export const linkTablesOf = (strapi: Core.Strapi): LinkTable[] => {
  const metadata = strapi.db.metadata as unknown as MetadataMap;
  const found = new Map<string, LinkTable>();
  for (const meta of metadata.values()) {
    for (const [attribute, definition] of Object.entries(meta.attributes)) {
      const join = definition.joinTable;
      if (definition.type !== 'relation' || !join || definition.mappedBy || !definition.target)
        continue;
      if (join.morphColumn || join.on || !join.joinColumn || !join.inverseJoinColumn) continue;
      const target = metadata.get(definition.target);
      if (!target || found.has(join.name)) continue;
      found.set(join.name, {
        table: join.name,
        uid: meta.uid,
        attribute,
        owner: { table: meta.tableName, column: join.joinColumn.name, uid: meta.uid },
        target: { table: target.tableName, column: join.inverseJoinColumn.name, uid: target.uid },
      });
    }
  }
  return [...found.values()];
};

/**
 * Told of every record a journaled write is about to change (`watch`, before the write) or has
 * just made (`created`), by model uid: a history session takes that shape.
 */
export interface JournalWatcher {
  watch(uid: string, ids: readonly number[]): Promise<void>;
  created(uid: string, ids: readonly number[]): void;
}

/** The records a write of `row` in `table` changes: the row's own, or both sides of a link row. */
const recordsOf = (
  strapi: Core.Strapi,
  links: readonly LinkTable[]
): ((table: string, rows: readonly Row[]) => [string, number][]) => {
  const metadata = strapi.db.metadata as unknown as MetadataMap;
  const uidOf = new Map([...metadata.values()].map((meta) => [meta.tableName, meta.uid]));
  const linkOf = new Map(links.map((link) => [link.table, link]));
  return (table, rows) => {
    const found: [string, number][] = [];
    const link = linkOf.get(table);
    for (const row of rows) {
      if (link) {
        for (const side of [link.owner, link.target]) {
          const id = row[side.column];
          if (id !== undefined && id !== null) found.push([side.uid, Number(id)]);
        }
      } else if (uidOf.has(table) && row.id !== undefined && row.id !== null)
        found.push([uidOf.get(table)!, Number(row.id)]);
    }
    return found;
  };
};

const watchAll = async (watcher: JournalWatcher, records: readonly [string, number][]) => {
  const byUid = new Map<string, number[]>();
  for (const [uid, id] of records) byUid.set(uid, [...(byUid.get(uid) ?? []), id]);
  for (const [uid, ids] of byUid) await watcher.watch(uid, ids);
};

/**
 * Shows `watcher` every record `ops` name, before they are reverted: updated rows and both sides
 * of link rows (as they are now and as the op left them), deleted rows (absent now: they come
 * back) and inserted ones (about to go).
 */
export const watchJournal = async (
  strapi: Core.Strapi,
  knex: Knex,
  watcher: JournalWatcher,
  ops: readonly JournalOp[]
): Promise<void> => {
  const records = recordsOf(strapi, linkTablesOf(strapi));
  const found: [string, number][] = [];
  for (const op of ops) {
    if (op.op !== 'update') {
      found.push(...records(op.table, [op.row]));
      continue;
    }
    // An update keeps only the columns it changed: the row names the link's other side.
    const current = ((await knex(op.table).where({ id: op.id }).first()) as Row | undefined) ?? {};
    found.push(
      ...records(op.table, [
        { ...current, ...op.before, id: op.id },
        { ...current, ...op.after, id: op.id },
      ])
    );
  }
  await watchAll(watcher, found);
};

/** The database column of a model's attribute. */
export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string => {
  const definition = (
    strapi.db.metadata.get(uid).attributes as Record<string, { columnName?: string }>
  )[attribute];
  if (!definition) throw new Error(`crm: ${uid} has no attribute ${attribute}`);
  return definition.columnName ?? attribute;
};

/** A value as the database hands it back, comparable across a JSON round trip. */
export const comparable = (value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?(0|[1-9]\d*)$/.test(value) && value.length < 16)
    return Number(value);
  return value;
};

export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

/** A row as it goes back into its table: JSON values as text. */
const writable = (row: Row): Row =>
  Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      value !== null && typeof value === 'object' && !(value instanceof Date)
        ? JSON.stringify(value)
        : value,
    ])
  );

const insertedId = (result: unknown[]): number => {
  const [first] = result;
  return Number(
    typeof first === 'object' && first !== null ? (first as { id: unknown }).id : first
  );
};

export const createRowJournal = (strapi: Core.Strapi, knex: Knex, watcher?: JournalWatcher) => {
  const ops: JournalOp[] = [];
  const links = linkTablesOf(strapi);
  const records = recordsOf(strapi, links);

  const read = async (table: string, id: number): Promise<Row | undefined> =>
    (await knex(table).where({ id }).first()) as Row | undefined;

  /** The records a write of these rows changes, shown to the watcher before it is made. */
  const before = async (table: string, rows: readonly Row[]) => {
    if (watcher) await watchAll(watcher, records(table, rows));
  };
  /** A record's row just inserted (a link row changes records that were watched before). */
  const made = (table: string, row: Row) => {
    if (!watcher || links.some((link) => link.table === table)) return;
    for (const [uid, id] of records(table, [row])) watcher.created(uid, [id]);
  };

  return {
    ops,
    links,

    /** The link table of a relation attribute. */
    link(uid: string, attribute: string): LinkTable {
      const found = links.find((link) => link.uid === uid && link.attribute === attribute);
      if (!found) throw new Error(`crm: no link table for ${uid}.${attribute}`);
      return found;
    },

    /**
     * Points a one-way relation of a record at `target` (null: at nothing), inserting, updating
     * or removing its link row as needed.
     */
    async setLink(link: LinkTable, ownerId: number, target: number | null, label: string) {
      const current = (await knex(link.table).where(link.owner.column, ownerId).first()) as
        Row | undefined;
      if (target === null && current) await this.removeLink(link, current, label);
      else if (target !== null && !current)
        await this.insert(
          link.table,
          { [link.owner.column]: ownerId, [link.target.column]: target },
          label
        );
      else if (target !== null && current && Number(current[link.target.column]) !== target)
        await this.update(link.table, Number(current.id), { [link.target.column]: target }, label);
    },

    /** Sets columns of a row; records the change (nothing when the row already holds those values). */
    async update(
      table: string,
      id: number,
      changes: Row,
      label: string,
      options: { loose?: string[] } = {}
    ): Promise<boolean> {
      const current = await read(table, id);
      if (!current) throw new Error(`crm: ${table} row ${id} is missing`);
      const changed = Object.keys(changes).filter(
        (column) => !sameValue(current[column], changes[column])
      );
      if (changed.length === 0) return false;
      const patch = Object.fromEntries(changed.map((column) => [column, changes[column]]));
      await before(table, [current, { ...patch, id }]);
      await knex(table).where({ id }).update(writable(patch));
      const after = (await read(table, id))!;
      ops.push({
        op: 'update',
        table,
        id,
        label,
        before: Object.fromEntries(changed.map((column) => [column, current[column]])),
        after: Object.fromEntries(changed.map((column) => [column, after[column]])),
        ...(options.loose ? { loose: options.loose.filter((c) => changed.includes(c)) } : {}),
      });
      return true;
    },

    /**
     * Runs `write` (a query-engine update of one row, which knows each column's type) and records
     * what it changed in the row.
     */
    async track(
      table: string,
      id: number,
      label: string,
      write: () => Promise<unknown>,
      options: { loose?: string[] } = {}
    ): Promise<void> {
      const was = await read(table, id);
      if (!was) throw new Error(`crm: ${table} row ${id} is missing`);
      await before(table, [was]);
      await write();
      const after = (await read(table, id))!;
      const changed = Object.keys(after).filter((column) => !sameValue(was[column], after[column]));
      if (changed.length === 0) return;
      ops.push({
        op: 'update',
        table,
        id,
        label,
        before: Object.fromEntries(changed.map((column) => [column, was[column]])),
        after: Object.fromEntries(changed.map((column) => [column, after[column]])),
        ...(options.loose ? { loose: options.loose.filter((c) => changed.includes(c)) } : {}),
      });
    },

    /** Records a row inserted otherwise (by the query engine), whole. */
    async recordInsert(table: string, id: number, label: string): Promise<void> {
      const row = await read(table, id);
      if (!row) throw new Error(`crm: ${table} row ${id} is missing`);
      made(table, row);
      ops.push({ op: 'insert', table, label, row });
    },

    /** Deletes one row, keeping it whole. */
    async remove(table: string, id: number, label: string, refs?: RowRef[]): Promise<Row> {
      const row = await read(table, id);
      if (!row) throw new Error(`crm: ${table} row ${id} is missing`);
      await before(table, [row]);
      await knex(table).where({ id }).delete();
      ops.push({ op: 'delete', table, label, row, ...(refs ? { refs } : {}) });
      return row;
    },

    /** Deletes a link row, with the rows it links (checked before an undo puts it back). */
    async removeLink(link: LinkTable, row: Row, label: string): Promise<void> {
      await this.remove(link.table, Number(row.id), label, [
        { table: link.owner.table, id: Number(row[link.owner.column]) },
        { table: link.target.table, id: Number(row[link.target.column]) },
      ]);
    },

    /**
     * Deletes a record's row and, first, every link row that names it on either side (which the
     * database would otherwise delete with it, unrecorded).
     */
    async removeRecord(uid: string, id: number, label: string): Promise<void> {
      const table = strapi.db.metadata.get(uid).tableName;
      for (const link of links) {
        for (const side of ['owner', 'target'] as const) {
          if (link[side].table !== table) continue;
          const rows = (await knex(link.table).where(link[side].column, id).orderBy('id')) as Row[];
          for (const row of rows)
            await this.removeLink(link, row, `${label}: ${link.uid}.${link.attribute}`);
        }
      }
      await this.remove(table, id, label);
    },

    /** Inserts a row; records it whole, with the id it was given. */
    async insert(table: string, row: Row, label: string): Promise<Row> {
      await before(table, [row]);
      const id = insertedId(await knex(table).insert(writable(row), ['id']));
      const inserted = (await read(table, id))!;
      made(table, inserted);
      ops.push({ op: 'insert', table, label, row: inserted });
      return inserted;
    },
  };
};

export type RowJournal = ReturnType<typeof createRowJournal>;

/** Attribute names of a table's columns, for messages. */
const attributeNames = (strapi: Core.Strapi, table: string): Map<string, string> => {
  const metadata = strapi.db.metadata as unknown as MetadataMap;
  for (const meta of metadata.values()) {
    if (meta.tableName !== table) continue;
    return new Map(
      Object.entries(meta.attributes).map(([name, definition]) => [
        definition.columnName ?? name,
        name,
      ])
    );
  }
  return new Map();
};

/**
 * Why `ops` cannot be undone now: rows they updated or inserted that are gone or hold something
 * else than the merge wrote, rows they deleted whose id or documentId is taken since or whose linked
 * records are gone. Empty when the undo can put every row back.
 */
export const journalConflicts = async (
  strapi: Core.Strapi,
  knex: Knex,
  ops: readonly JournalOp[],
  options: {
    /** Unique text columns a restored row must find free (besides id and document_id), by table. */
    unique?: Record<string, string[]>;
  } = {}
): Promise<string[]> => {
  const reasons: string[] = [];
  const restored = new Set(
    ops
      .filter((op) => op.op === 'delete')
      .map((op) => `${op.table}#${Number((op as { row: Row }).row.id)}`)
  );
  const revertedValues = new Map<string, unknown>();
  for (const op of ops) {
    if (op.op !== 'update') continue;
    for (const [column, value] of Object.entries(op.before))
      revertedValues.set(`${op.table}#${op.id}#${column}`, value);
  }
  const exists = async (table: string, id: number) =>
    Boolean(await knex(table).where({ id }).first('id'));

  for (const op of ops) {
    if (op.op === 'update') {
      const current = (await knex(op.table).where({ id: op.id }).first()) as Row | undefined;
      if (!current) {
        reasons.push(`${op.label} no longer exists`);
        continue;
      }
      const names = attributeNames(strapi, op.table);
      const changed = Object.keys(op.after).filter(
        (column) => !op.loose?.includes(column) && !sameValue(current[column], op.after[column])
      );
      if (changed.length > 0)
        reasons.push(
          `${op.label}: ${changed.map((column) => names.get(column) ?? column).join(', ')} changed since the merge`
        );
    } else if (op.op === 'insert') {
      const current = (await knex(op.table).where({ id: op.row.id }).first()) as Row | undefined;
      if (!current) reasons.push(`${op.label} no longer exists`);
      else {
        const names = attributeNames(strapi, op.table);
        const changed = Object.keys(op.row).filter(
          (column) =>
            !['updated_at', 'updated_by_id'].includes(column) &&
            !sameValue(current[column], op.row[column])
        );
        if (changed.length > 0)
          reasons.push(
            `${op.label}: ${changed.map((column) => names.get(column) ?? column).join(', ')} changed since the merge`
          );
      }
    } else {
      const id = Number(op.row.id);
      if (await exists(op.table, id)) {
        reasons.push(`${op.label}: its id ${id} is taken since the merge`);
        continue;
      }
      if (typeof op.row.document_id === 'string') {
        const holder = await knex(op.table).where({ document_id: op.row.document_id }).first('id');
        if (holder)
          reasons.push(
            `${op.label}: its documentId ${op.row.document_id} is taken since the merge`
          );
      }
      for (const column of options.unique?.[op.table] ?? []) {
        const value = op.row[column];
        if (value === null || value === undefined || value === '') continue;
        const holders = (await knex(op.table).where(column, value).select('id')) as Row[];
        const names = attributeNames(strapi, op.table);
        for (const holder of holders) {
          const reverted = revertedValues.get(`${op.table}#${Number(holder.id)}#${column}`);
          if (reverted !== undefined && !sameValue(reverted, value)) continue;
          reasons.push(
            `${op.label}: its ${names.get(column) ?? column} "${String(value)}" is held by another record since the merge`
          );
        }
      }
      for (const ref of op.refs ?? []) {
        if (restored.has(`${ref.table}#${ref.id}`)) continue;
        if (!(await exists(ref.table, ref.id)))
          reasons.push(
            `${op.label}: the record it links to (${ref.table} ${ref.id}) no longer exists`
          );
      }
    }
  }
  return [...new Set(reasons)];
};

/** Puts back every row of `ops`, latest first: updated rows get their values, deleted rows come back, inserted rows go. */
export const revertJournal = async (knex: Knex, ops: readonly JournalOp[]): Promise<void> => {
  for (const op of [...ops].reverse()) {
    if (op.op === 'update') {
      const current = (await knex(op.table).where({ id: op.id }).first()) as Row | undefined;
      const values = Object.fromEntries(
        Object.entries(op.before).filter(
          ([column]) =>
            !op.loose?.includes(column) || sameValue(current?.[column], op.after[column])
        )
      );
      if (Object.keys(values).length > 0)
        await knex(op.table).where({ id: op.id }).update(writable(values));
    } else if (op.op === 'delete') {
      await knex(op.table).insert(writable(op.row));
    } else {
      await knex(op.table).where({ id: op.row.id }).delete();
    }
  }
};
