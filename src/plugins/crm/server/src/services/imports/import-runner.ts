import { randomUUID } from 'node:crypto';

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import {
  columnDateOrders,
  DEFAULT_MATCH_BY,
  ambiguousMatchReason,
  companyCustomer,
  duplicateReason,
  externalIdTaken,
  inFileDuplicates,
  matchReason,
  matchRow,
  rowMatchValues,
  type ImportMatchKey,
  type ImportObject,
  maskSsnsInText,
  type ContactRow,
  type CustomerRow,
} from '../../domain';
import { createBulkInsert } from '../../repositories/bulk-insert';
import { createImportJobClaims } from '../../repositories/import-job-claims';
import { type RelatedIds, type StagedRow } from '../../repositories/import-rows';
import { conflict } from '../../utils/errors';
import { getService } from '../../utils/get-service';
import { CONTACT_POINT_UIDS, CONTACT_UID, CUSTOMER_UID, IMPORT_JOB_UID } from '../../utils/uids';
import { IMPORT_EVENTS } from '../import-events';
import type { Decision } from './import-jobs';
import { createRecordMatches } from './record-matches';

// Rows written per transaction: large enough that statements and commits stay few, small enough
// that a crash redoes little and other writers wait briefly.
const BATCH = 2000;
const PURGE_EVERY_MS = 3600_000;

/** A company group's customer, or why its rows get none. */
type CompanyTarget = { id: number } | 'skip' | 'missing';

/**
 * Runs started imports in the background. A job is claimed under a row
 * lock by one Strapi node, which keeps a heartbeat; each batch of rows is written in one
 * transaction together with those rows' results, so a crash loses nothing and a resumed job skips
 * what is done. Records are bulk-inserted with their link-table rows; the rules were applied when
 * the rows were validated, through the same domain functions as every other write.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const jobs = () => strapi.db.query(IMPORT_JOB_UID);
  const running = new Set<number>();
  const bulk = createBulkInsert(strapi);
  const claims = createImportJobClaims(strapi);
  const recordMatches = createRecordMatches(strapi);
  const staging = () => getService(strapi, 'import-rows');
  let timer: NodeJS.Timeout | undefined;

  const link = (uid: string, attribute: string) =>
    getService(strapi, 'network-repository').link(uid, attribute);
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
  const resolveCompanies = async (jobId: number): Promise<Map<string, CompanyTarget>> => {
    // Read first: the staging service queries outside of this transaction.
    const planned =
      (await jobs().findOne({ where: { id: jobId }, select: ['decisions'] }))?.decisions ?? {};
    const createKeys = Object.keys(planned).filter(
      (key) => planned[key].action === 'create' && !planned[key].createdId
    );
    const names = await getService(strapi, 'import-rows').companyNames(jobId, createKeys);
    return strapi.db.transaction(async ({ trx }) => {
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
        await getService(strapi, 'search-index').refresh(ids);
        await jobs().update({ where: { id: jobId }, data: { decisions } });
      }
      return targets;
    });
  };

  /**
   * The rows that may be written: a row whose external id another record already has, or an
   * earlier row of the batch, ends failed with the rule it breaks. The ids stay locked until the
   * batch commits, so a concurrent writer of the same id waits and then sees these records.
   */
  const withFreeExternalIds = async (
    object: ImportObject,
    rows: StagedRow[],
    externalIdOf: (row: StagedRow) => string | null
  ): Promise<StagedRow[]> => {
    const keyed = rows.map((row) => {
      const externalId = externalIdOf(row);
      return {
        row,
        values: [['externalId', externalId === null ? [] : [externalId]]] as [
          ImportMatchKey,
          string[],
        ][],
      };
    });
    const ids = keyed.flatMap(({ values }) => values[0][1]);
    if (ids.length === 0) return rows;
    const found = await recordMatches.lockAndFind(object, new Map([['externalId', new Set(ids)]]));
    const holderOf = (row: (typeof keyed)[number]) =>
      found('externalId', row.values[0][1][0] ?? '')[0];
    const named = await recordMatches.documentIds(
      object,
      keyed.map(holderOf).filter((id) => id !== undefined)
    );
    const repeated = inFileDuplicates(
      keyed
        .filter((entry) => holderOf(entry) === undefined)
        .map(({ row, values }) => ({ line: row.line, values }))
    );
    const kind = object === 'contacts' ? 'contact' : 'customer';
    const refused: { id: number; status: 'failed'; reason: string }[] = [];
    const kept: StagedRow[] = [];
    for (const entry of keyed) {
      const externalId = entry.values[0][1][0];
      const holder = holderOf(entry);
      const earlier = repeated.get(entry.row.line);
      const reason =
        holder !== undefined
          ? externalIdTaken(externalId, kind, named.get(holder) ?? String(holder)).message
          : earlier
            ? `externalId "${externalId}" is also on line ${earlier.line}, imported first`
            : null;
      if (reason === null) kept.push(entry.row);
      else
        refused.push({
          id: entry.row.id,
          status: 'failed',
          reason: JSON.stringify([{ field: 'externalId', reason }]),
        });
    }
    await staging().markEach(refused);
    return kept;
  };

  /**
   * Rows that are records the CRM already has (by the job's keys, the first key that finds one
   * deciding) or that repeat an earlier row of the file are not created again: they end ignored,
   * naming the record or the line; a key that finds several records makes its row invalid, naming
   * them, never a guess. The rest are returned, to be created. The key values stay locked until
   * the batch commits, so a concurrent import of the same keys finds these records.
   */
  const setAsideExisting = async (
    jobId: number,
    object: ImportObject,
    rows: StagedRow[]
  ): Promise<StagedRow[]> => {
    const matchBy = DEFAULT_MATCH_BY[object];
    const keyed = rows.map((row) => ({
      row,
      values: rowMatchValues(object, matchBy, row.data as ContactRow | CustomerRow),
    }));
    const wanted = new Map<ImportMatchKey, Set<string>>();
    for (const { values } of keyed)
      for (const [key, list] of values) {
        if (list.length && !wanted.has(key)) wanted.set(key, new Set());
        for (const value of list) wanted.get(key)!.add(value);
      }
    if (wanted.size === 0) return rows;
    const found = await recordMatches.lockAndFind(object, wanted);
    const matched = keyed.map((entry) => ({ ...entry, match: matchRow(entry.values, found) }));
    const recordIds = matched.flatMap(({ match }) =>
      match.kind === 'one' ? [match.recordId] : match.kind === 'many' ? match.recordIds : []
    );
    // Records this job made from earlier rows: a row matching one of them repeats that row.
    const madeByLine = await staging().linesOfRecords(jobId, recordIds);
    const named = await recordMatches.documentIds(object, recordIds);
    const duplicates = inFileDuplicates(
      matched
        .filter(({ match }) => match.kind === 'none')
        .map(({ row, values }) => ({ line: row.line, values }))
    );
    const kind = object === 'contacts' ? 'contact' : 'customer';
    const because = (field: string, reason: string) => JSON.stringify([{ field, reason }]);
    const outcomes: { id: number; status: 'ignored' | 'invalid'; reason: string }[] = [];
    const fresh: StagedRow[] = [];
    for (const { row, match } of matched) {
      if (match.kind === 'one') {
        const line = madeByLine.get(match.recordId);
        const reason =
          line !== undefined
            ? duplicateReason(line)
            : matchReason(kind, named.get(match.recordId) ?? String(match.recordId), match.key);
        outcomes.push({ id: row.id, status: 'ignored', reason: because(match.key, reason) });
      } else if (match.kind === 'many') {
        const holders = match.recordIds.map((id) => named.get(id) ?? String(id));
        outcomes.push({
          id: row.id,
          status: 'invalid',
          reason: because(match.key, ambiguousMatchReason(kind, holders, match.key)),
        });
      } else if (duplicates.has(row.line)) {
        const { line, key } = duplicates.get(row.line)!;
        outcomes.push({
          id: row.id,
          status: 'ignored',
          reason: because(key, duplicateReason(line)),
        });
      } else fresh.push(row);
    }
    await staging().markEach(outcomes);
    return fresh;
  };

  const importContacts = async (
    trx: Knex,
    rows: StagedRow[],
    companies: Map<string, CompanyTarget>
  ) => {
    const toInsert: { row: StagedRow; companyId: number | null }[] = [];
    const skipped: number[] = [];
    const orphaned: number[] = [];
    const writable = await withFreeExternalIds(
      'contacts',
      rows,
      (row) => (row.data as ContactRow).contact.externalId ?? null
    );
    for (const row of writable) {
      const target = row.customerId
        ? { id: row.customerId }
        : row.companyKey
          ? companies.get(row.companyKey)
          : null;
      if (target === 'skip') skipped.push(row.id);
      else if (target === 'missing' || target === undefined) orphaned.push(row.id);
      else toInsert.push({ row, companyId: target?.id ?? null });
    }
    const ids = await bulk.records(
      trx,
      CONTACT_UID,
      toInsert.map(({ row }) => ({ ...(row.data as ContactRow).contact, isUser: false }))
    );
    const companyPairs = toInsert
      .map(({ companyId }, i) => [ids[i], companyId] as [number, number | null])
      .filter((pair): pair is [number, number] => pair[1] !== null);
    await bulk.links(trx, link(CONTACT_UID, 'company'), companyPairs);
    await getService(strapi, 'import-rows').markImported(
      toInsert.map(({ row }, i) => ({ id: row.id, recordId: ids[i] }))
    );
    const because = (reason: string) => JSON.stringify([{ field: 'company', reason }]);
    await staging().markRows(skipped, 'ignored', because('company skipped at reference data'));
    await staging().markRows(
      orphaned,
      'failed',
      because('the customer chosen for this company no longer exists')
    );
  };

  const importCustomers = async (trx: Knex, staged: StagedRow[]) => {
    const rows = await withFreeExternalIds(
      'customers',
      staged,
      (row) => (row.data as CustomerRow).customer.externalId ?? null
    );
    if (rows.length === 0) return;
    const numbers = await getService(strapi, 'customer-numbers').reserve(rows.length);
    const values = rows.map((row) => row.data as CustomerRow);
    const ids = await bulk.records(
      trx,
      CUSTOMER_UID,
      values.map((value, i) => ({ ...value.customer, customerNumber: numbers[i] }))
    );
    // The contact points each row made, so that an undo can tell them from points added since.
    const related: RelatedIds[] = rows.map(() => ({}));
    for (const [kind, plural] of [
      ['address', 'addresses'],
      ['phone', 'phones'],
      ['email', 'emails'],
    ] as const) {
      const points = values.flatMap((value, i) =>
        value[plural].map((point, index) => ({
          row: i,
          customerId: ids[i],
          data: { ...point, isPrimary: index === 0 },
        }))
      );
      const created = await bulk.records(
        trx,
        CONTACT_POINT_UIDS[kind],
        points.map((point) => point.data)
      );
      await bulk.links(
        trx,
        link(CONTACT_POINT_UIDS[kind], 'customer'),
        points.map((point, i) => [created[i], point.customerId])
      );
      points.forEach((point, i) => (related[point.row][kind] ??= []).push(created[i]));
    }
    await getService(strapi, 'search-index').refresh(ids);
    await getService(strapi, 'import-rows').markImported(
      rows.map((row, i) => ({ id: row.id, recordId: ids[i], related: related[i] }))
    );
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
          ignored: (counted.invalid ?? 0) + (counted.ignored ?? 0),
          failed: counted.failed ?? 0,
        },
        progress: { done: job.progress?.total ?? 0, total: job.progress?.total ?? 0 },
      },
    });
    if (count > 0)
      await getService(strapi, 'import-events').emit(IMPORT_EVENTS.CRM_IMPORT_FINISHED, jobId);
  };

  /** Imports a claimed job batch by batch; each batch and its rows' results commit together. */
  const run = async (jobId: number) => {
    if (running.has(jobId) || !(await claim(jobId))) return;
    running.add(jobId);
    try {
      const job = await jobs().findOne({ where: { id: jobId } });
      const total = job.progress?.total ?? 0;
      const companies =
        job.object === 'contacts'
          ? await resolveCompanies(jobId)
          : new Map<string, CompanyTarget>();
      let done = await staging().settled(jobId);
      for (let after = 0; ;) {
        const owner = await claims.owner(jobId);
        if (owner?.stage !== 'running' || owner.workerId !== workerId) return; // taken over
        const rows = await staging().pending(jobId, after, BATCH);
        if (rows.length === 0) break;
        after = rows[rows.length - 1].line;
        try {
          await strapi.db.transaction(async ({ trx }) => {
            const knex = trx;
            const fresh = await setAsideExisting(jobId, job.object, rows);
            if (job.object === 'contacts') await importContacts(knex, fresh, companies);
            else await importCustomers(knex, fresh);
            await claims.beat(knex, jobId, { done: done + rows.length, total });
          });
        } catch (error) {
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
      running.delete(jobId);
    }
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

    /** Picks up running jobs whose worker went quiet (a crash, a stopped node). */
    async resumeStale() {
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

    /** Every `intervalMs`, resumes stale jobs; once an hour, purges the cells of expired ones. */
    schedule(intervalMs = 15_000) {
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
