import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ERASED_PERSON_NAME, REDACTED_VALUE } from '../../../contracts';
import {
  CONTACT_POINT_KINDS,
  contactIdentityValues,
  customerIdentityValues,
  erasedContactValues,
  erasedCustomerValues,
  erasedHistoryOrigin,
  formerLabelsOf,
  historyChangesOf,
  isErasedRecord,
  mergeIdentityValues,
  redactHistoryEntry,
  storedHistoryChanges,
  type ContactPointKind,
  type HistoryRecordKind,
  type HistoryRedaction,
  type IdentityValues,
  type RedactableEntry,
  type StoredHistoryChanges,
} from '../domain';
import { STAGING_TABLE } from '../repositories/import-rows';
import { linkOf } from '../repositories/links';
import { MATCH_KEYS_TABLE } from '../repositories/match-keys';
import { SCAN_KEYS_TABLE } from '../repositories/scan-candidates';
import type { Actor } from '../utils/actor';
import { conflict, notFound } from '../utils/errors';
import { getService } from '../utils/get-service';
import {
  ACTIVITY_UID,
  CONTACT_POINT_UIDS,
  CONTACT_UID,
  CUSTOMER_UID,
  HISTORY_ENTRY_UID,
  IMPORT_JOB_UID,
  USER_UID,
} from '../utils/uids';
import { withKnex } from '../utils/with-knex';
import { HISTORY_KIND_OF_UID } from './history';

export type ErasableKind = 'customer' | 'contact';

/** What an erasure did; the same answer (with `alreadyErased`) when there was nothing left to do. */
export interface ErasureOutcome {
  record: { kind: ErasableKind; documentId: string };
  alreadyErased: boolean;
  /** The records erased: the one asked for and the contacts that are the same person. */
  erased: { customers: string[]; contacts: string[] };
  contactPointsDeleted: number;
  /** E-mails and phone numbers put on the erasure list (not listed before). */
  listed: number;
}

type Row = Record<string, unknown> & { id: number; documentId: string };

const CHUNK = 400;
const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK)
  );
/** Match keys that carry a value of the person (e-mail, phone, SSN hash, address, birth date, given name). */
const VALUE_KEY_PREFIXES = ['e:', 'p:', 's:', 'a:', 'd:', 'g:', 'z:'];
/** Rounds of "contacts sharing an e-mail or phone with those found": the same person's records. */
const MAX_ROUNDS = 5;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const parsedJson = <T>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * Erases a person: in one transaction, under the record's lock, their names become "Erased person"
 * and a reference, their contact points, SSN and personal fields go (`domain/erasure.ts` lists
 * them), the contacts that are the same person (sharing an e-mail or personal phone) are erased
 * too, list memberships and comments' texts removed, a contact's login deleted; every table that
 * copies their values (search index, match keys, staged import rows, merge snapshots) is cleared,
 * their history redacted and their e-mails and phones put on the erasure list. The records, their
 * links and counts stay.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const locks = () => getService(strapi, 'customer-locks');
  const network = () => getService(strapi, 'network-repository');
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const pointsOf = async (customerIds: readonly number[]) => {
    const points: { kind: ContactPointKind; rows: Row[] }[] = [];
    for (const kind of CONTACT_POINT_KINDS) {
      const ids = await network().ownersLinkedTo(CONTACT_POINT_UIDS[kind], 'customer', [
        ...customerIds,
      ]);
      const rows = ids.length
        ? ((await strapi.db
            .query(CONTACT_POINT_UIDS[kind])
            .findMany({ where: { id: { $in: ids } } })) as Row[])
        : [];
      points.push({ kind, rows });
    }
    return points;
  };

  /** Contacts holding any of these e-mails or phones (in any of their e-mail or phone fields). */
  const contactsSharing = async (values: IdentityValues): Promise<Row[]> => {
    const or: Record<string, unknown>[] = [];
    if (values.emails.length)
      for (const field of ['email', 'email2']) or.push({ [field]: { $in: values.emails } });
    if (values.phones.length)
      for (const field of ['mobilePhone', 'mobilePhone2', 'workPhone'])
        or.push({ [field]: { $in: values.phones } });
    if (or.length === 0) return [];
    return (await strapi.db.query(CONTACT_UID).findMany({
      where: { $or: or },
      populate: { user: { select: ['id', 'documentId', 'email', 'username'] } },
    })) as Row[];
  };

  /** The contacts that are the same person: sharing an identifying value, round after round. */
  const samePersonContacts = async (
    start: IdentityValues,
    known: Map<number, Row>
  ): Promise<IdentityValues> => {
    let values = start;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const found = (await contactsSharing(values)).filter((row) => !known.has(row.id));
      if (found.length === 0) break;
      for (const row of found) known.set(row.id, row);
      values = mergeIdentityValues(values, ...found.map(contactIdentityValues));
    }
    return values;
  };

  const findRecord = async (kind: ErasableKind, documentId: string): Promise<Row | null> =>
    (await strapi.db.query(kind === 'customer' ? CUSTOMER_UID : CONTACT_UID).findOne({
      where: { documentId },
      ...(kind === 'contact'
        ? { populate: { user: { select: ['id', 'documentId', 'email', 'username'] } } }
        : {}),
    })) as Row | null;

  /** Rows of other tables that copy the person's values. */
  const clearCopies = async (
    knex: Knex,
    customerIds: readonly number[],
    contactIds: readonly number[],
    documentIds: readonly string[],
    valueKeys: readonly string[],
    identities: IdentityValues
  ) => {
    const jobs = strapi.db.metadata.get(IMPORT_JOB_UID).tableName;
    const cells = isPostgres() ? 'LOWER(CAST(cells AS TEXT))' : 'LOWER(cells)';
    const values = [...identities.emails, ...identities.phones];
    // Staged import rows that made or updated the records (their cells, values and undo
    // snapshot), and rows of any import holding the person's e-mail or phone (one ignored as a
    // duplicate of them): values matched as validated, the cells lower-cased.
    const touched = new Set<number>();
    const clearRows = async (query: Knex.QueryBuilder) => {
      for (const jobId of (await query.clone().distinct('job_id').pluck('job_id')) as number[])
        touched.add(Number(jobId));
      await query.update({ cells: '[]', data: null, snapshot: null });
    };
    for (const [object, ids] of [
      ['customers', customerIds],
      ['contacts', contactIds],
    ] as const)
      for (const chunk of chunks(ids))
        await clearRows(
          knex(STAGING_TABLE)
            .whereIn('record_id', chunk)
            .whereIn('job_id', knex(jobs).select('id').where('object', object))
        );
    for (const value of values)
      await clearRows(
        knex(STAGING_TABLE).where((where) =>
          where.whereRaw(`${cells} LIKE ?`, [`%${value}%`]).orWhere('data', 'like', `%${value}%`)
        )
      );
    // Those imports' column samples (the file's first values) go too.
    const columns = isPostgres() ? 'LOWER(CAST(columns AS TEXT))' : 'LOWER(columns)';
    for (const value of values)
      for (const jobId of (await knex(jobs)
        .whereRaw(`${columns} LIKE ?`, [`%${value}%`])
        .pluck('id')) as number[])
        touched.add(Number(jobId));
    for (const jobId of touched) {
      const job = (await knex(jobs).where('id', jobId).first('columns')) as
        { columns: unknown } | undefined;
      const list = job?.columns ? parsedJson<Record<string, unknown>[] | null>(job.columns) : null;
      if (!Array.isArray(list)) continue;
      await knex(jobs)
        .where('id', jobId)
        .update({ columns: JSON.stringify(list.map((column) => ({ ...column, samples: [] }))) });
    }
    // A merge's snapshot holds the merged records as they were: it can no longer be undone.
    const merges = strapi.db.metadata.get('plugin::crm.merge').tableName;
    const mergedCast = isPostgres() ? 'CAST(merged AS TEXT)' : 'merged';
    for (const documentId of documentIds)
      await knex(merges)
        .where((where) =>
          where
            .where('survivor', documentId)
            .orWhereRaw(`${mergedCast} LIKE ?`, [`%"${documentId}"%`])
        )
        .update({ snapshot: null, sealed: null });
    // A duplicate scan's keys that are the person's values.
    for (const chunk of chunks(valueKeys))
      await knex(SCAN_KEYS_TABLE).whereIn('match_key', chunk).delete();
  };

  const matchKeysOf = async (knex: Knex, kind: 'customer' | 'contact', ids: readonly number[]) => {
    const keys: string[] = [];
    for (const chunk of chunks(ids))
      keys.push(
        ...((await knex(MATCH_KEYS_TABLE)
          .where('kind', kind)
          .whereIn('record_id', chunk)
          .pluck('match_key')) as string[])
      );
    return keys.filter((key) => VALUE_KEY_PREFIXES.some((prefix) => key.startsWith(prefix)));
  };

  /** Entries about the erased records, their contact points and comments, or naming them. */
  const entriesToRedact = async (
    knex: Knex,
    own: readonly string[],
    subjects: readonly string[],
    named: readonly string[]
  ) => {
    const table = strapi.db.metadata.get(HISTORY_ENTRY_UID).tableName;
    const changesCast = isPostgres() ? 'CAST(changes AS TEXT)' : 'changes';
    const rows = new Map<number, Record<string, unknown>>();
    const add = (found: Record<string, unknown>[]) => {
      for (const row of found) rows.set(Number(row.id), row);
    };
    const columns = ['id', 'record_uid', 'record_document_id', 'record_label', 'changes'];
    for (const chunk of chunks(own))
      add(await knex(table).select(columns).whereIn('record_document_id', chunk));
    for (const chunk of chunks(subjects))
      add(
        await knex(table)
          .select(columns)
          .where((where) =>
            where
              .whereIn('subject_document_id', chunk)
              .orWhereIn('other_subject_document_id', chunk)
          )
      );
    for (const documentId of named)
      add(
        await knex(table)
          .select(columns)
          .whereRaw(`${changesCast} LIKE ?`, [`%${documentId}%`])
      );
    return [...rows.values()].map((row) => ({
      id: Number(row.id),
      uid: String(row.record_uid),
      entry: {
        recordDocumentId: String(row.record_document_id),
        recordLabel: (row.record_label as string | null) ?? null,
        changes: historyChangesOf(parsedJson<StoredHistoryChanges>(row.changes)),
      } satisfies RedactableEntry,
    }));
  };

  return {
    async erase(kind: ErasableKind, documentId: string, actor: Actor): Promise<ErasureOutcome> {
      const list = getService(strapi, 'erasure-list');
      if (!list.isConfigured())
        throw conflict(
          'nobody can be erased while CRM_ERASURE_KEY is not set: the erasure list needs its key'
        );
      return strapi.db.transaction(async () => {
        const found = await findRecord(kind, documentId);
        if (!found) throw notFound(kind);
        if (kind === 'customer') await locks().lock([found.id]);
        else await locks().lockRows(CONTACT_UID, [found.id]);
        const record = (await findRecord(kind, documentId))!;

        // The person's records: the one asked for and the contacts that are the same person.
        const customers: Row[] = kind === 'customer' ? [record] : [];
        const contacts = new Map<number, Row>(kind === 'contact' ? [[record.id, record]] : []);
        const points = await pointsOf(customers.map((row) => row.id));
        const start =
          kind === 'customer'
            ? customerIdentityValues(
                points.find((p) => p.kind === 'email')!.rows as never,
                points.find((p) => p.kind === 'phone')!.rows as never
              )
            : contactIdentityValues(record);
        if (kind === 'customer') {
          // A contact converted into this customer is the same person.
          const converted = (await strapi.db.query(CONTACT_UID).findMany({
            where: { convertedCustomer: { id: record.id } },
            populate: { user: { select: ['id', 'documentId', 'email', 'username'] } },
          })) as Row[];
          for (const row of converted) contacts.set(row.id, row);
        }
        const identities = await samePersonContacts(
          mergeIdentityValues(start, ...[...contacts.values()].map(contactIdentityValues)),
          contacts
        );
        const pointCount = points.reduce((sum, p) => sum + p.rows.length, 0);
        const contactRows = [...contacts.values()];
        const alreadyErased =
          isErasedRecord(kind, record, pointCount) &&
          contactRows.every((row) => isErasedRecord('contact', row));
        const outcome: ErasureOutcome = {
          record: { kind, documentId },
          alreadyErased,
          erased: {
            customers: customers.map((row) => row.documentId),
            contacts: contactRows.map((row) => row.documentId),
          },
          contactPointsDeleted: pointCount,
          listed: 0,
        };
        const audit = (reason: string) =>
          getService(strapi, 'ssn').audit({
            action: 'personal-data.erase',
            outcome: 'allowed',
            reason,
            customer:
              kind === 'customer'
                ? { documentId, customerNumber: record.customerNumber as string | null }
                : undefined,
            actor,
          });
        if (alreadyErased) {
          await audit(`${kind} ${documentId}: already erased`);
          return outcome;
        }

        const customerIds = customers.map((row) => row.id);
        const contactIds = contactRows.map((row) => row.id);
        if (contactIds.length) await locks().lockRows(CONTACT_UID, contactIds);
        const activityIds = contactIds.length
          ? await network().ownersLinkedTo(ACTIVITY_UID, 'contact', contactIds)
          : [];
        const activities = activityIds.length
          ? ((await strapi.db.query(ACTIVITY_UID).findMany({
              where: { id: { $in: activityIds } },
              select: ['id', 'documentId'],
            })) as Row[])
          : [];
        // A login made for the contact carries their e-mail as its name: it goes with them.
        const logins = contactRows
          .map((row) => row.user as Row | null)
          .filter((user): user is Row => Boolean(user))
          .filter((user) =>
            [user.email, user.username].some((value) =>
              identities.emails.includes(text(value).toLowerCase())
            )
          );
        const formerNames = new Map<string, string>();
        const valueKeys = await withKnex(strapi, async (knex) => [
          ...(await matchKeysOf(knex, 'customer', customerIds)),
          ...(await matchKeysOf(knex, 'contact', contactIds)),
        ]);

        const history = getService(strapi, 'history');
        await history.inSession(async (session) => {
          if (customerIds.length) await session.watch(CUSTOMER_UID, customerIds);
          for (const { kind: pointKind, rows } of points)
            if (rows.length)
              await session.watch(
                CONTACT_POINT_UIDS[pointKind],
                rows.map((row) => row.id)
              );
          if (contactIds.length) await session.watch(CONTACT_UID, contactIds);
          if (activityIds.length) await session.watch(ACTIVITY_UID, activityIds);

          for (const customer of customers) {
            for (const name of [
              customer.displayName,
              customer.businessName,
              `${text(customer.firstName)} ${text(customer.lastName)}`,
            ])
              if (text(name)) formerNames.set(text(name), customer.documentId);
            await strapi.db.query(CUSTOMER_UID).update({
              where: { id: customer.id },
              data: erasedCustomerValues(customer as never),
            });
          }
          for (const { kind: pointKind, rows } of points)
            for (const chunk of chunks(rows.map((row) => row.id)))
              await strapi.db
                .query(CONTACT_POINT_UIDS[pointKind])
                .deleteMany({ where: { id: { $in: chunk } } });
          for (const contact of contactRows) {
            for (const name of [
              contact.displayName,
              `${text(contact.firstName)} ${text(contact.lastName)}`,
            ])
              if (text(name)) formerNames.set(text(name), contact.documentId);
            await strapi.db.query(CONTACT_UID).update({
              where: { id: contact.id },
              data: { ...erasedContactValues(contact), user: null },
            });
          }
          await withKnex(strapi, async (knex) => {
            const lists = linkOf(strapi, CONTACT_UID, 'marketingLists');
            for (const chunk of chunks(contactIds))
              await knex(lists.table).whereIn(lists.owner, chunk).delete();
          });
          for (const chunk of chunks(activityIds))
            await strapi.db
              .query(ACTIVITY_UID)
              .updateMany({ where: { id: { $in: chunk } }, data: { body: REDACTED_VALUE } });
          for (const login of logins) {
            await strapi.db.query(ACTIVITY_UID).updateMany({
              where: { authorType: 'user', authorId: String(login.id) },
              data: { authorName: ERASED_PERSON_NAME },
            });
            await strapi.db.query(USER_UID).delete({ where: { id: login.id } });
          }

          // What copies the names, e-mails and phones: the search index, display names, match keys.
          await getService(strapi, 'search-index').refresh(customerIds);
          await getService(strapi, 'display-names').refresh('contact', contactIds);
          await getService(strapi, 'duplicates').refresh('contact', contactIds);
          await session.flush();
        });

        await withKnex(strapi, (knex) =>
          clearCopies(
            knex,
            customerIds,
            contactIds,
            [...customers, ...contactRows].map((row) => row.documentId),
            valueKeys,
            identities
          )
        );
        outcome.listed = await list.add(identities, documentId, new Date());
        await this.redactHistory(
          customers.map((row) => row.documentId),
          contactRows.map((row) => row.documentId),
          [
            ...points.flatMap(({ kind: pointKind, rows }) =>
              rows.map((row) => [row.documentId, pointKind] as [string, HistoryRecordKind])
            ),
            ...activities.map((row) => [row.documentId, 'activity'] as [string, HistoryRecordKind]),
          ],
          logins,
          formerNames
        );
        await audit(
          `${kind} ${documentId}: ${customers.length} customer(s) and ${contactRows.length} contact(s) erased`
        );
        return outcome;
      });
    },

    /**
     * Rewrites the history of erased records (inside the erasure's transaction, after its own
     * entries are written): their personal values become `REDACTED_VALUE`, relations and labels
     * naming them take their new label.
     */
    async redactHistory(
      customerDocumentIds: readonly string[],
      contactDocumentIds: readonly string[],
      dependants: readonly [string, HistoryRecordKind][],
      logins: readonly Row[],
      formerNames: ReadonlyMap<string, string>
    ): Promise<number> {
      const renamed = new Map<string, string>();
      const current = new Map<string, Record<string, unknown>>();
      for (const [uid, documentIds] of [
        [CUSTOMER_UID, customerDocumentIds],
        [CONTACT_UID, contactDocumentIds],
      ] as const) {
        if (documentIds.length === 0) continue;
        const rows = (await strapi.db
          .query(uid)
          .findMany({ where: { documentId: { $in: [...documentIds] } } })) as Row[];
        for (const row of rows) {
          renamed.set(row.documentId, text(row.displayName) || ERASED_PERSON_NAME);
          current.set(row.documentId, row);
        }
      }
      for (const login of logins) renamed.set(login.documentId, ERASED_PERSON_NAME);
      const personal = new Map<string, HistoryRecordKind>([
        ...customerDocumentIds.map((id) => [id, 'customer'] as [string, HistoryRecordKind]),
        ...contactDocumentIds.map((id) => [id, 'contact'] as [string, HistoryRecordKind]),
        ...dependants,
      ]);
      const subjects = [...customerDocumentIds, ...contactDocumentIds];
      // Records merged into an erased one were the same person: their history goes the same way.
      const redirects = (await strapi.db.query('plugin::crm.merge-redirect').findMany({
        where: { survivor: { $in: subjects } },
        select: ['object', 'mergedDocumentId', 'survivor'],
      })) as { object: string; mergedDocumentId: string; survivor: string }[];
      for (const redirect of redirects) {
        const label = renamed.get(redirect.survivor);
        if (label === undefined) continue;
        renamed.set(redirect.mergedDocumentId, label);
        personal.set(
          redirect.mergedDocumentId,
          redirect.object === 'contacts' ? 'contact' : 'customer'
        );
        subjects.push(redirect.mergedDocumentId);
      }
      return withKnex(strapi, async (knex) => {
        const loaded = await entriesToRedact(knex, [...personal.keys()], subjects, [
          ...renamed.keys(),
        ]);
        const formerLabels = formerLabelsOf(
          loaded.map((item) => item.entry),
          renamed
        );
        for (const [name, owner] of formerNames)
          if (renamed.has(owner) && name !== renamed.get(owner))
            formerLabels.set(name, renamed.get(owner)!);
        const redaction: HistoryRedaction = { renamed, personal, current, formerLabels };
        let rewritten = 0;
        for (const { id, uid, entry } of loaded) {
          const kind = HISTORY_KIND_OF_UID[uid];
          if (!kind) continue;
          const redacted = redactHistoryEntry(kind, entry, redaction);
          if (!redacted) continue;
          await strapi.db.query(HISTORY_ENTRY_UID).update({
            where: { id },
            data: {
              recordLabel: redacted.recordLabel,
              changes: storedHistoryChanges(redacted.changes),
            },
          });
          rewritten += 1;
        }
        // An origin may name the address a value was looked up by: the source stays, the address goes.
        const table = strapi.db.metadata.get(HISTORY_ENTRY_UID).tableName;
        for (const chunk of chunks(subjects)) {
          const withOrigin = (await knex(table)
            .select(['id', 'origin'])
            .whereNotNull('origin')
            .where((where) =>
              where
                .whereIn('subject_document_id', chunk)
                .orWhereIn('other_subject_document_id', chunk)
            )) as { id: number; origin: string }[];
          for (const row of withOrigin) {
            const origin = erasedHistoryOrigin(row.origin);
            if (origin !== row.origin) await knex(table).where('id', row.id).update({ origin });
          }
        }
        // The erased login's name, where it wrote.
        for (const login of logins)
          await strapi.db.query(HISTORY_ENTRY_UID).updateMany({
            where: { actorType: 'user', actorId: String(login.id) },
            data: { actorName: ERASED_PERSON_NAME },
          });
        return rewritten;
      });
    },
  };
};
