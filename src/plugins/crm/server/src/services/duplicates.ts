import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import {
  blockingKeys,
  comparePrepared,
  preparedBlockingKeys,
  prepareRecord,
  sharedKeysWorthComparing,
  type DuplicateReason,
  type MatchRecord,
} from '../domain/duplicates';
import { createMatchKeys, type MatchKind } from '../repositories/match-keys';
import { createMatchRecords, type MatchedRecord } from '../repositories/match-records';
import { mapYielding } from '../utils/event-loop';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import { withKnex } from '../utils/with-knex';

const REBUILD_BATCH = 2000;
/** From this many records, a rebuild writes the keys with the table's indexes dropped. */
const BULK_REBUILD = 50_000;
/** Most duplicates an answer lists. */
const LISTED = 20;

export interface DuplicateCandidate {
  matched: MatchedRecord;
  score: number;
  reasons: DuplicateReason[];
}

/** A candidate as the API answers it: the record by its name, its score and why. */
export const duplicateView = (kind: MatchKind, candidate: DuplicateCandidate) => {
  const { matched, score, reasons } = candidate;
  const { record } = matched;
  const name =
    record.type === 'business'
      ? (record.businessName ?? '')
      : [record.firstName, record.lastName].filter(Boolean).join(' ');
  return {
    [kind]: {
      documentId: matched.documentId,
      ...(kind === 'customer'
        ? { customerNumber: matched.customerNumber ?? null, type: matched.type }
        : {}),
      name,
    },
    score: Math.round(score * 1000) / 1000,
    reasons,
  };
};

/**
 * Duplicate customers and contacts: each record's blocking keys kept in the match keys table in
 * the transaction of its writes (customers through the search index's refresh, contacts through
 * their gate, the import and removals), and candidates read by key and scored by the domain's
 * matcher.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const keys = createMatchKeys(strapi);
  const records = createMatchRecords(strapi);
  const threshold = () => getService(strapi, 'settings').get().duplicateThreshold;

  const load = (knex: Knex, kind: MatchKind, ids: readonly number[]) =>
    kind === 'customer' ? records.customers(knex, ids) : records.contacts(knex, ids);

  // Yielding: an import's batch computes the keys of thousands of records at a time.
  const keysOf = async (knex: Knex, kind: MatchKind, ids: readonly number[]) =>
    new Map(
      await mapYielding(await load(knex, kind, ids), (matched) => [
        matched.id,
        blockingKeys(matched.record),
      ])
    );

  const writeKeys = async (
    knex: Knex,
    kind: MatchKind,
    ids: readonly number[],
    created: boolean
  ) => {
    const written = await keysOf(knex, kind, ids);
    // Records made in this transaction hold no keys yet: nothing to delete first (on PostgreSQL
    // the deletes of an import's new contacts took a quarter of its run).
    if (created) await keys.add(knex, kind, written);
    else await keys.replace(knex, kind, ids, written);
  };

  return {
    /**
     * Rewrites the keys of these records from the tables (those gone lose theirs), in the current
     * transaction. `created`: the records were inserted in this transaction, so they have none.
     */
    async refresh(
      kind: MatchKind,
      ids: readonly number[],
      { created = false }: { created?: boolean } = {}
    ): Promise<void> {
      const unique = [...new Set(ids.map(Number).filter((id) => Number.isInteger(id) && id > 0))];
      if (unique.length === 0) return;
      await withKnex(strapi, async (knex) => {
        for (let i = 0; i < unique.length; i += REBUILD_BATCH)
          await writeKeys(knex, kind, unique.slice(i, i + REBUILD_BATCH), created);
      });
    },

    remove: (kind: MatchKind, ids: readonly number[]) => keys.remove(kind, ids),

    inStep: (kind: MatchKind) => keys.inStep(kind),

    /** Writes the keys of every record of a kind again, batch by batch (start-up, after drift). */
    async rebuild(kind: MatchKind, onProgress?: (done: number) => void): Promise<number> {
      await keys.clear(kind);
      const writeAll = async () => {
        let done = 0;
        for (let after = 0; ;) {
          const ids = await keys.idsAfter(kind, after, REBUILD_BATCH);
          if (ids.length === 0) return done;
          // The table holds no keys of this kind any more: nothing to delete first.
          await keys.inOwnTransaction(async (knex) =>
            keys.add(knex, kind, await keysOf(knex, kind, ids))
          );
          after = ids[ids.length - 1];
          done += ids.length;
          onProgress?.(done);
        }
      };
      const done =
        (await keys.count(kind)) >= BULK_REBUILD
          ? await keys.withoutIndexes(writeAll)
          : await writeAll();
      await keys.markVersion(kind);
      await keys.analyze();
      return done;
    },

    /**
     * The records that look like `record`, at or above the threshold, best first: those sharing
     * blocking keys worth comparing with it, scored by the matcher. `exclude` leaves out the
     * record itself.
     */
    async candidatesOf(
      kind: MatchKind,
      record: MatchRecord,
      exclude: readonly number[] = [],
      minimum = threshold()
    ): Promise<DuplicateCandidate[]> {
      const prepared = prepareRecord(record);
      const shared = await keys.candidates(kind, preparedBlockingKeys(prepared));
      for (const id of exclude) shared.delete(id);
      // The pairs a scan would compare, no others: the same record finds the same duplicates.
      for (const [id, keysShared] of shared)
        if (!sharedKeysWorthComparing(keysShared)) shared.delete(id);
      if (shared.size === 0) return [];
      const matched = await withKnex(strapi, (knex) => load(knex, kind, [...shared.keys()]));
      return matched
        .map((candidate) => ({
          matched: candidate,
          ...comparePrepared(prepared, prepareRecord(candidate.record)),
        }))
        .filter((candidate) => candidate.score >= minimum)
        .sort((a, b) => b.score - a.score || a.matched.id - b.matched.id)
        .slice(0, LISTED);
    },

    /** The possible duplicates of a stored record (404 when there is none by that documentId). */
    async duplicatesOf(kind: MatchKind, documentId: string): Promise<DuplicateCandidate[]> {
      const uid = kind === 'customer' ? CUSTOMER_UID : CONTACT_UID;
      const row = await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'] });
      if (!row) throw new errors.NotFoundError(`${kind} not found`);
      const [self] = await withKnex(strapi, (knex) => load(knex, kind, [row.id]));
      return this.candidatesOf(kind, self.record, [row.id]);
    },
  };
};
