import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import {
  clusterPairs,
  comparePrepared,
  heartbeatIntervalMs,
  isJobStale,
  prepareRecord,
  staleCheckIntervalMs,
  type ImportObject,
  type PreparedRecord,
} from '../domain';
import { createDuplicateScanResults, type ScanPair } from '../repositories/duplicate-scan-results';
import { createJobClaims, JobTakenOver } from '../repositories/import-job-claims';
import { createMatchKeys, type MatchKind } from '../repositories/match-keys';
import { createMatchRecords } from '../repositories/match-records';
import { createScanCandidates } from '../repositories/scan-candidates';
import type { Actor } from '../utils/actor';
import { runInBackground, sliceIsOver, yieldToEventLoop } from '../utils/event-loop';
import { getService } from '../utils/get-service';
import { keepBeating } from '../utils/heartbeat';
import { errors } from '../utils/strapi-utils';
import { DUPLICATE_SCAN_UID } from '../utils/uids';
import { duplicateView } from './duplicates';

/** Records whose pairs are found, matched and written per transaction. */
const BATCH = 500;

interface ScanRow {
  id: number;
  documentId: string;
  object: ImportObject;
  stage: 'running' | 'done' | 'failed';
  threshold: number | null;
  cursor: number | null;
  progress: { done: number; total: number } | null;
  pairCount: number | null;
  clusterCount: number | null;
  error: string | null;
  ownerType: Actor['type'] | null;
  ownerId: string | null;
  ownerName: string | null;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
}

const kindOf = (object: ImportObject): MatchKind =>
  object === 'contacts' ? 'contact' : 'customer';

/**
 * Scans of every customer or contact for duplicates, in the background like imports: a scan is
 * claimed by one node, which keeps a heartbeat; each batch of records is matched against its
 * candidates with a higher id (each pair once; see scan-candidates) and its pairs are written with
 * the scan's cursor in one transaction, so a scan taken over after a crash goes on where it was.
 * At the end the pairs become clusters, best first.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const scans = () => strapi.db.query(DUPLICATE_SCAN_UID);
  const claims = createJobClaims(strapi, DUPLICATE_SCAN_UID);
  const keys = createMatchKeys(strapi);
  const records = createMatchRecords(strapi);
  const candidatePairs = createScanCandidates(strapi);
  const results = createDuplicateScanResults(strapi);
  const settings = () => getService(strapi, 'settings').get();
  const running = new Set<number>();
  let timer: NodeJS.Timeout | undefined;

  const load = (kind: MatchKind, ids: readonly number[]) =>
    kind === 'customer'
      ? records.customers(strapi.db.connection, ids)
      : records.contacts(strapi.db.connection, ids);

  /**
   * The pairs of one batch scoring at or above the threshold: its candidate pairs come from the
   * database (see scan-candidates), each record is read and prepared once.
   */
  const pairsOf = async (
    scanId: number,
    kind: MatchKind,
    ids: readonly number[],
    threshold: number
  ): Promise<ScanPair[]> => {
    const candidates = await candidatePairs.pairs(scanId, kind, ids[0], ids[ids.length - 1]);
    const wanted = new Set<number>();
    for (const pair of candidates) wanted.add(pair.first).add(pair.second);
    const known = new Map<number, PreparedRecord>();
    for (const matched of await load(kind, [...wanted]))
      known.set(matched.id, prepareRecord(matched.record));
    const pairs: ScanPair[] = [];
    for (const { first, second } of candidates) {
      const a = known.get(first);
      const b = known.get(second);
      if (!a || !b) continue; // deleted since its keys were read
      const verdict = comparePrepared(a, b);
      if (verdict.score >= threshold)
        pairs.push({ first, second, score: verdict.score, reasons: verdict.reasons });
      // Matching gives the event loop a turn whenever a slice is over: requests go on being answered.
      if (sliceIsOver()) await yieldToEventLoop();
    }
    return pairs;
  };

  const finish = async (scan: ScanRow) => {
    const clusters = clusterPairs(await results.pairs(scan.id));
    await results.setClusters(
      scan.id,
      clusters.map((cluster) => ({
        score: cluster.score,
        size: cluster.ids.length,
        members: { ids: cluster.ids, pairs: cluster.pairs },
      }))
    );
    await scans().updateMany({
      where: { id: scan.id, stage: 'running', workerId },
      data: {
        stage: 'done',
        finishedAt: new Date(),
        workerId: null,
        pairCount: clusters.reduce((sum, cluster) => sum + cluster.pairs.length, 0),
        clusterCount: clusters.length,
      },
    });
  };

  const runScan = async (scanId: number) => {
    // Marked before the claim's await, so that two calls for one scan on this node run it once.
    if (running.has(scanId)) return;
    running.add(scanId);
    let stopBeating = () => {};
    try {
      if (!(await claims.claim(scanId, workerId, settings().importStaleMs))) return;
      stopBeating = keepBeating(
        () => claims.touch(scanId, workerId),
        heartbeatIntervalMs(settings().importStaleMs),
        (error) => strapi.log.warn(`[crm] a duplicate scan's heartbeat failed: ${error.message}`)
      );
      const scan = (await scans().findOne({ where: { id: scanId } })) as ScanRow;
      const kind = kindOf(scan.object);
      const threshold = scan.threshold ?? settings().duplicateThreshold;
      let cursor = scan.cursor ?? 0;
      let done = scan.progress?.done ?? 0;
      const total = scan.progress?.total ?? 0;
      // Which keys are too common to pair on, counted again by a node taking over; on statistics
      // of the key table as it is now (an import may just have doubled it).
      await keys.analyze();
      await candidatePairs.countKeys(scanId, kind);
      for (;;) {
        const owner = await claims.owner(scanId);
        if (owner?.stage !== 'running' || owner.workerId !== workerId) return; // taken over
        const ids = await keys.idsAfter(kind, cursor, BATCH);
        if (ids.length === 0) break;
        const pairs = await pairsOf(scanId, kind, ids, threshold);
        cursor = ids[ids.length - 1];
        done += ids.length;
        await strapi.db.transaction(async ({ trx }) => {
          await results.addPairs(trx, scanId, pairs);
          await trx(strapi.db.metadata.get(DUPLICATE_SCAN_UID).tableName)
            .where({ id: scanId })
            .update({ cursor });
          await claims.beat(trx, scanId, workerId, { done, total: Math.max(total, done) });
        });
        await yieldToEventLoop();
      }
      await candidatePairs.forget(scanId);
      await finish(scan);
    } catch (error) {
      if (error instanceof JobTakenOver) return; // the new owner goes on from the last batch
      strapi.log.error(`[crm] duplicate scan ${scanId} failed: ${(error as Error).message}`);
      await scans().updateMany({
        where: { id: scanId, workerId },
        data: {
          stage: 'failed',
          error: (error as Error).message,
          finishedAt: new Date(),
          workerId: null,
        },
      });
    } finally {
      stopBeating();
      running.delete(scanId);
    }
  };

  /** A scan is background work: beside requests in flight it takes short slices of the thread. */
  const run = (scanId: number) => runInBackground(() => runScan(scanId));

  const byDocumentId = async (documentId: string): Promise<ScanRow> => {
    const scan = (await scans().findOne({ where: { documentId } })) as ScanRow | null;
    if (!scan) throw new errors.NotFoundError('duplicate scan not found');
    return scan;
  };

  const view = (scan: ScanRow) => ({
    documentId: scan.documentId,
    object: scan.object,
    stage: scan.stage,
    threshold: scan.threshold,
    progress: scan.progress ?? { done: 0, total: 0 },
    pairCount: scan.pairCount ?? 0,
    clusterCount: scan.clusterCount ?? 0,
    error: scan.error ?? null,
    createdBy: scan.ownerType
      ? { type: scan.ownerType, id: scan.ownerId, name: scan.ownerName }
      : null,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
  });

  return {
    workerId,
    run,

    /** Starts a scan of every record of a kind (202); it runs in the background on this node. */
    async start(object: ImportObject, actor: Actor) {
      const kind = kindOf(object);
      const total = await keys.count(kind);
      const scan = (await scans().create({
        data: {
          object,
          stage: 'running',
          threshold: settings().duplicateThreshold,
          cursor: 0,
          progress: { done: 0, total },
          ownerType: actor.type,
          ownerId: actor.id,
          ownerName: actor.name,
          startedAt: new Date(),
        },
      })) as ScanRow;
      setImmediate(() => void run(scan.id));
      return view(scan);
    },

    /** The scan, and once done one page of its clusters with their records named. */
    async read(documentId: string, page: number, pageSize: number) {
      const scan = await byDocumentId(documentId);
      const clusters =
        scan.stage === 'done'
          ? await results.clusters(scan.id, (page - 1) * pageSize, pageSize)
          : [];
      const kind = kindOf(scan.object);
      const named = new Map(
        (await load(kind, [...new Set(clusters.flatMap((cluster) => cluster.members.ids))])).map(
          (matched) => [matched.id, matched]
        )
      );
      const total = scan.clusterCount ?? 0;
      return {
        data: {
          ...view(scan),
          clusters: clusters.map((cluster) => ({
            score: Math.round(cluster.score * 1000) / 1000,
            size: cluster.size,
            // Records deleted (or merged) since the scan are left out.
            records: cluster.members.ids
              .filter((id) => named.has(id))
              .map(
                (id) =>
                  duplicateView(kind, { matched: named.get(id)!, score: 1, reasons: [] })[kind]
              ),
            pairs: cluster.members.pairs
              .filter((pair) => named.has(pair.first) && named.has(pair.second))
              .map((pair) => ({
                first: named.get(pair.first)!.documentId,
                second: named.get(pair.second)!.documentId,
                score: Math.round(pair.score * 1000) / 1000,
                reasons: pair.reasons,
              })),
          })),
        },
        meta: {
          pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
        },
      };
    },

    /** Picks up running scans whose node went quiet. */
    async resumeStale() {
      const stale = (await scans().findMany({
        where: { stage: 'running' },
        select: ['id', 'workerId', 'heartbeatAt'],
      })) as { id: number; workerId: string | null; heartbeatAt: string | null }[];
      for (const scan of stale) {
        if (!scan.workerId || isJobStale(scan.heartbeatAt, Date.now(), settings().importStaleMs))
          void run(scan.id);
      }
    },

    /** Looks for stale scans as often as the import runner does (see `staleCheckIntervalMs`). */
    schedule(intervalMs = staleCheckIntervalMs(settings().importStaleMs)) {
      timer = setInterval(() => void this.resumeStale().catch(() => undefined), intervalMs);
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
    },
  };
};
