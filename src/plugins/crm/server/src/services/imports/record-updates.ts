import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { HistoryValue } from '../../../../contracts';
import {
  CONTACT_FIELD_NAMES,
  CONTACT_POINT_KINDS,
  CUSTOMER_FIELD_NAMES,
  DomainValidationError,
  POINT_VALUE_FIELDS,
  contactUpdate,
  customerUpdate,
  isEmptyUpdate,
  type ContactPointKind,
  type ContactRow,
  type CustomerRow,
  type ImportEmptyCells,
  type ImportObject,
  type PointChange,
  type StoredPoint,
} from '../../domain';
import { createBulkInsert } from '../../repositories/bulk-insert';
import { sliceIsOver, yieldIfSliceIsOver, yieldToEventLoop } from '../../utils/event-loop';
import { getService } from '../../utils/get-service';
import { CONTACT_POINT_UIDS, CONTACT_UID, CUSTOMER_UID } from '../../utils/uids';
import { customerRefs, recordUpdated } from './import-history';

const CHUNK = 400;
const PLURALS = { address: 'addresses', phone: 'phones', email: 'emails' } as const;

/**
 * What an update did to its record, enough for an undo to tell whether the record changed since
 * and to put it back: each field's value before and after, the company before and after, the
 * contact points whose value it replaced and those it added.
 */
export interface UpdateSnapshot {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  company?: { before: number | null; after: number | null };
  changedPoints?: PointChange[];
  addedPoints?: { kind: ContactPointKind; id: number }[];
}

/** A row to apply to a record, in line order. `company`: the customer id its company resolves to (undefined: no company cell). */
export interface RowUpdate {
  rowId: number;
  line: number;
  recordId: number;
  data: ContactRow | CustomerRow;
  company?: number | null;
}

export type UpdateResult =
  | { rowId: number; outcome: 'updated'; snapshot: UpdateSnapshot }
  | { rowId: number; outcome: 'unchanged' }
  | { rowId: number; outcome: 'failed'; issues: { field: string; reason: string }[] };

export interface ApplyOptions {
  emptyCells: ImportEmptyCells;
  mappedFields: readonly string[];
  /** Judge only: no lock, no write. */
  dryRun?: boolean;
}

export interface ContactState {
  fields: Record<string, unknown>;
  company: number | null;
  hasUser: boolean;
}

export interface CustomerState {
  fields: Record<string, unknown>;
  points: Record<ContactPointKind, StoredPoint[]>;
}

const issuesOf = (error: unknown) => {
  if (!(error instanceof DomainValidationError)) throw error;
  return error.issues.map((issue) => ({
    field: String(issue.path[0] ?? ''),
    reason: issue.message,
  }));
};

/**
 * Applies matched import rows to their records inside the batch's transaction: the records are
 * locked and read once, each row's change is judged by the domain against the record as the rows
 * before it left it, and the final values are written in bulk. Every update keeps a snapshot.
 */
export const createRecordUpdates = (strapi: Core.Strapi) => {
  const bulk = createBulkInsert(strapi);
  const link = (uid: string, attribute: string) =>
    getService(strapi, 'network-repository').link(uid, attribute);
  const settings = () => getService(strapi, 'settings').get();

  const loadContacts = async (ids: number[]): Promise<Map<number, ContactState>> => {
    const states = new Map<number, ContactState>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      await yieldIfSliceIsOver();
      const found = (await strapi.db.query(CONTACT_UID).findMany({
        where: { id: { $in: ids.slice(i, i + CHUNK) } },
        select: ['id', ...CONTACT_FIELD_NAMES],
        populate: { company: { select: ['id'] }, user: { select: ['id'] } },
      })) as (Record<string, unknown> & {
        id: number;
        company?: { id: number } | null;
        user?: { id: number } | null;
      })[];
      for (const contact of found) {
        const { company, user, ...fields } = contact;
        states.set(contact.id, { fields, company: company?.id ?? null, hasUser: Boolean(user) });
      }
    }
    return states;
  };

  const loadCustomers = async (ids: number[]): Promise<Map<number, CustomerState>> => {
    const states = new Map<number, CustomerState>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      await yieldIfSliceIsOver();
      const found = (await strapi.db.query(CUSTOMER_UID).findMany({
        where: { id: { $in: ids.slice(i, i + CHUNK) } },
        select: ['id', ...CUSTOMER_FIELD_NAMES, 'ssn', 'ssnEncrypted', 'ssnHash'],
        populate: Object.fromEntries(
          CONTACT_POINT_KINDS.map((kind) => [
            PLURALS[kind],
            { select: ['id', 'type', 'isPrimary', ...POINT_VALUE_FIELDS[kind]] },
          ])
        ),
      })) as Record<string, unknown>[];
      for (const customer of found) {
        const points = Object.fromEntries(
          CONTACT_POINT_KINDS.map((kind) => [
            kind,
            ((customer[PLURALS[kind]] as StoredPoint[] | undefined) ?? []).map((point) => ({
              ...point,
            })),
          ])
        ) as Record<ContactPointKind, StoredPoint[]>;
        const fields = { ...customer };
        for (const kind of CONTACT_POINT_KINDS) delete fields[PLURALS[kind]];
        states.set(customer.id as number, { fields, points });
      }
    }
    return states;
  };

  const changedFields = (before: Record<string, unknown>, changes: Record<string, unknown>) => ({
    before: Object.fromEntries(Object.keys(changes).map((name) => [name, before[name] ?? null])),
    after: { ...changes },
  });

  const applyContacts = async (
    trx: Knex | null,
    rows: readonly RowUpdate[],
    options: ApplyOptions
  ): Promise<UpdateResult[]> => {
    const ids = [...new Set(rows.map((row) => row.recordId))];
    if (!options.dryRun) await getService(strapi, 'customer-locks').lockRows(CONTACT_UID, ids);
    const states = await loadContacts(ids);
    // The records as they were, for their history entries (the loop below changes `states`).
    const original =
      !options.dryRun && getService(strapi, 'history').currentSession()
        ? new Map(
            [...states].map(([id, state]) => [
              id,
              { fields: { ...state.fields }, company: state.company },
            ])
          )
        : null;
    const changed = new Map<number, Record<string, unknown>>();
    const companyMoved = new Set<number>();
    const results: UpdateResult[] = [];
    for (const row of rows) {
      if (sliceIsOver()) await yieldToEventLoop();
      const state = states.get(row.recordId);
      if (!state) {
        results.push({
          rowId: row.rowId,
          outcome: 'failed',
          issues: [{ field: '', reason: 'the record was deleted while the import ran' }],
        });
        continue;
      }
      let fields: Record<string, unknown>;
      try {
        fields = contactUpdate(state.fields, row.data as ContactRow, {
          ...options,
          defaultCountry: settings().defaultCountry,
          hasUser: state.hasUser,
        });
      } catch (error) {
        results.push({ rowId: row.rowId, outcome: 'failed', issues: issuesOf(error) });
        continue;
      }
      const company =
        row.company !== undefined && row.company !== state.company
          ? { before: state.company, after: row.company }
          : undefined;
      if (Object.keys(fields).length === 0 && !company) {
        results.push({ rowId: row.rowId, outcome: 'unchanged' });
        continue;
      }
      const snapshot: UpdateSnapshot = {
        ...changedFields(state.fields, fields),
        ...(company ? { company } : {}),
      };
      Object.assign(state.fields, fields);
      changed.set(row.recordId, { ...(changed.get(row.recordId) ?? {}), ...fields });
      if (company) {
        state.company = company.after;
        companyMoved.add(row.recordId);
      }
      results.push({ rowId: row.rowId, outcome: 'updated', snapshot });
    }
    if (options.dryRun || !trx) return results;
    await bulk.updateRecords(
      trx,
      CONTACT_UID,
      [...changed].map(([id, data]) => ({ id, data }))
    );
    const untouched = ids.filter((id) => companyMoved.has(id) && !changed.has(id));
    if (untouched.length)
      await bulk.updateRecords(
        trx,
        CONTACT_UID,
        untouched.map((id) => ({ id, data: {} }))
      );
    await setCompanies(
      trx,
      [...companyMoved].map((id) => [id, states.get(id)!.company])
    );
    await getService(strapi, 'duplicates').refresh('contact', [...changed.keys(), ...companyMoved]);
    await getService(strapi, 'display-names').refresh('contact', [
      ...changed.keys(),
      ...companyMoved,
    ]);
    // Their history from the values read before and written (nothing read back but names).
    if (original) {
      const written = [...new Set([...changed.keys(), ...companyMoved])];
      const companies = await customerRefs(
        strapi,
        trx,
        written
          .flatMap((id) => [original.get(id)!.company, states.get(id)!.company])
          .filter((id): id is number => id !== null)
      );
      const ref = (id: number | null) => (id === null ? null : (companies.get(id) ?? null));
      await recordUpdated(
        strapi,
        trx,
        'contact',
        CONTACT_UID,
        written.map((id) => {
          const fields = changed.get(id) ?? {};
          const was = original.get(id)!;
          const moved = companyMoved.has(id);
          const before: Record<string, HistoryValue> = moved ? { company: ref(was.company) } : {};
          const after: Record<string, HistoryValue> = moved
            ? { company: ref(states.get(id)!.company) }
            : {};
          return {
            id,
            before: Object.fromEntries(Object.keys(fields).map((name) => [name, was.fields[name]])),
            after: fields,
            relations: { before, after },
          };
        })
      );
    }
    return results;
  };

  /** Points each contact at its company (or none), replacing the link it had. */
  const setCompanies = async (trx: Knex, pairs: [number, number | null][]) => {
    if (pairs.length === 0) return;
    const relation = link(CONTACT_UID, 'company');
    for (let i = 0; i < pairs.length; i += CHUNK)
      await trx(relation.table)
        .whereIn(
          relation.owner,
          pairs.slice(i, i + CHUNK).map(([id]) => id)
        )
        .delete();
    await bulk.links(
      trx,
      relation,
      pairs.filter((pair): pair is [number, number] => pair[1] !== null)
    );
  };

  const applyCustomers = async (
    trx: Knex | null,
    rows: readonly RowUpdate[],
    options: ApplyOptions
  ): Promise<UpdateResult[]> => {
    const ids = [...new Set(rows.map((row) => row.recordId))];
    if (!options.dryRun) await getService(strapi, 'customer-locks').lock(ids);
    const states = await loadCustomers(ids);
    const cipher = getService(strapi, 'ssn').cipher();
    const changed = new Map<number, Record<string, unknown>>();
    const pointValues = new Map<
      string,
      { kind: ContactPointKind; id: number; data: Record<string, unknown> }
    >();
    const added: {
      kind: ContactPointKind;
      customerId: number;
      data: Record<string, unknown>;
      snapshot: UpdateSnapshot;
    }[] = [];
    const results: UpdateResult[] = [];
    // Customers whose fields or points change: their updatedAt and search entries follow.
    const touched = new Set<number>();
    for (const row of rows) {
      if (sliceIsOver()) await yieldToEventLoop();
      const state = states.get(row.recordId);
      const data = row.data as CustomerRow;
      if (!state) {
        results.push({
          rowId: row.rowId,
          outcome: 'failed',
          issues: [{ field: '', reason: 'the record was deleted while the import ran' }],
        });
        continue;
      }
      const storedSsn = state.fields.ssnEncrypted as string | null | undefined;
      const givenSsn = data.customer.ssnEncrypted;
      let update: ReturnType<typeof customerUpdate>;
      try {
        update = customerUpdate(state, data, {
          ...options,
          limits: settings().limits,
          sameSsn: Boolean(
            storedSsn && givenSsn && cipher.decrypt(storedSsn) === cipher.decrypt(givenSsn)
          ),
        });
      } catch (error) {
        results.push({ rowId: row.rowId, outcome: 'failed', issues: issuesOf(error) });
        continue;
      }
      if (isEmptyUpdate(update)) {
        results.push({ rowId: row.rowId, outcome: 'unchanged' });
        continue;
      }
      const snapshot: UpdateSnapshot = {
        ...changedFields(state.fields, update.fields),
        ...(update.changedPoints.length ? { changedPoints: update.changedPoints } : {}),
        ...(update.addedPoints.length ? { addedPoints: [] } : {}),
      };
      Object.assign(state.fields, update.fields);
      changed.set(row.recordId, { ...(changed.get(row.recordId) ?? {}), ...update.fields });
      touched.add(row.recordId);
      for (const point of update.changedPoints) {
        const stored = state.points[point.kind].find((candidate) => candidate.id === point.id)!;
        Object.assign(stored, point.after);
        pointValues.set(`${point.kind}:${point.id}`, {
          kind: point.kind,
          id: point.id,
          data: { ...(pointValues.get(`${point.kind}:${point.id}`)?.data ?? {}), ...point.after },
        });
      }
      for (const point of update.addedPoints) {
        // Known to the rows after this one (its id comes once written), so they do not add it twice.
        state.points[point.kind].push({ id: -1, ...point.data } as StoredPoint);
        added.push({ kind: point.kind, customerId: row.recordId, data: point.data, snapshot });
      }
      results.push({ rowId: row.rowId, outcome: 'updated', snapshot });
    }
    if (options.dryRun || !trx) return results;
    // The records' state before, for their history entries (still under the locks taken above).
    const session = getService(strapi, 'history').currentSession();
    await session?.watch(CUSTOMER_UID, [...touched]);
    for (const kind of CONTACT_POINT_KINDS)
      await session?.watch(
        CONTACT_POINT_UIDS[kind],
        [...pointValues.values()].filter((point) => point.kind === kind).map((point) => point.id)
      );
    await bulk.updateRecords(
      trx,
      CUSTOMER_UID,
      [...touched].map((id) => ({ id, data: changed.get(id) ?? {} }))
    );
    for (const kind of CONTACT_POINT_KINDS) {
      const values = [...pointValues.values()].filter((point) => point.kind === kind);
      await bulk.updateRecords(
        trx,
        CONTACT_POINT_UIDS[kind],
        values.map(({ id, data }) => ({ id, data }))
      );
      const made = added.filter((point) => point.kind === kind);
      const pointIds = await bulk.records(
        trx,
        CONTACT_POINT_UIDS[kind],
        made.map((point) => point.data)
      );
      await bulk.links(
        trx,
        link(CONTACT_POINT_UIDS[kind], 'customer'),
        made.map((point, i) => [pointIds[i], point.customerId])
      );
      session?.created(CONTACT_POINT_UIDS[kind], pointIds);
      made.forEach((point, i) => point.snapshot.addedPoints!.push({ kind, id: pointIds[i] }));
    }
    await getService(strapi, 'search-index').refresh([...touched]);
    return results;
  };

  return {
    loadContacts,
    loadCustomers,
    setCompanies,

    /**
     * Applies the rows (in line order) to their records; one result per row, in order. A dry run
     * judges them the same way and writes nothing (a job's preview).
     */
    apply(
      trx: Knex | null,
      object: ImportObject,
      rows: readonly RowUpdate[],
      options: ApplyOptions
    ): Promise<UpdateResult[]> {
      if (rows.length === 0) return Promise.resolve([]);
      return object === 'contacts'
        ? applyContacts(trx, rows, options)
        : applyCustomers(trx, rows, options);
    },
  };
};
