import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { CONTACT_FIELD_NAMES, validateContact } from '../../domain';
import {
  CONTACT_MERGE_FIELDS,
  CONTACT_RELATION_FIELDS,
  assertOneLogin,
  chooseMergedFields,
  mergeSet,
} from '../../domain/merge';
import { createRowJournal, type LinkTable, type Row } from '../../repositories/row-journal';
import type { Actor } from '../../utils/actor';
import { getService } from '../../utils/get-service';
import { pick } from '../../utils/pick';
import { CONTACT_UID, CUSTOMER_UID } from '../../utils/uids';
import type { MergeOutcome, MergeRequest } from './merge-support';

interface ContactRow {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

/** The relations a contact merge settles itself; any other relation to a merged contact moves to the survivor. */
const SETTLED = new Set(['plugin::crm.marketing-list.members', 'plugin::crm.activity.contact']);

const relationId = (value: unknown): number | null =>
  value && typeof value === 'object' && 'id' in value
    ? Number((value as { id: unknown }).id)
    : null;

/**
 * Merges duplicate contacts into one (`POST /contacts/merge`): the survivor takes the chosen fields
 * (company, manager and login among them) through the contact rules, and the merged contacts'
 * marketing-list memberships and activity; the merged contacts go, their documentIds leading to the
 * survivor. One transaction under the locks of the contacts; every row changed is journaled.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const support = () => getService(strapi, 'merge-support');
  const locks = () => getService(strapi, 'customer-locks');
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;

  /** The duplicate matcher's keys follow the contacts. */
  const matchKeys = () => getService(strapi, 'duplicates');

  return {
    async merge(
      request: MergeRequest,
      actor: Actor,
      options: { dryRun?: boolean } = {}
    ): Promise<MergeOutcome> {
      const set = mergeSet(request.survivor, request.merged);
      // Chosen first: the history entries of the merge's changes name it.
      const how = { dryRun: options.dryRun, merge: support().newMergeId(), actor };
      return support().transact(async (knex: Knex) => {
        await support().lockMerges();
        const journal = createRowJournal(strapi, knex, support().historySession());
        const linkOf = journal.link;
        const moved: Record<string, number> = {
          listMemberships: 0,
          listMembershipsFolded: 0,
          activity: 0,
          otherLinks: 0,
        };

        const load = async () =>
          (await strapi.db.query(CONTACT_UID).findMany({
            where: { documentId: { $in: set } },
            populate: Object.fromEntries(
              CONTACT_RELATION_FIELDS.map((field) => [field, { select: ['id'] }])
            ),
          })) as unknown as ContactRow[];
        const present = await load();
        await locks().lockRows(
          CONTACT_UID,
          present.map((row) => row.id)
        );
        const rows = await load();
        const byDocument = new Map(rows.map((row) => [row.documentId, row]));
        const absent = set.filter((documentId) => !byDocument.has(documentId));
        if (absent.length > 0) await support().missing('contacts', absent, CUSTOMER_UID);
        const records = set.map((documentId) => byDocument.get(documentId)!);
        const [survivor, ...merged] = records;
        const mergedIds = merged.map((row) => row.id);

        assertOneLogin(records.map((row) => ({ documentId: row.documentId, user: row.user })));
        const chosen = chooseMergedFields(
          records.map((row) => ({
            documentId: row.documentId,
            values: {
              ...pick(row, CONTACT_FIELD_NAMES),
              ...Object.fromEntries(
                CONTACT_RELATION_FIELDS.map((field) => [field, relationId(row[field])])
              ),
            },
          })),
          CONTACT_MERGE_FIELDS,
          request.fields
        );
        const hasUser = chosen.values.user !== null;
        const fields = validateContact(
          { ...pick(chosen.values, CONTACT_FIELD_NAMES), isUser: hasUser },
          { defaultCountry: getService(strapi, 'settings').get().defaultCountry, hasUser }
        );
        // The companies named stay while the merge runs.
        await locks().lock(
          records.map((row) => relationId(row.company)).filter((id): id is number => id !== null)
        );

        const moveTargets = async (link: LinkTable, label: string) => {
          const linkRows = (await knex(link.table)
            .whereIn(link.target.column, mergedIds)
            .orderBy('id')) as Row[];
          let count = 0;
          let folded = 0;
          for (const row of linkRows) {
            const owner = Number(row[link.owner.column]);
            const taken = await knex(link.table)
              .where({ [link.owner.column]: owner, [link.target.column]: survivor.id })
              .first('id');
            if (taken) {
              await journal.removeLink(link, row, `${label} (${link.attribute})`);
              folded += 1;
            } else {
              await journal.update(
                link.table,
                Number(row.id),
                { [link.target.column]: survivor.id },
                `${label} (${link.attribute})`
              );
              count += 1;
            }
          }
          return { count, folded };
        };
        const lists = await moveTargets(
          linkOf('plugin::crm.marketing-list', 'members'),
          'marketing list membership'
        );
        moved.listMemberships = lists.count;
        moved.listMembershipsFolded = lists.folded;
        moved.activity = (
          await moveTargets(linkOf('plugin::crm.activity', 'contact'), 'activity')
        ).count;
        for (const link of journal.links) {
          if (link.target.uid !== CONTACT_UID || SETTLED.has(`${link.uid}.${link.attribute}`))
            continue;
          const result = await moveTargets(link, link.uid);
          moved.otherLinks += result.count + result.folded;
        }

        for (const row of merged)
          await journal.removeRecord(CONTACT_UID, row.id, `contact ${row.documentId}`);

        // The survivor's own relations: company, manager, login, converted customer.
        for (const field of CONTACT_RELATION_FIELDS)
          await journal.setLink(
            linkOf(CONTACT_UID, field),
            survivor.id,
            chosen.values[field] as number | null,
            `contact ${survivor.documentId} (${field})`
          );

        await getService(strapi, 'external-ids').assertFree(
          CONTACT_UID,
          fields.externalId,
          survivor.id
        );
        await journal.track(
          table(CONTACT_UID),
          survivor.id,
          `contact ${survivor.documentId}`,
          () =>
            strapi.db
              .query(CONTACT_UID)
              .update({ where: { id: survivor.id }, data: { ...fields, updatedAt: new Date() } }),
          { loose: ['updated_at'] }
        );

        await matchKeys().remove('contact', mergedIds);
        await matchKeys().refresh('contact', [survivor.id]);
        await getService(strapi, 'display-names').refresh('contact', [survivor.id]);
        const mergedDocumentIds = merged.map((row) => row.documentId);
        const merge = await support().record({
          merge: how.merge,
          journal,
          knex,
          object: 'contacts',
          survivor: survivor.documentId,
          merged: mergedDocumentIds,
          fields: chosen.sources,
          moved,
          actor,
          reason: (id) =>
            `merged contacts ${mergedDocumentIds.join(', ')} into contact ${survivor.documentId} (merge ${id})`,
        });

        const answer = await strapi.documents(CONTACT_UID).findOne({
          documentId: survivor.documentId,
          populate: ['company'],
        });
        return {
          survivor: answer as unknown as Record<string, unknown>,
          merge: options.dryRun ? null : merge,
          moved,
        };
      }, how);
    },
  };
};
