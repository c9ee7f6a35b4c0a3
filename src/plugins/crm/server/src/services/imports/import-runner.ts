import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import {
  columnDateOrders,
  companyCustomer,
  heartbeatIntervalMs,
  maskSsnsInText,
  staleCheckIntervalMs,
} from '../../domain';
import { createBulkInsert } from '../../repositories/bulk-insert';
import { createImportJobClaims, JobTakenOver } from '../../repositories/import-job-claims';
import { conflict } from '../../utils/errors';
import { runInBackground, yieldToEventLoop } from '../../utils/event-loop';
import { getService } from '../../utils/get-service';
import { keepBeating } from '../../utils/heartbeat';
import { CUSTOMER_UID, IMPORT_JOB_UID } from '../../utils/uids';
import { IMPORT_EVENTS } from '../import-events';
import { createImportBatch, type CompanyTarget } from './import-batch';
import { historySession, historyTransaction, importWriter, withHistory } from './import-history';
import type { Decision } from './import-jobs';

// Rows written per transaction: large enough that statements and commits stay few, small enough
// that a crash redoes little and other writers wait briefly.
const BATCH = 2000;
const PURGE_EVERY_MS = 3600_000;

/**
 * Runs started imports in the background. A job is claimed under a row
 * lock by one Strapi node, which keeps a heartbeat; each batch of rows is written in one
 * transaction together with those rows' results, so a crash loses nothing and a resumed job skips
 * what is done. Each batch is written by `import-batch.ts`: new records bulk-inserted (the rules
 * were applied when the rows were validated), matched ones updated through the update rules.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const jobs = () => strapi.db.query(IMPORT_JOB_UID);
  const running = new Set<number>();
  const bulk = createBulkInsert(strapi);
  const claims = createImportJobClaims(strapi);
  const batches = createImportBatch(strapi);
  const staging = () => getService(strapi, 'import-rows');
  let timer: NodeJS.Timeout | undefined;

  const staleMs = () => getService(strapi, 'settings').get().importStaleMs;

  /** Takes a running job nobody (alive) works on; true when this node now owns it. */
  const claim = (jobId: number) => claims.claim(jobId, workerId, staleMs());

  /**
   * What each company group of a contacts job resolves to: the linked customer, or the customer
   * made for a "create" decision. Every company still to create is created here in one bulk
   * insert, through the customer rules, in the same transaction that records the new ids in the
   * job's decisions, so a resumed job never creates a company twice. Groups whose linked customer
   * was deleted since the decision resolve to `missing`.
   */
  const resolveCompanies = async (job: {
    id: number;
    documentId: string;
  }): Promise<Map<string, CompanyTarget>> => {
    const jobId = job.id;
    // Read first: the staging service queries outside of this transaction.
    const planned =
      (await jobs().findOne({ where: { id: jobId }, select: ['decisions'] }))?.decisions ?? {};
    const createKeys = Object.keys(planned).filter(
      (key) => planned[key].action === 'create' && !planned[key].createdId
    );
    const names = await getService(strapi, 'import-rows').companyNames(jobId, createKeys);
    return historyTransaction(strapi, importWriter(strapi, job), async (trx) => {
      // Locked, so that a node taking over a job it thinks stale cannot create the same companies.
      const decisions =
        (await claims.lockedDecisions<Record<string, Decision & { createdId?: number }>>(
          trx,
          jobId
        )) ?? {};
      const targets = new Map<string, CompanyTarget>();

      const linked = Object.entries(decisions).filter(
        ([, decision]) => decision.action === 'link'
      ) as [string, { customer: string }][];
      const found = linked.length
        ? await strapi.db.query(CUSTOMER_UID).findMany({
            where: { documentId: { $in: linked.map(([, d]) => d.customer) } },
            select: ['id', 'documentId'],
          })
        : [];
      const idOf = new Map(
        found.map((customer: { id: number; documentId: string }) => [
          customer.documentId,
          customer.id,
        ])
      );
      for (const [key, decision] of linked)
        targets.set(
          key,
          idOf.has(decision.customer) ? { id: idOf.get(decision.customer)! } : 'missing'
        );

      for (const [key, decision] of Object.entries(decisions)) {
        if (decision.action === 'skip') targets.set(key, 'skip');
        if (decision.action === 'create' && decision.createdId)
          targets.set(key, { id: decision.createdId });
      }
      const toCreate = Object.entries(decisions)
        .filter(([, decision]) => decision.action === 'create' && !decision.createdId)
        .map(([key]) => key);
      if (toCreate.length) {
        const numbers = await getService(strapi, 'customer-numbers').reserve(toCreate.length);
        const ids = await bulk.records(
          trx,
          CUSTOMER_UID,
          toCreate.map((key, i) => ({
            ...companyCustomer(names.get(key) ?? key),
            customerNumber: numbers[i],
          }))
        );
        toCreate.forEach((key, i) => {
          decisions[key] = { action: 'create', createdId: ids[i] };
          targets.set(key, { id: ids[i] });
        });
        historySession(strapi)?.created(CUSTOMER_UID, ids);
        await getService(strapi, 'search-index').refresh(ids);
        await jobs().update({ where: { id: jobId }, data: { decisions } });
      }
      return targets;
    });
  };

  /** Done, counted, written only while this node still owns the running job. */
  const finish = async (jobId: number) => {
    const counted = await getService(strapi, 'import-rows').counts(jobId);
    const job = await jobs().findOne({ where: { id: jobId } });
    const { count } = await jobs().updateMany({
      where: { id: jobId, stage: 'running', workerId },
      data: {
        revision: (job.revision ?? 0) + 1,
        stage: 'done',
        finishedAt: new Date(),
        workerId: null,
        counts: {
          ...job.counts,
          imported: counted.imported ?? 0,
          created: counted.created ?? 0,
          updated: counted.updated ?? 0,
          unchanged: counted.unchanged ?? 0,
          ignored: (counted.invalid ?? 0) + (counted.ignored ?? 0),
          failed: counted.failed ?? 0,
        },
        progress: { done: job.progress?.total ?? 0, total: job.progress?.total ?? 0 },
      },
    });
    if (count > 0)
      await getService(strapi, 'import-events').emit(IMPORT_EVENTS.CRM_IMPORT_FINISHED, jobId);
  };

  /**
   * Imports a claimed job batch by batch; each batch and its rows' results commit together. It
   * runs as background work, giving way to requests in flight.
   */
  const run = (jobId: number) => runInBackground(() => runJob(jobId));

  const runJob = async (jobId: number) => {
    // Marked before the claim's await: the start and the stale-job timer may both call this for a
    // job that has just started, and the claim answers yes to this node each time.
    if (running.has(jobId)) return;
    running.add(jobId);
    let stopBeating = () => {};
    try {
      if (!(await claim(jobId))) return;
      stopBeating = keepBeating(
        () => claims.touch(jobId, workerId),
        heartbeatIntervalMs(staleMs()),
        (error) => strapi.log.warn(`[crm] an import's heartbeat failed: ${error.message}`)
      );
      const job = await jobs().findOne({ where: { id: jobId } });
      const total = job.progress?.total ?? 0;
      const companies =
        job.object === 'contacts' ? await resolveCompanies(job) : new Map<string, CompanyTarget>();
      const writer = importWriter(strapi, job);
      let done = await staging().settled(jobId);
      for (let after = 0; ;) {
        // SQLite's driver answers at once, so without this the whole run would be one turn of
        // the event loop: requests wait between batches no longer than one batch.
        await yieldToEventLoop();
        const owner = await claims.owner(jobId);
        if (owner?.stage !== 'running' || owner.workerId !== workerId) return; // taken over
        const rows = await staging().pending(jobId, after, BATCH);
        if (rows.length === 0) break;
        after = rows[rows.length - 1].line;
        try {
          await strapi.db.transaction(async ({ trx }) => {
            // Each batch's records get their history entries in the batch's own transaction.
            await withHistory(strapi, writer, () => batches.write(trx, job, rows, companies));
            await claims.beat(trx, jobId, workerId, { done: done + rows.length, total });
          });
        } catch (error) {
          // Taken over by another node while this one stalled: the batch rolled back, its rows
          // stay pending for the new owner.
          if (error instanceof JobTakenOver) return;
          // A batch that cannot be written is marked failed with its reason; the rest goes on.
          // A database message may quote the values it choked on: SSN-shaped numbers are masked.
          const message = maskSsnsInText((error as Error).message);
          await staging().markRows(
            rows.map((row) => row.id),
            'failed',
            JSON.stringify([{ field: '', reason: message }])
          );
          strapi.log.error(
            `[crm] import ${job.documentId}: a batch of ${rows.length} rows failed: ${message}`
          );
        }
        done += rows.length;
      }
      await finish(jobId);
    } finally {
      stopBeating();
      running.delete(jobId);
    }
  };

  /** Validations (after a mapping or mode change) whose node went quiet are taken over here. */
  const resumeStaleValidations = async () => {
    const importJobs = getService(strapi, 'import-jobs');
    const validating = await jobs().findMany({ where: { stage: 'validating' }, select: ['id'] });
    for (const { id } of validating as { id: number }[])
      await importJobs
        .resumeValidation(id)
        .catch((error) =>
          strapi.log.error(`[crm] resuming a validation failed: ${maskSsnsInText(error.message)}`)
        );
  };

  return {
    workerId,
    run,

    /** Starts a ready import (202); it runs in the background on this node. */
    async start(documentId: string, startedBy: string | null) {
      const importJobs = getService(strapi, 'import-jobs');
      const job = await importJobs.load(documentId);
      if (job.stage === 'reference-data')
        throw conflict('decide what to do with every unmatched company before starting');
      if (job.stage === 'validating')
        throw conflict('the import is being validated; start it when that is done');
      if (job.stage !== 'ready') throw conflict(`the import is already ${job.stage}`);
      const ambiguous = Object.entries(columnDateOrders(job))
        .filter(([, order]) => order === 'ambiguous')
        .map(([header]) => `"${header}"`);
      if (ambiguous.length || (job.counts?.pending ?? 0) > 0)
        throw conflict(
          `the date order of ${ambiguous.join(', ') || 'a date column'} is ambiguous (its dates fit day/month and month/day): set it with PUT …/mapping { "dateFormats": { "<column>": "DMY" or "MDY" } }`
        );
      // Only one start wins, even when two arrive together, and none while another change is under way.
      const started = await importJobs.changeJob(
        job,
        { stage: 'running', startedBy, startedAt: new Date() },
        ['ready']
      );
      if (!started) throw conflict('the import has just been started or changed; load it again');
      setImmediate(
        () =>
          void run(job.id).catch((error) =>
            strapi.log.error(`[crm] import ${documentId} failed: ${maskSsnsInText(error.message)}`)
          )
      );
      return importJobs.view(await importJobs.load(documentId));
    },

    /** Picks up running and validating jobs whose worker went quiet (a crash, a stopped node). */
    async resumeStale() {
      await resumeStaleValidations();
      const stale = await jobs().findMany({
        where: { stage: 'running' },
        select: ['id', 'workerId', 'heartbeatAt'],
      });
      for (const job of stale) {
        const quiet =
          !job.heartbeatAt || Date.now() - new Date(job.heartbeatAt).getTime() >= staleMs();
        if (!job.workerId || quiet)
          void run(job.id).catch((error) =>
            strapi.log.error(`[crm] resuming an import failed: ${error.message}`)
          );
      }
    },

    /**
     * Every `intervalMs` (by default a quarter of the stale time, at most 5 s, so that a job is
     * taken over within `importStaleMs` + 5 s), resumes stale jobs; once an hour, purges the cells
     * of expired ones.
     */
    schedule(intervalMs = staleCheckIntervalMs(staleMs())) {
      let lastPurge = 0;
      timer = setInterval(() => {
        void this.resumeStale().catch(() => undefined);
        if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
        lastPurge = Date.now();
        void getService(strapi, 'import-jobs')
          .purgeExpired()
          .catch((error) =>
            strapi.log.warn(`[crm] purging expired import rows failed: ${error.message}`)
          );
      }, intervalMs);
      timer.unref();
    },

    stop() {
      if (timer) clearInterval(timer);
    },
  };
};
