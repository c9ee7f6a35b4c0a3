import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { ImportPreview } from '../../../../contracts';
import {
  ERASED_PERSON_REASON,
  contactListCandidates,
  contactStoredDisplayName,
  type ListedCandidate,
  ambiguousMatchReason,
  duplicateReason,
  externalIdTaken,
  importModeOf,
  importedMatchRecord,
  inFileDuplicates,
  likelyMatchReason,
  matchReason,
  noMatchReason,
  planRows,
  rowMatchValues,
  type ContactRow,
  type CustomerRow,
  type ImportMatchKey,
  type ImportModeSettings,
  type ImportObject,
  type PlanMemory,
  type RowPlan,
  emptyPlanMemory,
} from '../../domain';
import { createBulkInsert } from '../../repositories/bulk-insert';
import type { RelatedIds, StagedRow } from '../../repositories/import-rows';
import { yieldIfSliceIsOver } from '../../utils/event-loop';
import { getService } from '../../utils/get-service';
import { readEachIn } from '../../utils/read-together';
import { CONTACT_POINT_UIDS, CONTACT_UID, CUSTOMER_UID } from '../../utils/uids';
import { companyRefs, historySession, recordInserted } from './import-history';
import { createRecordMatches } from './record-matches';
import { createRecordUpdates, type RowUpdate } from './record-updates';

/** A company group's customer, or why its rows get none. */
export type CompanyTarget = { id: number } | 'skip' | 'missing';

/** What a preview carries from batch to batch: the rows earlier batches would create. */
export interface PreviewCarry {
  memory: PlanMemory;
  creatableLines: Set<number>;
}

export const emptyPreviewCarry = (): PreviewCarry => ({
  memory: emptyPlanMemory(),
  creatableLines: new Set(),
});

/** The job as a batch needs it. */
export interface BatchJob {
  id: number;
  object: ImportObject;
  mode: Partial<ImportModeSettings> | null;
  mapping: Record<string, string | null> | null;
}

/** The import field of each kind of a customer row's phones and e-mails. */
const PHONE_FIELDS: Record<string, string> = {
  home: 'homePhone',
  cell: 'cellPhone',
  work: 'workPhone',
  fax: 'faxNumber',
};
const EMAIL_FIELDS: Record<string, string> = { personal: 'email', work: 'workEmail' };

/** The e-mails and phone numbers a row would write, by the import field that holds them. */
const listCandidatesOf = (object: ImportObject, row: StagedRow): ListedCandidate[] => {
  if (object === 'contacts') return contactListCandidates({ ...(row.data as ContactRow).contact });
  const data = row.data as CustomerRow;
  return [
    ...data.emails.map((email) => ({
      field: EMAIL_FIELDS[email.type] ?? 'email',
      kind: 'email' as const,
      value: email.address,
    })),
    ...data.phones.map((phone) => ({
      field: PHONE_FIELDS[phone.type] ?? 'phone',
      kind: 'phone' as const,
      value: phone.number,
    })),
  ];
};

type Outcome = { id: number; status: 'ignored' | 'invalid' | 'failed'; reason: string };

const because = (field: string, reason: string) => JSON.stringify([{ field, reason }]);
const recordKind = (object: ImportObject) => (object === 'contacts' ? 'contact' : 'customer');
const externalIdOf = (object: ImportObject, row: StagedRow): string | null =>
  (object === 'contacts'
    ? (row.data as ContactRow).contact.externalId
    : (row.data as CustomerRow).customer.externalId) ?? null;

/**
 * Writes one batch of an import's rows, inside the batch's transaction: each row is planned by the
 * job's mode and keys (see `planRows`), new records are bulk-inserted, matched ones updated
 * through the domain's update rules, and every row's outcome is recorded with it.
 */
export const createImportBatch = (strapi: Core.Strapi) => {
  const bulk = createBulkInsert(strapi);
  const recordMatches = createRecordMatches(strapi);
  const recordUpdates = createRecordUpdates(strapi);
  const staging = () => getService(strapi, 'import-rows');
  const link = (uid: string, attribute: string) =>
    getService(strapi, 'network-repository').link(uid, attribute);

  /** Each row's plan, with the key values locked until the batch commits. */
  const plan = async (
    jobId: number,
    object: ImportObject,
    settings: ImportModeSettings,
    rows: readonly StagedRow[],
    lock: boolean,
    memory?: PlanMemory
  ): Promise<RowPlan[]> => {
    const keyed = rows.map((row) => ({
      line: row.line,
      values: rowMatchValues(object, settings.matchBy, row.data as ContactRow | CustomerRow),
    }));
    const wanted = new Map<ImportMatchKey, Set<string>>();
    for (const { values } of keyed)
      for (const [key, list] of values) {
        if (list.length && !wanted.has(key)) wanted.set(key, new Set());
        for (const value of list) wanted.get(key)!.add(value);
      }
    await yieldIfSliceIsOver();
    const found = wanted.size
      ? await recordMatches.lockAndFind(object, wanted, { lock })
      : () => [] as readonly number[];
    await yieldIfSliceIsOver();
    const recordIds = [
      ...new Set(
        keyed.flatMap(({ values }) =>
          values.flatMap(([key, list]) => list.flatMap((value) => found(key, value)))
        )
      ),
    ];
    // Records this job wrote from earlier rows: a row finding one of them repeats that row.
    const earlier = await staging().linesOfRecords(jobId, recordIds);
    await yieldIfSliceIsOver();
    const plans = planRows(keyed, found, settings, (id) => earlier.get(id), memory);
    return settings.mode === 'create' && settings.fuzzy
      ? withLikelyRecords(object, rows, plans)
      : plans;
  };

  /**
   * Rows about to be created that the duplicate matcher finds a likely record for (at the block
   * score) are that record, like a key match.
   */
  const withLikelyRecords = async (
    object: ImportObject,
    rows: readonly StagedRow[],
    plans: RowPlan[]
  ): Promise<RowPlan[]> => {
    const duplicates = getService(strapi, 'duplicates');
    const { defaultCountry, duplicates: options } = getService(strapi, 'settings').get();
    const kind = object === 'contacts' ? 'contact' : 'customer';
    return readEachIn(strapi, plans, async (plan, i): Promise<RowPlan> => {
      if (plan.kind !== 'create') return plan;
      const record = importedMatchRecord(object, rows[i].data as ContactRow | CustomerRow, {
        defaultCountry,
      });
      const [likely] = await duplicates.candidatesOf(kind, record, [], options.blockScore);
      return likely
        ? {
            kind: 'likely',
            recordId: likely.matched.id,
            score: likely.score,
            reasons: likely.reasons,
          }
        : plan;
    });
  };

  /** Why a row a plan leaves out is left out, naming the records it found. */
  const leftOut = async (
    object: ImportObject,
    rows: readonly StagedRow[],
    plans: readonly RowPlan[]
  ): Promise<Outcome[]> => {
    const named = await recordMatches.documentIds(
      object,
      plans.flatMap((plan) =>
        plan.kind === 'matches' || plan.kind === 'likely'
          ? [plan.recordId]
          : plan.kind === 'ambiguous'
            ? plan.recordIds
            : []
      )
    );
    const name = (id: number) => named.get(id) ?? String(id);
    const kind = recordKind(object);
    return plans.flatMap((plan, i): Outcome[] => {
      const id = rows[i].id;
      if (plan.kind === 'matches')
        return [
          {
            id,
            status: 'ignored',
            reason: because(plan.key, matchReason(kind, name(plan.recordId), plan.key)),
          },
        ];
      if (plan.kind === 'likely')
        return [
          {
            id,
            status: 'ignored',
            reason: because(
              '',
              likelyMatchReason(kind, name(plan.recordId), plan.score, plan.reasons)
            ),
          },
        ];
      if (plan.kind === 'duplicate')
        return [{ id, status: 'ignored', reason: because(plan.key, duplicateReason(plan.line)) }];
      if (plan.kind === 'no-match')
        return [
          { id, status: 'ignored', reason: because(plan.keys[0] ?? '', noMatchReason(plan.keys)) },
        ];
      if (plan.kind === 'ambiguous')
        return [
          {
            id,
            status: 'invalid',
            reason: because(
              plan.key,
              ambiguousMatchReason(kind, plan.recordIds.map(name), plan.key)
            ),
          },
        ];
      return [];
    });
  };

  /**
   * The rows that may be written with their external id: one another record already has, or an
   * earlier row of the batch, makes the row fail with the rule it breaks. The ids stay locked until
   * the batch commits, so a concurrent writer of the same id waits and then sees these records.
   * `ownerOf` names the record a row updates (its own id is no conflict), `targetOf` the record
   * a row writes, existing or to be created (rows writing one record may repeat its id).
   */
  const withFreeExternalIds = async (
    object: ImportObject,
    rows: StagedRow[],
    ownerOf: (row: StagedRow) => number | undefined,
    targetOf: (row: StagedRow) => string,
    refused: Outcome[],
    lock: boolean
  ): Promise<StagedRow[]> => {
    const keyed = rows.map((row) => {
      const externalId = externalIdOf(object, row);
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
    const found = await recordMatches.lockAndFind(object, new Map([['externalId', new Set(ids)]]), {
      lock,
    });
    const holderOf = (entry: (typeof keyed)[number]) =>
      found('externalId', entry.values[0][1][0] ?? '').find((id) => id !== ownerOf(entry.row));
    const named = await recordMatches.documentIds(
      object,
      keyed.map(holderOf).filter((id) => id !== undefined)
    );
    const repeated = inFileDuplicates(
      keyed
        .filter((entry) => holderOf(entry) === undefined)
        .map(({ row, values }) => ({ line: row.line, values }))
    );
    const kept: StagedRow[] = [];
    for (const entry of keyed) {
      const externalId = entry.values[0][1][0];
      const holder = holderOf(entry);
      const earlier = repeated.get(entry.row.line);
      const sameRecord =
        earlier &&
        targetOf(entry.row) === targetOf(keyed.find(({ row }) => row.line === earlier.line)!.row);
      const reason =
        holder !== undefined
          ? externalIdTaken(externalId, recordKind(object), named.get(holder) ?? String(holder))
              .message
          : earlier && !sameRecord
            ? `externalId "${externalId}" is also on line ${earlier.line}, imported first`
            : null;
      if (reason === null) kept.push(entry.row);
      else
        refused.push({ id: entry.row.id, status: 'failed', reason: because('externalId', reason) });
    }
    return kept;
  };

  /** The customer a contact row's company resolves to, or why it has none. */
  const companyOf = (row: StagedRow, companies: Map<string, CompanyTarget>) =>
    row.customerId
      ? { id: row.customerId }
      : row.companyKey
        ? (companies.get(row.companyKey) ?? 'missing')
        : null;

  const companyOutcome = (row: StagedRow, target: 'skip' | 'missing'): Outcome =>
    target === 'skip'
      ? {
          id: row.id,
          status: 'ignored',
          reason: because('company', 'company skipped at reference data'),
        }
      : {
          id: row.id,
          status: 'failed',
          reason: because('company', 'the customer chosen for this company no longer exists'),
        };

  /** Creates the contacts of these rows; their ids by row id. */
  const createContacts = async (
    trx: Knex,
    rows: StagedRow[],
    companies: Map<string, CompanyTarget>,
    outcomes: Outcome[]
  ): Promise<Map<number, number>> => {
    const toInsert: { row: StagedRow; companyId: number | null }[] = [];
    for (const row of rows) {
      const target = companyOf(row, companies);
      if (target === 'skip' || target === 'missing') outcomes.push(companyOutcome(row, target));
      else toInsert.push({ row, companyId: target?.id ?? null });
    }
    // Their companies' names: a contact's display name takes its company's (the rule the SQL
    // refresh of display names applies), written with the contact rather than updated after.
    const companyRefsById = await companyRefs(
      strapi,
      trx,
      [...new Set(toInsert.map(({ companyId }) => companyId))].filter(
        (id): id is number => id !== null
      )
    );
    const companyOfInsert = (companyId: number | null) =>
      companyId === null ? undefined : companyRefsById.get(companyId);
    const contacts = toInsert.map(({ row, companyId }) => {
      const contact = { ...(row.data as ContactRow).contact, isUser: false };
      const displayName = contactStoredDisplayName(
        contact,
        companyOfInsert(companyId)?.name ?? null
      );
      return { ...contact, displayName };
    });
    const { ids, documentIds } = await bulk.create(trx, CONTACT_UID, contacts);
    await yieldIfSliceIsOver();
    const companyPairs = toInsert
      .map(({ companyId }, i) => [ids[i], companyId] as [number, number | null])
      .filter((pair): pair is [number, number] => pair[1] !== null);
    await bulk.links(trx, link(CONTACT_UID, 'company'), companyPairs);
    await yieldIfSliceIsOver();
    await getService(strapi, 'duplicates').refresh('contact', ids, { created: true });
    await yieldIfSliceIsOver();
    // Their history from the values written (the bulk of an import): nothing is read back.
    if (historySession(strapi)) {
      await recordInserted(
        strapi,
        trx,
        'contact',
        CONTACT_UID,
        toInsert.map(({ companyId }, i) => ({
          id: ids[i],
          values: contacts[i],
          relations: { company: companyOfInsert(companyId)?.ref ?? null },
          given: { documentId: documentIds[i], displayName: contacts[i].displayName },
        }))
      );
    }
    return new Map(toInsert.map(({ row }, i) => [row.id, ids[i]]));
  };

  /** Creates the customers of these rows with their contact points; ids and points made by row id. */
  const createCustomers = async (
    trx: Knex,
    rows: StagedRow[]
  ): Promise<Map<number, { recordId: number; related: RelatedIds }>> => {
    if (rows.length === 0) return new Map();
    const numbers = await getService(strapi, 'customer-numbers').reserve(rows.length);
    const values = rows.map((row) => row.data as CustomerRow);
    const ids = await bulk.records(
      trx,
      CUSTOMER_UID,
      values.map((value, i) => ({ ...value.customer, customerNumber: numbers[i] }))
    );
    const session = historySession(strapi);
    session?.created(CUSTOMER_UID, ids);
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
      session?.created(CONTACT_POINT_UIDS[kind], created);
      points.forEach((point, i) => (related[point.row][kind] ??= []).push(created[i]));
      await yieldIfSliceIsOver();
    }
    await getService(strapi, 'search-index').refresh(ids);
    return new Map(rows.map((row, i) => [row.id, { recordId: ids[i], related: related[i] }]));
  };

  /** The updates of a batch's rows planned to update, in line order; rows that cannot be end in `outcomes`. */
  const updatesOf = (
    job: BatchJob,
    settings: ImportModeSettings,
    rows: readonly StagedRow[],
    planOf: Map<number, RowPlan>,
    createdByLine: (line: number) => number | undefined,
    companies: Map<string, CompanyTarget>,
    outcomes: Outcome[]
  ): RowUpdate[] => {
    const mappedCompany = Object.values(job.mapping ?? {}).includes('company');
    const updates: RowUpdate[] = [];
    for (const row of rows) {
      const rowPlan = planOf.get(row.id)!;
      if (rowPlan.kind !== 'update' && rowPlan.kind !== 'update-new') continue;
      const recordId = rowPlan.kind === 'update' ? rowPlan.recordId : createdByLine(rowPlan.line);
      if (recordId === undefined) {
        // Merged into a row that made no record (its company skipped, its id taken): not made here either.
        outcomes.push({
          id: row.id,
          status: 'ignored',
          reason: because(
            rowPlan.key,
            `${duplicateReason(rowPlan.kind === 'update-new' ? rowPlan.line : row.line)}, which made no record`
          ),
        });
        continue;
      }
      let company: number | null | undefined;
      if (job.object === 'contacts') {
        const target = companyOf(row, companies);
        if (target === 'skip' || target === 'missing') {
          outcomes.push(companyOutcome(row, target));
          continue;
        }
        company =
          target !== null
            ? target.id
            : settings.emptyCells === 'clear' && mappedCompany
              ? null
              : undefined;
      }
      updates.push({
        rowId: row.id,
        line: row.line,
        recordId,
        data: row.data as ContactRow | CustomerRow,
        company,
      });
    }
    return updates;
  };

  const mappedFieldsOf = (job: BatchJob) =>
    Object.values(job.mapping ?? {}).filter((field): field is string => field !== null);

  /** A batch's rows planned and their external ids checked: what is left to create and update. */
  const prepare = async (job: BatchJob, rows: StagedRow[], lock: boolean, memory?: PlanMemory) => {
    const settings = importModeOf(job.object, job.mode);
    const plans = await plan(job.id, job.object, settings, rows, lock, memory);
    await yieldIfSliceIsOver();
    const outcomes = await leftOut(job.object, rows, plans);
    await yieldIfSliceIsOver();
    const planOf = new Map(rows.map((row, i) => [row.id, plans[i]]));
    const planned = rows.filter((row) =>
      ['create', 'update', 'update-new'].includes(planOf.get(row.id)!.kind)
    );
    // A row bringing back an erased person's e-mail or phone is left out: the whole batch at once.
    const listed = await getService(strapi, 'erasure-list').listedAmong(
      planned.map((row) => listCandidatesOf(job.object, row))
    );
    await yieldIfSliceIsOver();
    const writing = planned.filter((row, i) => {
      if (listed[i] === null) return true;
      outcomes.push({
        id: row.id,
        status: 'ignored',
        reason: because(listed[i]!, ERASED_PERSON_REASON),
      });
      return false;
    });
    const recordOf = (row: StagedRow) => {
      const rowPlan = planOf.get(row.id)!;
      return rowPlan.kind === 'update' ? rowPlan.recordId : undefined;
    };
    const targetOf = (row: StagedRow) => {
      const rowPlan = planOf.get(row.id)!;
      if (rowPlan.kind === 'update') return `record ${rowPlan.recordId}`;
      return `line ${rowPlan.kind === 'update-new' ? rowPlan.line : row.line}`;
    };
    const free = new Set(
      (await withFreeExternalIds(job.object, writing, recordOf, targetOf, outcomes, lock)).map(
        (row) => row.id
      )
    );
    const creating = writing.filter((row) => {
      if (!free.has(row.id) || planOf.get(row.id)!.kind !== 'create') return false;
      // A row lacking a required field can update a record, never make one.
      const requires = (row.data as ContactRow | CustomerRow).requires;
      if (requires?.length)
        outcomes.push({
          id: row.id,
          status: 'invalid',
          reason: JSON.stringify(requires.map(({ field, reason }) => ({ field, reason }))),
        });
      return !requires?.length;
    });
    const updating = writing.filter(
      (row) => free.has(row.id) && planOf.get(row.id)!.kind !== 'create'
    );
    return { settings, planOf, outcomes, creating, updating };
  };

  return {
    /**
     * Plans and writes a batch in the caller's transaction, recording every row's outcome:
     * imported (created, updated or unchanged, with the record), ignored, invalid or failed.
     */
    async write(
      trx: Knex,
      job: BatchJob,
      rows: StagedRow[],
      companies: Map<string, CompanyTarget>
    ): Promise<void> {
      const { settings, planOf, outcomes, creating, updating } = await prepare(job, rows, true);
      await yieldIfSliceIsOver();
      const created: Map<number, { recordId: number; related?: RelatedIds }> =
        job.object === 'contacts'
          ? new Map(
              [...(await createContacts(trx, creating, companies, outcomes))].map(
                ([rowId, recordId]) => [rowId, { recordId }]
              )
            )
          : await createCustomers(trx, creating);
      const createdByLine = new Map(
        creating
          .filter((row) => created.has(row.id))
          .map((row) => [row.line, created.get(row.id)!.recordId])
      );
      const updates = updatesOf(
        job,
        settings,
        updating,
        planOf,
        (line) => createdByLine.get(line),
        companies,
        outcomes
      );
      await yieldIfSliceIsOver();
      const results = await recordUpdates.apply(trx, job.object, updates, {
        emptyCells: settings.emptyCells,
        mappedFields: mappedFieldsOf(job),
      });
      await yieldIfSliceIsOver();
      const recordOfRow = new Map(updates.map((update) => [update.rowId, update.recordId]));
      const imported: Parameters<ReturnType<typeof staging>['markImported']>[0] = [...created].map(
        ([rowId, { recordId, related }]) => ({
          id: rowId,
          recordId,
          related,
          outcome: 'created' as const,
        })
      );
      for (const result of results) {
        if (result.outcome === 'failed')
          outcomes.push({
            id: result.rowId,
            status: 'failed',
            reason: JSON.stringify(result.issues),
          });
        else
          imported.push({
            id: result.rowId,
            recordId: recordOfRow.get(result.rowId)!,
            outcome: result.outcome,
            snapshot: result.outcome === 'updated' ? result.snapshot : undefined,
          });
      }
      await staging().markImported(imported);
      await yieldIfSliceIsOver();
      await staging().markEach(outcomes);
    },

    /**
     * What writing these rows would do now, judged as `write` judges them and written nowhere:
     * rows to create, to update, already up to date, and left out (ignored, invalid or failing a
     * rule). A row merging into a record an earlier row creates counts as an update.
     */
    async preview(
      job: BatchJob,
      rows: StagedRow[],
      companies: Map<string, CompanyTarget>,
      carry: PreviewCarry
    ): Promise<ImportPreview> {
      const { settings, planOf, outcomes, creating, updating } = await prepare(
        job,
        rows,
        false,
        carry.memory
      );
      const creatable = creating.filter((row) => {
        const target = job.object === 'contacts' ? companyOf(row, companies) : null;
        return target !== 'skip' && target !== 'missing';
      });
      const { creatableLines } = carry;
      for (const row of creatable) creatableLines.add(row.line);
      const updates = updatesOf(
        job,
        settings,
        updating,
        planOf,
        (line) => (creatableLines.has(line) ? -line : undefined),
        companies,
        outcomes
      );
      const onNew = updates.filter((update) => update.recordId < 0);
      const results = await recordUpdates.apply(
        null,
        job.object,
        updates.filter((update) => update.recordId >= 0),
        { emptyCells: settings.emptyCells, mappedFields: mappedFieldsOf(job), dryRun: true }
      );
      const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
      return {
        create: creatable.length,
        update: count('updated') + onNew.length,
        unchanged: count('unchanged'),
        ignored: rows.length - creatable.length - updates.length + count('failed'),
      };
    },
  };
};
