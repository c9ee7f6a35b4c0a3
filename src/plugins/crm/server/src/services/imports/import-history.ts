import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { HistoryRelation, HistoryValue } from '../../../../contracts';
import {
  RELATED_LABEL_FIELDS,
  diffSnapshots,
  historyRecordLabel,
  historySubjects,
  insertedSnapshot,
  relatedLabel,
  type CustomerNameFields,
  type HistoryRecordKind,
  type ScalarAttribute,
} from '../../domain';
import type { NewHistoryEntry } from '../../repositories/history';
import { SYSTEM_ACTOR, type Actor } from '../../utils/actor';
import { sliceIsOver, yieldToEventLoop } from '../../utils/event-loop';
import { getService } from '../../utils/get-service';
import { CUSTOMER_UID } from '../../utils/uids';
import type { HistoryWriter } from '../history';

/** The job as its history writer needs it: its ids and who created it. */
export interface JobOwner {
  id: number;
  documentId: string;
  ownerType?: Actor['type'] | null;
  ownerId?: string | null;
  ownerName?: string | null;
}

/**
 * "import <job>" on behalf of `actor` (by default the user who created the job); its documentId is
 * the job's, so the history can be filtered by the import as well as by the user.
 */
export const importWriter = (strapi: Core.Strapi, job: JobOwner, actor?: Actor): HistoryWriter => ({
  ...getService(strapi, 'history').onBehalfOf(
    'import',
    String(job.id),
    `import ${job.id}`,
    actor ??
      (job.ownerType
        ? { type: job.ownerType, id: job.ownerId ?? null, name: job.ownerName ?? null }
        : SYSTEM_ACTOR)
  ),
  documentId: job.documentId,
});

/**
 * Runs `work` (inside a transaction) with every change it makes recorded as written by `writer`,
 * in one history session flushed before `work`'s transaction commits.
 */
export const withHistory = <T>(
  strapi: Core.Strapi,
  writer: HistoryWriter,
  work: () => Promise<T>
): Promise<T> => {
  const history = getService(strapi, 'history');
  return history.actingAs(writer, () => history.inSession(() => work()));
};

/** The open history session of the write under way (none outside `withHistory`). */
export const historySession = (strapi: Core.Strapi) =>
  getService(strapi, 'history').currentSession();

/** A transaction whose changes are recorded as written by `writer` (see `withHistory`). */
export const historyTransaction = async <T>(
  strapi: Core.Strapi,
  writer: HistoryWriter,
  work: (trx: Knex) => Promise<T>
): Promise<T> => {
  const result = await strapi.db.transaction(({ trx }) =>
    withHistory(strapi, writer, () => work(trx))
  );
  return result as T;
};

type Attribute = { type: string; columnName?: string; default?: unknown };

/** Rows per `IN (…)` list. */
const CHUNK = 500;

const attributesOf = (strapi: Core.Strapi, uid: string) =>
  strapi.db.metadata.get(uid as never).attributes as unknown as Record<string, Attribute>;

const columnOf = (strapi: Core.Strapi, uid: string, name: string) =>
  attributesOf(strapi, uid)[name]?.columnName ??
  name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Rows of `uid` by id, the named attributes only (one plain query per chunk). */
const readRows = async (
  strapi: Core.Strapi,
  knex: Knex,
  uid: string,
  ids: readonly number[],
  names: readonly string[]
): Promise<Map<number, Record<string, unknown>>> => {
  const table = strapi.db.metadata.get(uid as never).tableName;
  const columns = names.map((name) => `${columnOf(strapi, uid, name)} as ${name}`);
  const found = new Map<number, Record<string, unknown>>();
  const unique = [...new Set(ids)];
  for (let at = 0; at < unique.length; at += CHUNK)
    for (const row of (await knex(table)
      .whereIn('id', unique.slice(at, at + CHUNK))
      .select(['id', ...columns])) as Record<string, unknown>[])
      found.set(Number(row.id), row);
  return found;
};

/**
 * Customers as a contact's company, by id: the relation's value (`{ documentId, label }`) and the
 * name fields the contact's display name takes from it.
 */
export const companyRefs = async (
  strapi: Core.Strapi,
  knex: Knex,
  ids: readonly number[]
): Promise<Map<number, { ref: HistoryRelation; name: CustomerNameFields }>> => {
  const rows = await readRows(strapi, knex, CUSTOMER_UID, ids, [
    'documentId',
    ...RELATED_LABEL_FIELDS.customer,
    'type',
    'firstName',
    'lastName',
    'businessName',
  ]);
  return new Map(
    [...rows].map(([id, row]) => [
      id,
      {
        ref: { documentId: String(row.documentId), label: relatedLabel('customer', row) },
        name: row as CustomerNameFields,
      },
    ])
  );
};

/** Customers as a relation's value shows them, by id: `{ documentId, label }`. */
export const customerRefs = async (
  strapi: Core.Strapi,
  knex: Knex,
  ids: readonly number[]
): Promise<Map<number, HistoryRelation>> =>
  new Map([...(await companyRefs(strapi, knex, ids))].map(([id, company]) => [id, company.ref]));

/**
 * A content type's scalar attributes; with their defaults for inserted records (what an insert
 * gives a field it was not given), without for updates (a field not written is not a change).
 */
const scalarAttributes = (
  strapi: Core.Strapi,
  uid: string,
  withDefaults: boolean
): ScalarAttribute[] =>
  Object.entries(attributesOf(strapi, uid))
    .filter(([, attribute]) => attribute.type !== 'relation')
    .map(([name, attribute]) => ({
      name,
      type: attribute.type,
      ...(withDefaults ? { default: attribute.default } : {}),
    }));

/** The documentIds (and display names, where the type has them) of rows just written. */
const storedNames = (strapi: Core.Strapi, knex: Knex, uid: string, ids: readonly number[]) =>
  readRows(
    strapi,
    knex,
    uid,
    ids,
    'displayName' in attributesOf(strapi, uid) ? ['documentId', 'displayName'] : ['documentId']
  );

/** A record a bulk insert has just written, as its create entry is built from. */
export interface InsertedRecord {
  id: number;
  values: Record<string, unknown>;
  relations: Record<string, HistoryValue>;
  /**
   * What the insert gave it (see the bulk insert's `create`): its documentId and, for types that
   * have one, its display name by the domain's rule. Read back when not given.
   */
  given?: { documentId: string; displayName?: string | null };
}

/**
 * The create entries of records a bulk insert has just written, built from the values it was
 * given (see \`insertedSnapshot\`) rather than read back: only the documentIds and display names
 * not given are read, in one plain query per chunk. The same entries a session would write,
 * written on the current transaction by the current writer.
 */
export const recordInserted = async (
  strapi: Core.Strapi,
  knex: Knex,
  kind: HistoryRecordKind,
  uid: string,
  records: readonly InsertedRecord[]
): Promise<void> => {
  const history = getService(strapi, 'history');
  if (records.length === 0 || !history.currentSession()) return;
  const attributes = scalarAttributes(strapi, uid, true);
  const unnamed = records.filter((record) => !record.given).map((record) => record.id);
  const stored = unnamed.length
    ? await storedNames(strapi, knex, uid, unnamed)
    : new Map<number, Record<string, unknown>>();
  const actor = history.writer();
  const at = new Date();
  const entries: NewHistoryEntry[] = [];
  for (const record of records) {
    // A batch's entries are thousands: the event loop gets its turns meanwhile.
    if (sliceIsOver()) await yieldToEventLoop();
    const row = record.given ?? stored.get(record.id);
    if (!row) continue;
    const documentId = String(row.documentId);
    const snapshot = insertedSnapshot(attributes, record.values, record.relations);
    const [subject, other] = historySubjects(kind, documentId, snapshot);
    entries.push({
      at,
      action: 'create',
      record: {
        uid,
        documentId,
        label: historyRecordLabel(kind, snapshot, row.displayName as string | null | undefined),
      },
      subjectDocumentId: subject,
      otherSubjectDocumentId: other,
      actor,
      changes: diffSnapshots(null, snapshot),
    });
  }
  await history.repository.insert(knex, entries);
};

/**
 * The update entries of records a bulk update has just written, from the values each had before
 * and was given (only the fields written, and relations as `{ documentId, label }`): the same
 * entries a session would write, without reading the records before and after.
 */
export const recordUpdated = async (
  strapi: Core.Strapi,
  knex: Knex,
  kind: HistoryRecordKind,
  uid: string,
  records: readonly {
    id: number;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    relations: { before: Record<string, HistoryValue>; after: Record<string, HistoryValue> };
  }[]
): Promise<void> => {
  const history = getService(strapi, 'history');
  if (records.length === 0 || !history.currentSession()) return;
  const attributes = scalarAttributes(strapi, uid, false);
  const stored = await storedNames(
    strapi,
    knex,
    uid,
    records.map((record) => record.id)
  );
  const actor = history.writer();
  const at = new Date();
  const entries: NewHistoryEntry[] = [];
  for (const record of records) {
    if (sliceIsOver()) await yieldToEventLoop();
    const row = stored.get(record.id);
    if (!row) continue;
    const written = attributes.filter((attribute) => attribute.name in record.after);
    const before = insertedSnapshot(written, record.before, record.relations.before);
    const after = insertedSnapshot(written, record.after, record.relations.after);
    const changes = diffSnapshots(before, after);
    if (changes.length === 0) continue;
    const documentId = String(row.documentId);
    const [subject, other] = historySubjects(kind, documentId, after);
    entries.push({
      at,
      action: 'update',
      record: {
        uid,
        documentId,
        label: historyRecordLabel(kind, after, row.displayName as string | null | undefined),
      },
      subjectDocumentId: subject,
      otherSubjectDocumentId: other,
      actor,
      changes,
    });
  }
  await history.repository.insert(knex, entries);
};
