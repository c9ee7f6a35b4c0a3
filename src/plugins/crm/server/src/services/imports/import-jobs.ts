import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import {
  DomainValidationError,
  autoMap,
  csvLine,
  buildCompanyIndex,
  companyDomain,
  customerDisplayName,
  importFieldNames,
  suggestCompanies,
  uniqueHeaders,
  type ImportObject,
  type KnownCustomer,
} from '../../domain';
import { conflict } from '../../utils/errors';
import { getService } from '../../utils/get-service';
import { CUSTOMER_UID, IMPORT_JOB_UID } from '../../utils/uids';
import { CsvFileError, readCsv } from './csv-reader';
import { judgeHere, judgeInWorker, type BatchJudge } from './judge-thread';
import { createRowJudge, type JudgeSetup } from './row-judge';
import type { StagedStatus } from './staging';

export type Decision = { action: 'create' | 'skip' } | { action: 'link'; customer: string };

interface Column {
  header: string;
  field: string | null;
  samples: string[];
}

interface JobRow {
  id: number;
  documentId: string;
  object: ImportObject;
  stage: string;
  fileName: string | null;
  fileSize: string | number | null;
  delimiter: string | null;
  columns: Column[] | null;
  mapping: Record<string, string | null> | null;
  decisions: Record<string, Decision> | null;
  counts: Record<string, number> | null;
  progress: { done: number; total: number } | null;
  errors: { line: number; field: string; reason: string }[] | null;
  startedBy: string | null;
  createdAt: string | Date;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
}

const PAGE = 1000;
/**
 * Rows read, judged and staged at a time during an upload. Small on purpose: the rows in flight
 * then die young, before V8 promotes them to the old generation, which it collects rarely and
 * lets grow far past the live data (2,000-row batches cost a million-row upload some 40% more
 * resident memory).
 */
const UPLOAD_BATCH = 500;
/** Files from this size are judged in a worker thread (smaller ones are done before one starts). */
const WORKER_FROM_BYTES = 1024 * 1024;
const SAMPLES = 3;
const LOGGED_ERRORS = 1000;
const EDITABLE_STAGES = new Set(['reference-data', 'ready']);

/**
 * An import's stages up to its start (seed 004): upload and parse, map fields, validate every row
 * through the domain rules, and match each row's company to existing customers, leaving the
 * unmatched companies for the user to create, link or skip.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const staging = () => getService(strapi, 'importStaging');
  const jobs = () => strapi.db.query(IMPORT_JOB_UID);

  const view = (job: JobRow) => ({
    documentId: job.documentId,
    object: job.object,
    stage: job.stage,
    fileName: job.fileName,
    fileSize: job.fileSize === null ? null : Number(job.fileSize),
    delimiter: job.delimiter,
    columns: job.columns ?? [],
    // What a column can be mapped to, so a client offers exactly the fields the server accepts.
    fields: importFieldNames(job.object),
    counts: job.counts ?? {},
    progress: job.progress ?? { done: 0, total: 0 },
    errors: job.errors ?? [],
    startedBy: job.startedBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  });

  const load = async (documentId: string): Promise<JobRow> => {
    const job = (await jobs().findOne({ where: { documentId } })) as JobRow | null;
    if (!job) throw new errors.NotFoundError('import not found');
    return job;
  };

  const assertEditable = (job: JobRow) => {
    if (!EDITABLE_STAGES.has(job.stage)) throw conflict(`the import is ${job.stage}; its mapping and decisions can no longer change`);
  };

  /** Every customer as a possible company: number, display name and, for businesses, email domains. */
  const knownCustomers = async (): Promise<KnownCustomer[]> => {
    const customers = await strapi.db.query(CUSTOMER_UID).findMany({
      select: ['id', 'documentId', 'customerNumber', 'type', 'businessName', 'firstName', 'lastName'],
      populate: { emails: { select: ['address'] } },
    });
    return customers.map((customer: any) => ({
      id: customer.id,
      documentId: customer.documentId,
      customerNumber: customer.customerNumber,
      name: customerDisplayName(customer),
      domains:
        customer.type === 'business'
          ? (customer.emails ?? []).map((email: { address: string }) => companyDomain(email.address)).filter(Boolean)
          : [],
    }));
  };

  /** What judging a job's rows needs: the mapping, the settings and the customers to match. */
  const judgeSetup = async (object: ImportObject, headers: string[], mapping: Record<string, string | null>): Promise<JudgeSetup> => ({
    object,
    headers,
    mapping,
    defaultCountry: getService(strapi, 'settings').get().defaultCountry,
    customers: object === 'contacts' ? await knownCustomers() : null,
  });

  /** Judges every staged row again (after the mapping changed), page by page. */
  const validate = async (jobId: number) => {
    const job = (await jobs().findOne({ where: { id: jobId } })) as JobRow;
    const judge = createRowJudge(await judgeSetup(job.object, (job.columns ?? []).map((column) => column.header), job.mapping ?? {}));
    for (let after = 0; ; ) {
      const rows = await staging().page(jobId, after, PAGE);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].line;
      await staging().record(rows.map((row) => ({ id: row.id, ...judge(row) })));
    }
    await summarize(jobId);
  };

  /** Counts, the log of invalid rows, and the stage: reference data while a company is undecided. */
  const summarize = async (jobId: number) => {
    const job = (await jobs().findOne({ where: { id: jobId } })) as JobRow;
    const counted = await staging().counts(jobId);
    const total = Object.values(counted).reduce((sum, n) => sum + n, 0);
    const groups = job.object === 'contacts' ? await staging().unmatchedGroups(jobId) : [];
    const decisions = Object.fromEntries(Object.entries(job.decisions ?? {}).filter(([key]) => groups.some((group) => group.key === key)));
    await jobs().update({
      where: { id: jobId },
      data: {
        counts: { total, valid: counted.valid ?? 0, invalid: counted.invalid ?? 0, imported: 0, ignored: 0, failed: 0 },
        progress: { done: 0, total },
        errors: await staging().issues(jobId, LOGGED_ERRORS),
        decisions,
        stage: groups.every((group) => decisions[group.key]) ? 'ready' : 'reference-data',
      },
    });
  };

  return {
    view,
    load,

    /** Stage 1: reads the uploaded file into the job's rows, maps columns automatically, validates. */
    async createFromUpload(input: { path: string; fileName: string; size: number; object: ImportObject }) {
      const job = (await jobs().create({
        data: { object: input.object, stage: 'ready', fileName: input.fileName, fileSize: input.size, decisions: {} },
      })) as JobRow;
      // A batch is judged (in a worker thread for a large file) and written while the next is
      // read; one write is in flight at a time, so memory stays bounded.
      let writing: Promise<void> = Promise.resolve();
      let judge: BatchJudge | undefined;
      try {
        let headers: string[] = [];
        let mapping: Record<string, string | null> = {};
        const samples: string[][] = [];
        // Rows are judged with the automatic mapping as they stream in, so a file is read and
        // written once; a changed mapping judges the staged rows again.
        const { delimiter } = await readCsv(input.path, {
          onHeader: (raw) => {
            headers = uniqueHeaders(raw);
            mapping = autoMap(headers, input.object);
            headers.forEach(() => samples.push([]));
          },
          onBatch: async (records) => {
            if (!judge) {
              const setup = await judgeSetup(input.object, headers, mapping);
              judge = input.size >= WORKER_FROM_BYTES ? judgeInWorker(setup) : judgeHere(setup);
            }
            for (const record of records) {
              record.cells.forEach((cell, i) => {
                if (samples[i].length < SAMPLES && cell.trim() !== '') samples[i].push(cell.slice(0, 200));
              });
            }
            const judged = judge.judge(records);
            judged.catch(() => undefined); // surfaces through `writing`
            await writing;
            writing = judged.then((rows) => staging().insert(job.id, rows));
            writing.catch(() => undefined); // surfaces at the next await
          },
        }, { batchSize: UPLOAD_BATCH, maxColumns: getService(strapi, 'settings').get().importMaxColumns });
        await writing;
        await staging().analyze();
        const columns: Column[] = headers.map((header, i) => ({ header, field: mapping[header], samples: samples[i] }));
        await jobs().update({ where: { id: job.id }, data: { delimiter, columns, mapping } });
        await summarize(job.id);
        return view(await load(job.documentId));
      } catch (error) {
        await writing.catch(() => undefined);
        await staging().remove(job.id);
        await jobs().delete({ where: { id: job.id } });
        if (error instanceof CsvFileError) throw new errors.ValidationError(error.message);
        throw error;
      } finally {
        await judge?.close();
      }
    },

    /**
     * The rows that were not imported, as CSV: the file's own columns plus a `reason` column,
     * ready to fix and import again. Streamed page by page; formula-like cells are neutralised.
     */
    async *ignoredCsv(documentId: string): AsyncGenerator<string> {
      const job = await load(documentId);
      const headers = (job.columns ?? []).map((column) => column.header);
      yield csvLine([...headers, 'reason']) + '\r\n';
      for (let after = 0; ; ) {
        const rows = await staging().notImported(job.id, after, PAGE);
        if (rows.length === 0) return;
        after = rows[rows.length - 1].line;
        for (const row of rows) {
          const reasons = (JSON.parse(row.reason ?? '[]') as { field: string; reason: string }[]).map((issue) => issue.reason);
          yield csvLine([...row.cells, `line ${row.line}: ${reasons.join('; ')}`]) + '\r\n';
        }
      }
    },

    /**
     * The import's log, one page at a time: rows with the given statuses (by default those not
     * imported: invalid, skipped at reference data, failed), each with its line, status, the
     * file's cells and the reasons, so a client can page through any number of them.
     */
    async log(documentId: string, query: { status: readonly StagedStatus[]; page: number; pageSize: number }) {
      const job = await load(documentId);
      const headers = (job.columns ?? []).map((column) => column.header);
      const { rows, total } = await staging().list(job.id, query.status, (query.page - 1) * query.pageSize, query.pageSize);
      return {
        data: rows.map((row) => ({
          line: row.line,
          status: row.status,
          cells: Object.fromEntries(headers.map((header, i) => [header, row.cells[i] ?? ''])),
          issues: row.reason ? (JSON.parse(row.reason) as { field: string; reason: string }[]) : [],
        })),
        meta: { pagination: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) } },
      };
    },

    /** Stage 2: changes the target of some columns (null to ignore one) and validates again. */
    async setMapping(documentId: string, changes: Record<string, string | null>) {
      const job = await load(documentId);
      assertEditable(job);
      const columns = job.columns ?? [];
      const fields = new Set(importFieldNames(job.object));
      const issues = Object.entries(changes).flatMap(([header, field]) => [
        ...(columns.some((column) => column.header === header)
          ? []
          : [{ path: ['mapping', header], rule: 'import.mapping', message: `the file has no column "${header}"` }]),
        ...(field === null || fields.has(field)
          ? []
          : [{ path: ['mapping', header], rule: 'import.mapping', message: `"${field}" is not a field of ${job.object}` }]),
      ]);
      if (issues.length) throw new DomainValidationError(issues);
      const mapping = { ...(job.mapping ?? {}), ...changes };
      const targets = Object.values(mapping).filter((field): field is string => field !== null);
      const twice = targets.find((field, i) => targets.indexOf(field) !== i);
      if (twice) {
        throw new DomainValidationError({ path: ['mapping'], rule: 'import.mapping', message: `"${twice}" is mapped from two columns` });
      }
      await jobs().update({
        where: { id: job.id },
        data: { mapping, columns: columns.map((column) => ({ ...column, field: mapping[column.header] ?? null })) },
      });
      await validate(job.id);
      return view(await load(documentId));
    },

    /** Stage 4: the companies no customer matched, with their rows, decision and near matches. */
    async referenceData(documentId: string) {
      const job = await load(documentId);
      if (job.object !== 'contacts') return [];
      const [groups, index] = await Promise.all([staging().unmatchedGroups(job.id), knownCustomers().then(buildCompanyIndex)]);
      return groups.map((group) => ({
        key: group.key,
        company: group.company,
        rows: group.rows,
        decision: job.decisions?.[group.key] ?? null,
        suggestions: suggestCompanies(index, group.company, 3),
      }));
    },

    /** Records create / link / skip per unmatched company, or one choice for all still undecided. */
    async decide(documentId: string, decisions: { key: string; action: Decision['action']; customer?: string }[], applyToAll?: 'create' | 'skip') {
      const job = await load(documentId);
      assertEditable(job);
      const groups = job.object === 'contacts' ? await staging().unmatchedGroups(job.id) : [];
      const keys = new Set(groups.map((group) => group.key));
      const next: Record<string, Decision> = { ...(job.decisions ?? {}) };
      const issues = [];
      for (const [i, decision] of decisions.entries()) {
        if (!keys.has(decision.key)) {
          issues.push({ path: ['decisions', i, 'key'], rule: 'import.decision', message: `decisions[${i}]: no unmatched company "${decision.key}"` });
          continue;
        }
        if (decision.action === 'link') {
          const customer = decision.customer
            ? await strapi.db.query(CUSTOMER_UID).findOne({ where: { documentId: decision.customer }, select: ['id'] })
            : null;
          if (!customer) {
            issues.push({
              path: ['decisions', i, 'customer'],
              rule: 'import.decision',
              message: `decisions[${i}]: link needs an existing customer (${decision.customer ?? 'none given'})`,
            });
            continue;
          }
          next[decision.key] = { action: 'link', customer: decision.customer! };
        } else {
          next[decision.key] = { action: decision.action };
        }
      }
      if (issues.length) throw new DomainValidationError(issues);
      if (applyToAll) for (const key of keys) next[key] ??= { action: applyToAll };
      const decided = [...keys].every((key) => next[key]);
      await jobs().update({ where: { id: job.id }, data: { decisions: next, stage: decided ? 'ready' : 'reference-data' } });
      return this.referenceData(documentId);
    },
  };
};
