import type { Core } from '@strapi/strapi';

import type { ImportColumn, ImportFormat } from '../../../../contracts';
import {
  DATE_ORDERS,
  DomainValidationError,
  EDITABLE_IMPORT_STAGES,
  IMPORT_DATE_FIELDS,
  autoMap,
  changeImportMode,
  importModeOf,
  mappedMatchKeys,
  columnHoldsSsns,
  countSsnShapes,
  csvLine,
  columnDateOrders,
  dateColumnsOf,
  detectSource,
  emptyColumnStats,
  emptyDateStats,
  headerKey,
  observeDate,
  importFieldNames,
  maskSsnsInText,
  shownCell,
  uniqueHeaders,
  type ColumnSsnStats,
  type DateColumnStats,
  type DateOrder,
  type DateOrderVerdict,
  type ImportModeSettings,
  type ImportObject,
  type ImportSource,
  type ImportStage,
} from '../../domain';
import { mayActOnEveryImport, type Caller } from '../../permissions';
import type { EncodedRow, StagedRow, StagedStatus } from '../../repositories/import-rows';
import { SYSTEM_ACTOR, type Actor } from '../../utils/actor';
import { ConflictError, conflict } from '../../utils/errors';
import { mapYielding, runInBackground, yieldToEventLoop } from '../../utils/event-loop';
import { getService } from '../../utils/get-service';
import { errors } from '../../utils/strapi-utils';
import { CUSTOMER_UID, IMPORT_JOB_UID } from '../../utils/uids';
import { readCsv, type CsvRecord } from './csv-reader';
import { sniffImportFile } from './file-format';
import { ImportFileError } from './import-file-error';
import { createImportPreview } from './import-preview';
import { judgeHere, judgeInWorker, type BatchJudge, type JudgedBatch } from './judge-thread';
import { createRowJudge, type JudgeSetup } from './row-judge';
import { plainCells, shownCells } from './staged-cells';
import { readVcard } from './vcard-reader';
import { readXlsx } from './xlsx-reader';

export type Decision = { action: 'create' | 'skip' } | { action: 'link'; customer: string };

/** A column as the job keeps it: with the shapes of its date-like values, once they were counted. */
type Column = ImportColumn & { dates?: DateColumnStats };

export interface JobRow {
  id: number;
  documentId: string;
  object: ImportObject;
  stage: string;
  revision: number | null;
  fileName: string | null;
  fileSize: string | number | null;
  delimiter: string | null;
  format: string | null;
  encoding: string | null;
  sheet: string | null;
  source: ImportSource | null;
  defaultCountry: string | null;
  /** The date orders the user set, by header (the others are detected from the column's values). */
  dateFormats: Record<string, DateOrder> | null;
  preambleLines: number | null;
  columns: Column[] | null;
  mapping: Record<string, string | null> | null;
  decisions: Record<string, Decision> | null;
  /** How rows that are records the CRM has are treated (defaults when null). */
  mode: Partial<ImportModeSettings> | null;
  counts: Record<string, number> | null;
  progress: { done: number; total: number } | null;
  errors: { line: number; field: string; reason: string }[] | null;
  startedBy: string | null;
  ownerType: Actor['type'] | null;
  ownerId: string | null;
  ownerName: string | null;
  heartbeatAt: string | Date | null;
  undo: Record<string, unknown> | null;
  createdAt: string | Date;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
  undoneAt: string | Date | null;
  cellsPurgedAt: string | Date | null;
}

/** Who is acting on a job: the role table's view of the caller, and the identity it records. */
export interface JobAccess {
  caller: Caller;
  actor: Actor;
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
const DAY_MS = 24 * 3600 * 1000;
/** What the job's file name column holds. */
const FILE_NAME_LENGTH = 255;

/** A file name cut to fit its column, keeping its extension ("…very long name….csv"). */
const fittedFileName = (name: string): string => {
  if (name.length <= FILE_NAME_LENGTH) return name;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(name)?.[0] ?? '';
  return `${name.slice(0, FILE_NAME_LENGTH - extension.length - 1)}…${extension}`;
};

/** A row's stored reasons, told apart: what kept it out, and what it was imported with (`warning`). */
const issuesAndWarnings = (reason: string | null) => {
  const all = reason
    ? (JSON.parse(reason) as { field: string; reason: string; warning?: true }[])
    : [];
  const plain = ({ field, reason: text }: { field: string; reason: string }) => ({
    field,
    reason: text,
  });
  const warnings = all.filter((issue) => issue.warning).map(plain);
  return {
    issues: all.filter((issue) => !issue.warning).map(plain),
    ...(warnings.length ? { warnings } : {}),
  };
};

/** A company decision as the API shows it (without the id of the customer the run created). */
const publicDecision = (decision: Decision | undefined): Decision | null =>
  !decision
    ? null
    : decision.action === 'link'
      ? { action: 'link', customer: decision.customer }
      : { action: decision.action };

/** The columns (as in the API, without their counts of date shapes). */
const publicColumns = (columns: Column[] | null): ImportColumn[] =>
  (columns ?? []).map(({ dates: _dates, ...column }) => column);

const shownColumns = (job: JobRow) =>
  (job.columns ?? []).map((column) => ({
    holdsSsn: column.holdsSsn === true || column.field === 'ssn',
    field: column.field,
  }));

/** An uploaded file to read into a job. */
export interface UploadInput {
  path: string;
  fileName: string;
  size: number;
  object: ImportObject;
  /** The file's text encoding, a label such as `windows-1252` (told from the file when absent). */
  encoding?: string;
  /** The country national phone numbers are read in (the plugin's `defaultCountry` when absent). */
  defaultCountry?: string;
  /** The worksheet of a workbook: its name or 1-based position (the first when absent). */
  sheet?: string;
}

/**
 * An import's stages up to its start: upload and parse, map fields, validate every row
 * through the domain rules, and match each row's company to existing customers, leaving the
 * unmatched companies for the user to create, link or skip.
 *
 * Every change of a job's stage is a compare-and-set on its `revision`: a request that finds the
 * job changed since it read it loses with 409, so two stage changes never interleave. While a
 * mapping is applied the job is `validating`, which no other change may interrupt.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const staging = () => getService(strapi, 'import-rows');
  const jobs = () => strapi.db.query(IMPORT_JOB_UID);
  const settings = () => getService(strapi, 'settings').get();
  const cipher = () => getService(strapi, 'ssn').cipher();

  const view = (job: JobRow) => ({
    documentId: job.documentId,
    object: job.object,
    stage: job.stage,
    fileName: job.fileName,
    fileSize: job.fileSize === null ? null : Number(job.fileSize),
    delimiter: job.delimiter,
    format: (job.format as ImportFormat | null) ?? null,
    encoding: job.encoding ?? null,
    sheet: job.sheet ?? null,
    source: job.source ?? null,
    defaultCountry: job.defaultCountry ?? null,
    dateFormats: columnDateOrders(job),
    preambleLines: job.preambleLines ?? 0,
    columns: publicColumns(job.columns),
    // What a column can be mapped to, so a client offers exactly the fields the server accepts.
    fields: importFieldNames(job.object),
    counts: job.counts ?? {},
    progress: job.progress ?? { done: 0, total: 0 },
    errors: job.errors ?? [],
    createdBy: job.ownerType ? { type: job.ownerType, id: job.ownerId, name: job.ownerName } : null,
    startedBy: job.startedBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    undoneAt: job.undoneAt ?? null,
    undo: job.undo ?? null,
    cellsPurgedAt: job.cellsPurgedAt ?? null,
    mode: importModeOf(job.object, job.mode),
    matchKeys: mappedMatchKeys(job.object, mappedFieldsOf(job)),
  });

  const mappedFieldsOf = (job: JobRow) =>
    Object.values(job.mapping ?? {}).filter((field): field is string => field !== null);

  const load = async (documentId: string): Promise<JobRow> => {
    const job = (await jobs().findOne({ where: { documentId } })) as JobRow | null;
    if (!job) throw new errors.NotFoundError('import not found');
    return job;
  };

  const ownedBy = (job: JobRow, actor: Actor) =>
    job.ownerType === actor.type && (job.ownerId ?? null) === actor.id;

  /**
   * Writes `data` to the job only if nobody changed it since `job` was read (and, if given, it is
   * at one of `stages`); the revision moves on. False when another request changed it first.
   */
  const changeJob = async (
    job: Pick<JobRow, 'id' | 'revision'>,
    data: Record<string, unknown>,
    stages?: string[]
  ): Promise<boolean> => {
    const { count } = await jobs().updateMany({
      where: { id: job.id, revision: job.revision, ...(stages ? { stage: { $in: stages } } : {}) },
      data: { ...data, revision: (job.revision ?? 0) + 1 },
    });
    return count > 0;
  };

  const changedMeanwhile = () =>
    conflict('the import changed while this request was handled; load it again');

  const isStale = (job: JobRow) =>
    !job.heartbeatAt ||
    Date.now() - new Date(job.heartbeatAt).getTime() >= settings().importStaleMs;

  /** The company keys' resolver of one validation (contacts jobs only). */
  const companyResolver = (object: ImportObject) =>
    object === 'contacts' ? getService(strapi, 'company-keys').createResolver() : null;

  /** The batch's rows with their companies matched (judged rows carry only what to match by). */
  const settleCompanies = async (
    resolver: ReturnType<typeof companyResolver>,
    batch: JudgedBatch
  ): Promise<EncodedRow[]> => {
    if (!resolver) return batch.rows;
    const settled = await resolver.settle(batch.companies);
    settled.forEach((company, i) => {
      if (!company) return;
      batch.rows[i][5] = company.companyKey;
      batch.rows[i][6] = company.customerId;
    });
    return batch.rows;
  };

  /** What judging a job's rows needs: the mapping and the settings. */
  const judgeSetup = async (
    object: ImportObject,
    headers: string[],
    mapping: Record<string, string | null>,
    defaultCountry: string | null,
    dateOrders: Record<string, DateOrderVerdict | null> = {},
    source: ImportSource | null = null,
    partial = false
  ): Promise<JudgeSetup> => ({
    object,
    partial,
    headers,
    mapping,
    source,
    defaultCountry: defaultCountry ?? settings().defaultCountry,
    dateOrders,
    limits: settings().limits,
    encryptionKeys: (strapi.config.get('plugin::crm') as { encryptionKeys: string[] })
      .encryptionKeys,
  });

  /** Counts the date shapes of the date columns that have no counts yet (mapped since the upload). */
  const countDateShapes = async (job: JobRow): Promise<Column[]> => {
    const columns = job.columns ?? [];
    const missing = columns
      .map((column, index) => ({ column, index }))
      .filter(({ column }) => dateColumnsOf(job).includes(column) && !column.dates);
    if (missing.length === 0) return columns;
    const stats = missing.map(() => emptyDateStats());
    const secrets = cipher();
    for (let after = 0; ;) {
      await yieldToEventLoop(); // SQLite answers at once: a turn for requests between pages
      const page = await staging().page(job.id, after, PAGE);
      if (page.length === 0) break;
      after = page[page.length - 1].line;
      for (const row of page) {
        const cells = plainCells(row.cells, secrets);
        missing.forEach(({ index }, i) => observeDate(stats[i], cells[index] ?? ''));
      }
    }
    const counted = columns.map((column) => {
      const at = missing.findIndex((entry) => entry.column === column);
      return at === -1 ? column : { ...column, dates: stats[at] };
    });
    await jobs().update({ where: { id: job.id }, data: { columns: counted } });
    return counted;
  };

  /** How many of the job's staged rows a validation judges: all, or those of one status. */
  const rowsToJudge = async (jobId: number, only?: StagedStatus) => {
    const counted = await staging().counts(jobId);
    return only ? (counted[only] ?? 0) : Object.values(counted).reduce((sum, n) => sum + n, 0);
  };

  /**
   * Judges the staged rows of a job being validated (all of them after its mapping changed, or
   * only those of one status), page by page, keeping the job's heartbeat and its progress; stops
   * with 409 if the job was taken over meanwhile. Judging gives the event loop a turn whenever
   * a slice of time is over, so the node keeps answering requests.
   */
  const validate = async (claimed: Pick<JobRow, 'id' | 'revision'>, only?: StagedStatus) => {
    const read = (await jobs().findOne({ where: { id: claimed.id } })) as JobRow;
    const total = await rowsToJudge(claimed.id, only);
    let done = 0;
    const job = { ...read, columns: await countDateShapes(read) };
    const rows = createRowJudge(
      await judgeSetup(
        job.object,
        (job.columns ?? []).map((column) => column.header),
        job.mapping ?? {},
        job.defaultCountry,
        columnDateOrders(job),
        job.source,
        importModeOf(job.object, job.mode).mode !== 'create'
      )
    );
    const secrets = cipher();
    const companies = companyResolver(job.object);
    // Rows judged again may leave the status read (pending rows become valid): page by line.
    for (let after = 0; ;) {
      await yieldToEventLoop(); // SQLite answers at once: a turn for requests between pages
      const page = await staging().page(claimed.id, after, PAGE, only);
      if (page.length === 0) break;
      after = page[page.length - 1].line;
      const judged = await mapYielding(page, (row) => ({
        id: row.id,
        ...rows.judge({ line: row.line, cells: plainCells(row.cells, secrets) }),
      }));
      const settled = companies ? await companies.settle(judged.map((row) => row.company)) : [];
      await staging().record(judged.map((row, i) => ({ ...row, ...(settled[i] ?? {}) })));
      done += page.length;
      const { count } = await jobs().updateMany({
        where: { id: claimed.id, revision: claimed.revision },
        data: { heartbeatAt: new Date(), progress: { done: Math.min(done, total), total } },
      });
      if (count === 0) throw changedMeanwhile();
    }
  };

  /**
   * Ends a validation: counts, the log of invalid rows, and the stage (reference data while a
   * company is undecided), written only if the job is still the one this request validated.
   */
  const summarize = async (claimed: Pick<JobRow, 'id' | 'revision'>) => {
    const job = (await jobs().findOne({ where: { id: claimed.id } })) as JobRow;
    const counted = await staging().counts(claimed.id);
    const total = Object.values(counted).reduce((sum, n) => sum + n, 0);
    const groups = job.object === 'contacts' ? await staging().unmatchedGroups(claimed.id) : [];
    const unmatched = new Set(groups.map((group) => group.key));
    const decisions = Object.fromEntries(
      Object.entries(job.decisions ?? {}).filter(([key]) => unmatched.has(key))
    );
    const summarized = await changeJob(
      claimed,
      {
        counts: {
          total,
          valid: counted.valid ?? 0,
          invalid: counted.invalid ?? 0,
          imported: 0,
          ignored: 0,
          failed: 0,
          pending: counted.pending ?? 0,
        },
        progress: { done: 0, total },
        errors: await staging().issues(claimed.id, LOGGED_ERRORS),
        decisions,
        heartbeatAt: null,
        stage: groups.every((group) => decisions[group.key]) ? 'ready' : 'reference-data',
      },
      ['validating']
    );
    if (!summarized) throw changedMeanwhile();
  };

  /**
   * Validates a job this node claimed (its `revision` is the claim) and summarizes it. Runs after
   * the request that claimed it has been answered. A job taken over meanwhile is left to its new
   * holder; a failure is logged and leaves the job stale at once, so that the runner's next look
   * (on any node) validates it again, or the user sends the change again. It runs as background
   * work, giving way to requests in flight.
   */
  const validateClaimed = (
    claimed: Pick<JobRow, 'id' | 'revision' | 'documentId'>,
    only?: StagedStatus
  ) => runInBackground(() => validateInBackground(claimed, only));

  const validateInBackground = async (
    claimed: Pick<JobRow, 'id' | 'revision' | 'documentId'>,
    only?: StagedStatus
  ) => {
    try {
      await validate(claimed, only);
      await summarize(claimed);
    } catch (error) {
      if (error instanceof ConflictError) {
        strapi.log.info(`[crm] import ${claimed.documentId}: validation taken over elsewhere`);
        return;
      }
      strapi.log.error(
        `[crm] import ${claimed.documentId}: validation failed: ${maskSsnsInText((error as Error).message)}`
      );
      await jobs()
        .updateMany({
          where: { id: claimed.id, revision: claimed.revision, stage: 'validating' },
          data: { heartbeatAt: null },
        })
        .catch(() => undefined);
    }
  };

  /**
   * Writes `data` to the job, which becomes `validating`, and judges its rows again with it (all,
   * or those of one status) in the background: the request is answered at once, and the client
   * follows `stage` and `progress` until the job leaves `validating`.
   */
  const revalidate = async (job: JobRow, data: Record<string, unknown>, only?: StagedStatus) => {
    const claimed = await changeJob(job, {
      ...data,
      stage: 'validating',
      heartbeatAt: new Date(),
      progress: { done: 0, total: await rowsToJudge(job.id, only) },
    });
    if (!claimed) throw changedMeanwhile();
    const validating = {
      id: job.id,
      revision: (job.revision ?? 0) + 1,
      documentId: job.documentId,
    };
    setImmediate(() => void validateClaimed(validating, only));
  };

  /** The cells of a staged row as its job's log and ignored-rows file show them. */
  const displayed = (row: StagedRow, columns: ReturnType<typeof shownColumns>) =>
    shownCells(row.cells, columns, cipher());

  /** What `createFromUpload` does, outside the background scope it runs in. */
  const readUpload = async (input: UploadInput, createdBy: Actor) => {
    // A file that is not one the import reads is refused before any job exists.
    let file: Awaited<ReturnType<typeof sniffImportFile>>;
    try {
      file = await sniffImportFile(input.path, input.encoding);
    } catch (error) {
      if (error instanceof ImportFileError) throw new errors.ValidationError(error.message);
      throw error;
    }
    const defaultCountry = input.defaultCountry ?? settings().defaultCountry;
    const job = (await jobs().create({
      data: {
        object: input.object,
        format: file.format,
        encoding: file.encoding,
        defaultCountry,
        stage: 'validating',
        revision: 0,
        fileName: fittedFileName(input.fileName),
        fileSize: input.size,
        decisions: {},
        heartbeatAt: new Date(),
        ownerType: createdBy.type,
        ownerId: createdBy.id,
        ownerName: createdBy.name,
      },
    })) as JobRow;
    // A batch is judged (in a worker thread for a large file) and written while the next is
    // read; one write is in flight at a time, so memory stays bounded.
    let writing: Promise<void> = Promise.resolve();
    let judge: BatchJudge | undefined;
    let companies: ReturnType<typeof companyResolver> = null;
    try {
      let headers: string[] = [];
      let mapping: Record<string, string | null> = {};
      let source: ImportSource | null = null;
      const samples: string[][] = [];
      const stats: ColumnSsnStats[] = [];
      /** Shapes of the date columns' values, by column index: their order is told from all of them. */
      const dateStats = new Map<number, DateColumnStats>();
      // Rows are judged with the automatic mapping as they stream in, so a file is read and
      // written once; a changed mapping judges the staged rows again.
      const handlers = {
        onHeader: (raw: string[]) => {
          headers = uniqueHeaders(raw);
          source = file.format === 'vcard' ? 'vcard' : detectSource(headers.map(headerKey));
          mapping = autoMap(headers, input.object, source);
          headers.forEach((header, i) => {
            samples.push([]);
            stats.push(emptyColumnStats());
            if (IMPORT_DATE_FIELDS[input.object].includes(mapping[header] ?? ''))
              dateStats.set(i, emptyDateStats());
          });
        },
        onBatch: async (records: CsvRecord[]) => {
          if (!judge) {
            // Dates are read value by value while the column's order is not known yet: a
            // value that fits both orders leaves its row pending, judged again at the end.
            const setup = await judgeSetup(
              input.object,
              headers,
              mapping,
              defaultCountry,
              {},
              source
            );
            judge = input.size >= WORKER_FROM_BYTES ? judgeInWorker(setup) : judgeHere(setup);
            companies = companyResolver(input.object);
          }
          for (const record of records) {
            record.cells.forEach((cell, i) => {
              countSsnShapes(stats[i], cell);
              if (samples[i].length < SAMPLES && cell.trim() !== '')
                samples[i].push(cell.slice(0, 200));
            });
            for (const [i, shapes] of dateStats) observeDate(shapes, record.cells[i] ?? '');
          }
          const judged = judge.judge(records);
          judged.catch(() => undefined); // surfaces through `writing`
          await writing;
          writing = judged.then(async (batch) =>
            staging().insert(job.id, await settleCompanies(companies, batch))
          );
          writing.catch(() => undefined); // surfaces at the next await
        },
      };
      const limits = {
        batchSize: UPLOAD_BATCH,
        maxColumns: getService(strapi, 'settings').get().importMaxColumns,
      };
      const read =
        file.format === 'vcard'
          ? {
              ...(await readVcard(input.path, handlers, { ...limits, file })),
              delimiter: null,
              preambleLines: 0,
              sheet: null,
            }
          : file.format === 'xlsx'
            ? {
                delimiter: null,
                preambleLines: 0,
                sheet: (await readXlsx(input.path, handlers, { ...limits, sheet: input.sheet }))
                  .sheet,
              }
            : { ...(await readCsv(input.path, handlers, { ...limits, file })), sheet: null };
      const { delimiter, preambleLines, sheet } = read;
      await writing;
      await staging().analyze();
      const columns: Column[] = headers.map((header, i) => {
        const holdsSsn = columnHoldsSsns(header, mapping[header], stats[i]);
        const dates = dateStats.get(i);
        return {
          header,
          field: mapping[header],
          samples: samples[i].map((sample) => shownCell(sample, holdsSsn, mapping[header])),
          holdsSsn,
          ...(dates ? { dates } : {}),
        };
      });
      await jobs().update({
        where: { id: job.id },
        // The rows are all staged: from here a stale job can be validated again by any node.
        data: {
          delimiter,
          columns,
          mapping,
          source,
          preambleLines,
          sheet,
          heartbeatAt: new Date(),
        },
      });
      // Rows left pending while their date column's order was unknown: judged again now it is.
      const orders = Object.values(
        columnDateOrders({ object: input.object, columns, dateFormats: {} })
      );
      if ((await staging().counts(job.id)).pending && !orders.includes('ambiguous'))
        await validate(job, 'pending');
      await summarize(job);
      return view(await load(job.documentId));
    } catch (error) {
      await writing.catch(() => undefined);
      await staging().remove(job.id);
      await jobs().delete({ where: { id: job.id } });
      if (error instanceof ImportFileError) throw new errors.ValidationError(error.message);
      throw error;
    } finally {
      await judge?.close();
    }
  };

  return {
    view,
    load,
    changeJob,

    /** The job, if the caller may act on it: its creator, or one who may act on every job (404 otherwise). */
    async loadFor(documentId: string, access: JobAccess): Promise<JobRow> {
      const job = await load(documentId);
      if (!mayActOnEveryImport(access.caller) && !ownedBy(job, access.actor))
        throw new errors.NotFoundError('import not found');
      return job;
    },

    /**
     * Takes over a validation whose node went quiet (a crash, a stopped node, a failure) and
     * judges all the job's rows again in the background. Jobs still reading their upload (no
     * columns yet) are not: their file is gone with the request. True when this node took it.
     */
    async resumeValidation(jobId: number): Promise<boolean> {
      const job = (await jobs().findOne({ where: { id: jobId } })) as JobRow | null;
      if (!job || job.stage !== 'validating' || !job.columns || !isStale(job)) return false;
      const progress = { done: 0, total: await rowsToJudge(job.id) };
      if (!(await changeJob(job, { heartbeatAt: new Date(), progress }, ['validating'])))
        return false;
      const claimed = { id: job.id, revision: (job.revision ?? 0) + 1, documentId: job.documentId };
      setImmediate(() => void validateClaimed(claimed));
      return true;
    },

    /**
     * Stage 1: reads the uploaded file into the job's rows, maps columns automatically, validates.
     * It runs as background work: requests other than the upload's own come first.
     */
    createFromUpload(input: UploadInput, createdBy: Actor = SYSTEM_ACTOR) {
      return runInBackground(() => readUpload(input, createdBy));
    },

    /**
     * The rows that were not imported, as CSV: the file's own columns plus a `reason` column,
     * ready to fix and import again. Streamed page by page; formula-like cells are neutralised and
     * SSNs masked.
     */
    async *ignoredCsv(documentId: string): AsyncGenerator<string> {
      const job = await load(documentId);
      const headers = (job.columns ?? []).map((column) => column.header);
      const columns = shownColumns(job);
      yield csvLine([...headers, 'reason']) + '\r\n';
      for (let after = 0; ;) {
        const rows = await staging().notImported(job.id, after, PAGE);
        if (rows.length === 0) return;
        after = rows[rows.length - 1].line;
        for (const row of rows) {
          const reasons = (
            JSON.parse(row.reason ?? '[]') as { field: string; reason: string }[]
          ).map((issue) => issue.reason);
          const cells = row.cells.length ? displayed(row, columns) : headers.map(() => '');
          yield csvLine([...cells, `line ${row.line}: ${reasons.join('; ')}`]) + '\r\n';
        }
      }
    },

    /**
     * The import's log, one page at a time: rows with the given statuses (by default those not
     * imported: invalid, skipped at reference data, failed), each with its line, status, the
     * file's cells (SSNs masked; none once purged) and the reasons.
     */
    async log(
      documentId: string,
      query: {
        status: readonly (StagedStatus | 'created' | 'updated' | 'unchanged')[];
        page: number;
        pageSize: number;
      }
    ) {
      const job = await load(documentId);
      const headers = (job.columns ?? []).map((column) => column.header);
      const columns = shownColumns(job);
      const { rows, total } = await staging().list(
        job.id,
        query.status,
        (query.page - 1) * query.pageSize,
        query.pageSize
      );
      return {
        data: rows.map((row) => {
          const cells = row.cells.length ? displayed(row, columns) : null;
          return {
            line: row.line,
            status: row.status,
            ...(row.outcome ? { outcome: row.outcome } : {}),
            cells: cells
              ? Object.fromEntries(headers.map((header, i) => [header, cells[i] ?? '']))
              : {},
            ...issuesAndWarnings(row.reason),
          };
        }),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            total,
            pageCount: Math.ceil(total / query.pageSize),
          },
        },
      };
    },

    /**
     * Stage 2: changes the target of some columns (null to ignore one) and the date order of date
     * columns (settling an ambiguous one), and validates again.
     */
    async setMapping(
      documentId: string,
      changes: Record<string, string | null>,
      dateFormats: Record<string, DateOrder> = {}
    ) {
      const job = await load(documentId);
      // A validation whose request died (a crash, a stopped node) is taken over once it is stale.
      if (
        !EDITABLE_IMPORT_STAGES.includes(job.stage as ImportStage) &&
        !(job.stage === 'validating' && isStale(job))
      ) {
        throw conflict(
          job.stage === 'validating'
            ? 'the import is being validated; try again when it is done'
            : `the import is ${job.stage}; its mapping and decisions can no longer change`
        );
      }
      const columns = job.columns ?? [];
      const fields = new Set(importFieldNames(job.object));
      const issues = Object.entries(changes).flatMap(([header, field]) => [
        ...(columns.some((column) => column.header === header)
          ? []
          : [
              {
                path: ['mapping', header],
                rule: 'import.mapping',
                message: `the file has no column "${header}"`,
              },
            ]),
        ...(field === null || fields.has(field)
          ? []
          : [
              {
                path: ['mapping', header],
                rule: 'import.mapping',
                message: `"${field}" is not a field of ${job.object}`,
              },
            ]),
      ]);
      for (const [header, order] of Object.entries(dateFormats)) {
        if (!columns.some((column) => column.header === header))
          issues.push({
            path: ['dateFormats', header],
            rule: 'import.dateFormats',
            message: `the file has no column "${header}"`,
          });
        else if (!DATE_ORDERS.includes(order))
          issues.push({
            path: ['dateFormats', header],
            rule: 'import.dateFormats',
            message: `the date order of "${header}" is one of ${DATE_ORDERS.join(', ')}`,
          });
      }
      if (issues.length) throw new DomainValidationError(issues);
      const mapping = { ...(job.mapping ?? {}), ...changes };
      const targets = Object.values(mapping).filter((field): field is string => field !== null);
      const twice = targets.find((field, i) => targets.indexOf(field) !== i);
      if (twice) {
        throw new DomainValidationError({
          path: ['mapping'],
          rule: 'import.mapping',
          message: `"${twice}" is mapped from two columns`,
        });
      }
      const remapped = columns.map((column) => {
        const field = mapping[column.header] ?? null;
        return {
          ...column,
          field,
          samples: column.samples.map((sample) =>
            shownCell(sample, column.holdsSsn === true || field === 'ssn', field)
          ),
        };
      });
      await revalidate(job, {
        mapping,
        columns: remapped,
        dateFormats: { ...(job.dateFormats ?? {}), ...dateFormats },
      });
      return view(await load(documentId));
    },

    /** Stage 4: the companies no customer matched, with their rows, decision and near matches. */
    async referenceData(documentId: string) {
      const job = await load(documentId);
      if (job.object !== 'contacts') return [];
      const groups = await staging().unmatchedGroups(job.id);
      // All groups at once: a bounded number of candidates per word start, read set-based.
      const suggestions = await getService(strapi, 'company-keys').suggestMany(
        groups.map((group) => group.company),
        3
      );
      return groups.map((group, i) => ({
        key: group.key,
        company: group.company,
        rows: group.rows,
        decision: publicDecision(job.decisions?.[group.key]),
        suggestions: suggestions[i],
      }));
    },

    /**
     * The job with, while it can still change, a preview of what starting it would do, judged
     * against the records as they are now.
     */
    async viewWithPreview(job: JobRow) {
      const editable = EDITABLE_IMPORT_STAGES.includes(job.stage as ImportStage);
      return {
        ...view(job),
        preview: editable ? await createImportPreview(strapi).preview(job) : null,
      };
    },

    /**
     * How the job treats rows that are records the CRM has: mode, keys, rows sharing a key, empty
     * cells. Each setting is checked (keys must be mapped); those not given keep their value.
     */
    async setMode(documentId: string, change: Record<string, unknown>) {
      const job = await load(documentId);
      if (!EDITABLE_IMPORT_STAGES.includes(job.stage as ImportStage))
        throw conflict(
          job.stage === 'validating'
            ? 'the import is being validated; try again when it is done'
            : `the import is ${job.stage}; its mode can no longer change`
        );
      const current = importModeOf(job.object, job.mode);
      const mode = changeImportMode(job.object, current, change, mappedFieldsOf(job));
      // Rows lacking a required field are kept only when they may update a record: judged again
      // (to keep them, only the invalid rows can change).
      if ((current.mode === 'create') !== (mode.mode === 'create'))
        await revalidate(job, { mode }, mode.mode === 'create' ? 'valid' : 'invalid');
      else if (!(await changeJob(job, { mode }, [...EDITABLE_IMPORT_STAGES])))
        throw changedMeanwhile();
      return view(await load(documentId));
    },

    /** Records create / link / skip per unmatched company, or one choice for all still undecided. */
    async decide(
      documentId: string,
      decisions: { key: string; action: Decision['action']; customer?: string }[],
      applyToAll?: 'create' | 'skip'
    ) {
      const job = await load(documentId);
      if (!EDITABLE_IMPORT_STAGES.includes(job.stage as ImportStage))
        throw conflict(
          `the import is ${job.stage}; its mapping and decisions can no longer change`
        );
      const groups = job.object === 'contacts' ? await staging().unmatchedGroups(job.id) : [];
      const keys = new Set(groups.map((group) => group.key));
      const next: Record<string, Decision> = { ...(job.decisions ?? {}) };
      const issues = [];
      for (const [i, decision] of decisions.entries()) {
        if (!keys.has(decision.key)) {
          issues.push({
            path: ['decisions', i, 'key'],
            rule: 'import.decision',
            message: `decisions[${i}]: no unmatched company "${decision.key}"`,
          });
          continue;
        }
        if (decision.action === 'link') {
          const customer = decision.customer
            ? await strapi.db
                .query(CUSTOMER_UID)
                .findOne({ where: { documentId: decision.customer }, select: ['id'] })
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
      if (issues.length) {
        // Groups read from a job that has moved on (started meanwhile) say nothing of the request.
        if ((await load(documentId)).revision !== job.revision) throw changedMeanwhile();
        throw new DomainValidationError(issues);
      }
      if (applyToAll) for (const key of keys) next[key] ??= { action: applyToAll };
      const decided = [...keys].every((key) => next[key]);
      if (
        !(await changeJob(job, { decisions: next, stage: decided ? 'ready' : 'reference-data' }, [
          ...EDITABLE_IMPORT_STAGES,
        ]))
      )
        throw changedMeanwhile();
      return this.referenceData(documentId);
    },

    /**
     * Forgets the file's cells (and their validated values) of jobs finished or undone more than
     * `importRetentionDays` ago; their rows stay, so counts and the log's lines and reasons remain.
     * Returns how many rows were purged.
     */
    async purgeExpired(now = new Date()): Promise<number> {
      const before = new Date(now.getTime() - settings().importRetentionDays * DAY_MS);
      const expired = (await jobs().findMany({
        where: {
          cellsPurgedAt: { $null: true },
          $or: [
            { stage: { $in: ['done', 'failed'] }, finishedAt: { $lt: before } },
            { stage: 'undone', undoneAt: { $lt: before } },
          ],
        },
        select: ['id'],
      })) as { id: number }[];
      let purged = 0;
      for (const { id } of expired) {
        purged += await staging().purgeCells(id);
        await jobs().update({ where: { id }, data: { cellsPurgedAt: now } });
      }
      return purged;
    },
  };
};
