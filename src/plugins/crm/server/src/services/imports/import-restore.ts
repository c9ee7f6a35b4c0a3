import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import {
  CONTACT_POINT_KINDS,
  changedSinceImport,
  type ContactPointKind,
  type ImportObject,
  type RestorableSnapshot,
  type RestorableState,
} from '../../domain';
import { createBulkInsert } from '../../repositories/bulk-insert';
import { getService } from '../../utils/get-service';
import { CONTACT_POINT_UIDS, CONTACT_UID, CUSTOMER_UID } from '../../utils/uids';
import { historySession } from './import-history';
import { createRecordUpdates } from './record-updates';

/** An imported row that updated its record, with what the update wrote. */
export interface UpdatedRow {
  id: number;
  line: number;
  recordId: number;
  snapshot: RestorableSnapshot;
}

export interface RestoreResult {
  /** Rows whose update was undone. */
  restoredRows: number[];
  /** Records set back to their values before the import. */
  restored: number;
  /** Records left as they are, with what changed since the import (empty: deleted since). */
  kept: { recordId: number; fields: string[] }[];
}

/**
 * Undoes an import's updates: the latest row first, each record set back to the values before
 * the row only if it still holds what the row wrote; otherwise it is left as it is and named,
 * with the fields changed since. Runs inside the undo's transaction; records locked as a REST
 * update locks them.
 */
export const createImportRestore = (strapi: Core.Strapi) => {
  const records = createRecordUpdates(strapi);
  const bulk = createBulkInsert(strapi);

  const load = async (object: ImportObject, ids: number[]) => {
    if (object === 'contacts') {
      await getService(strapi, 'customer-locks').lockRows(CONTACT_UID, ids);
      return (await records.loadContacts(ids)) as Map<number, RestorableState>;
    }
    await getService(strapi, 'customer-locks').lock(ids);
    return (await records.loadCustomers(ids)) as Map<number, RestorableState>;
  };

  return {
    async restore(trx: Knex, object: ImportObject, rows: UpdatedRow[]): Promise<RestoreResult> {
      const result: RestoreResult = { restoredRows: [], restored: 0, kept: [] };
      if (rows.length === 0) return result;
      const ids = [...new Set(rows.map((row) => row.recordId))];
      const states = await load(object, ids);
      const keptIds = new Set<number>();
      const fieldChanges = new Map<number, Record<string, unknown>>();
      const companies = new Map<number, number | null>();
      const pointValues = new Map<
        string,
        { kind: ContactPointKind; id: number; data: Record<string, unknown> }
      >();
      const removedPoints: { kind: ContactPointKind; id: number; recordId: number }[] = [];
      const restoredIds = new Set<number>();
      for (const row of [...rows].sort((a, b) => b.line - a.line)) {
        if (keptIds.has(row.recordId)) continue;
        const state = states.get(row.recordId);
        const changed = state ? changedSinceImport(state, row.snapshot) : [];
        if (!state || changed.length) {
          keptIds.add(row.recordId);
          result.kept.push({ recordId: row.recordId, fields: changed });
          continue;
        }
        const { before, company, changedPoints = [], addedPoints = [] } = row.snapshot;
        Object.assign(state.fields, before);
        fieldChanges.set(row.recordId, { ...(fieldChanges.get(row.recordId) ?? {}), ...before });
        if (company) {
          state.company = company.before;
          companies.set(row.recordId, company.before);
        }
        for (const point of changedPoints) {
          const stored = state.points?.[point.kind].find((candidate) => candidate.id === point.id);
          if (stored) Object.assign(stored, point.before);
          const key = `${point.kind}:${point.id}`;
          pointValues.set(key, {
            kind: point.kind,
            id: point.id,
            data: { ...(pointValues.get(key)?.data ?? {}), ...point.before },
          });
        }
        for (const point of addedPoints) {
          removedPoints.push({ ...point, recordId: row.recordId });
          if (state.points)
            state.points[point.kind] = state.points[point.kind].filter((p) => p.id !== point.id);
        }
        restoredIds.add(row.recordId);
        result.restoredRows.push(row.id);
      }
      // A record kept for a later row's sake keeps what its earlier rows wrote too.
      result.restoredRows = result.restoredRows.filter(
        (rowId) => !keptIds.has(rows.find((row) => row.id === rowId)!.recordId)
      );
      for (const id of keptIds) {
        restoredIds.delete(id);
        fieldChanges.delete(id);
        companies.delete(id);
      }
      const uid = object === 'contacts' ? CONTACT_UID : CUSTOMER_UID;
      // What the records and their points are now, for their history entries.
      const session = historySession(strapi);
      await session?.watch(uid, [...restoredIds]);
      for (const kind of CONTACT_POINT_KINDS)
        await session?.watch(CONTACT_POINT_UIDS[kind], [
          ...[...pointValues.values()].filter((p) => p.kind === kind).map((p) => p.id),
          ...removedPoints.filter((p) => p.kind === kind).map((p) => p.id),
        ]);
      await bulk.updateRecords(
        trx,
        uid,
        [...restoredIds].map((id) => ({ id, data: fieldChanges.get(id) ?? {} }))
      );
      if (object === 'contacts') {
        await records.setCompanies(trx, [...companies]);
        await getService(strapi, 'duplicates').refresh('contact', [...restoredIds]);
        await getService(strapi, 'display-names').refresh('contact', [...restoredIds]);
      } else {
        const owned = (kind: ContactPointKind, id: number) =>
          [...restoredIds].some((customerId) =>
            states.get(customerId)?.points?.[kind].some((point) => point.id === id)
          );
        for (const kind of CONTACT_POINT_KINDS) {
          await bulk.updateRecords(
            trx,
            CONTACT_POINT_UIDS[kind],
            [...pointValues.values()]
              .filter((point) => point.kind === kind && owned(kind, point.id))
              .map(({ id, data }) => ({ id, data }))
          );
          const removing = removedPoints
            .filter((point) => point.kind === kind && restoredIds.has(point.recordId))
            .map((point) => point.id);
          if (removing.length)
            await strapi.db
              .query(CONTACT_POINT_UIDS[kind])
              .deleteMany({ where: { id: { $in: removing } } });
        }
        await getService(strapi, 'search-index').refresh([...restoredIds]);
      }
      result.restored = restoredIds.size;
      return result;
    },
  };
};
