import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import {
  CONTACT_POINT_KINDS,
  CUSTOMER_FIELD_NAMES,
  choosePrimaryContact,
  mergedSocialFields,
  validateCustomer,
  type ContactCandidate,
  type ContactPointKind,
  type CustomerType,
} from '../../domain';
import {
  CUSTOMER_MERGE_FIELDS,
  assertOneType,
  chooseMergedFields,
  contactPointConflicts,
  mergeSet,
  mergedParent,
  planLinks,
  poolContactPoints,
  type LinkPlan,
  type MergeLink,
  type MergePoint,
  type PooledPoints,
} from '../../domain/merge';
import { createRowJournal, type LinkTable, type Row } from '../../repositories/row-journal';
import type { Actor } from '../../utils/actor';
import { getService } from '../../utils/get-service';
import { pick } from '../../utils/pick';
import { errors } from '../../utils/strapi-utils';
import {
  CONNECTION_UID,
  CONTACT_POINT_UIDS,
  CONTACT_UID,
  CUSTOMER_UID,
  RELATIONSHIP_UID,
} from '../../utils/uids';
import type { MergeOutcome, MergeRequest } from './merge-support';

interface CustomerRow {
  id: number;
  documentId: string;
  customerNumber: string | null;
  type: CustomerType;
  ssn: string | null;
  ssnEncrypted: string | null;
  [field: string]: unknown;
}

interface PointRow extends MergePoint {
  id: number;
  createdAt: string | Date | null;
}

/** The relations a customer merge settles itself; any other relation to a merged customer moves to the survivor. */
const SETTLED = new Set([
  'plugin::crm.address.customer',
  'plugin::crm.phone.customer',
  'plugin::crm.email.customer',
  'plugin::crm.connection.customer',
  'plugin::crm.connection.connectedCustomer',
  'plugin::crm.relationship.parent',
  'plugin::crm.relationship.child',
  'plugin::crm.relationship.customer',
  'plugin::crm.relationship.linkedCustomer',
  'plugin::crm.contact.company',
  'plugin::crm.contact.convertedCustomer',
  'plugin::crm.customer.primaryContact',
]);

const POINT_COLUMNS: Record<ContactPointKind, string[]> = {
  address: ['line1', 'line2', 'city', 'region', 'postalCode', 'country'],
  phone: ['number'],
  email: ['address'],
};

const PLURAL_COUNT: Record<ContactPointKind, string> = {
  address: 'addresses',
  phone: 'phones',
  email: 'emails',
};

const MAX_HIERARCHY_DEPTH = 10_000;

/**
 * Merges duplicate customers into one (`POST /customers/merge`): the survivor takes the chosen
 * fields through the customer rules, the pooled contact points within the limits, and every
 * connection, relationship, contact and primary-contact link of the merged customers; the merged
 * customers go, their documentIds leading to the survivor. One transaction under the locks of every
 * customer and contact it touches; every row it changes is journaled for the undo.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const support = () => getService(strapi, 'merge-support');
  const network = () => getService(strapi, 'network-repository');
  const locks = () => getService(strapi, 'customer-locks');
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;

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
          addresses: 0,
          phones: 0,
          emails: 0,
          duplicatePoints: 0,
          leftOutPoints: 0,
          connections: 0,
          connectionsFolded: 0,
          connectionsRemoved: 0,
          relationships: 0,
          relationshipsFolded: 0,
          relationshipsRemoved: 0,
          contacts: 0,
          convertedContacts: 0,
          primaryContactOf: 0,
          otherLinks: 0,
        };

        // The records, read again under their locks: a merge that ran meanwhile may have taken one.
        const load = async () =>
          (await strapi.db
            .query(CUSTOMER_UID)
            .findMany({ where: { documentId: { $in: set } } })) as unknown as CustomerRow[];
        const present = await load();
        await locks().lock(present.map((row) => row.id));
        const rows = await load();
        const byDocument = new Map(rows.map((row) => [row.documentId, row]));
        const absent = set.filter((documentId) => !byDocument.has(documentId));
        if (absent.length > 0) await support().missing('customers', absent, CONTACT_UID);
        const records = set.map((documentId) => byDocument.get(documentId)!);
        const [survivor, ...merged] = records;
        const type = assertOneType(records);
        const memberIds = records.map((row) => row.id);
        const mergedIds = merged.map((row) => row.id);
        const members = new Set(set);

        // What hangs on them, and the customers at the other end, locked too.
        const connections = await network().connectionsOf(memberIds);
        const relationships = await network().relationshipsOf(memberIds);
        const others = [
          ...new Set(
            [
              ...connections.flatMap((row) => [row.customerId, row.connectedId]),
              ...relationships.flatMap((row) => [row.firstId, row.secondId]),
            ].filter((id) => !memberIds.includes(id))
          ),
        ];
        await locks().lock(others);
        const contactIds = [
          ...new Set([
            ...(await network().ownersLinkedTo(CONTACT_UID, 'company', mergedIds)),
            ...(await network().ownersLinkedTo(CONTACT_UID, 'convertedCustomer', mergedIds)),
          ]),
        ];
        await locks().lockRows(CONTACT_UID, contactIds);

        const summaries = await network().summaries([...memberIds, ...others]);
        const documentOf = (id: number) => summaries.get(id)?.documentId ?? `#${id}`;

        // Fields, through the customer rules.
        const chosen = chooseMergedFields(
          records.map((row) => ({
            documentId: row.documentId,
            values: {
              ...pick(row, CUSTOMER_FIELD_NAMES),
              ssn: row.ssn,
              primaryContact: summaries.get(row.id)?.primaryContactId ?? null,
            },
          })),
          CUSTOMER_MERGE_FIELDS,
          request.fields
        );
        const fields = validateCustomer({ ...pick(chosen.values, CUSTOMER_FIELD_NAMES), type });

        // Contact points, pooled within the limits.
        const limits = getService(strapi, 'settings').get().limits;
        const pools: { kind: ContactPointKind; pool: PooledPoints; points: PointRow[] }[] = [];
        for (const kind of CONTACT_POINT_KINDS) {
          const link = linkOf(CONTACT_POINT_UIDS[kind], 'customer');
          const linkRows = (await knex(link.table).whereIn(link.target.column, memberIds)) as Row[];
          const ownerOf = new Map(
            linkRows.map((row) => [Number(row[link.owner.column]), Number(row[link.target.column])])
          );
          const found = ownerOf.size
            ? ((await strapi.db.query(CONTACT_POINT_UIDS[kind]).findMany({
                where: { id: { $in: [...ownerOf.keys()] } },
                select: [
                  'id',
                  'documentId',
                  'type',
                  'isPrimary',
                  'createdAt',
                  ...POINT_COLUMNS[kind],
                ],
                orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
              })) as unknown as Omit<PointRow, 'customer'>[])
            : [];
          const points: PointRow[] = memberIds.flatMap((memberId) =>
            found
              .filter((point) => ownerOf.get(point.id) === memberId)
              .map((point) => ({ ...point, customer: documentOf(memberId) }))
          );
          const pool = poolContactPoints({
            kind,
            customerType: type,
            points,
            limits,
            keep: request.keep?.[kind],
          });
          pools.push({ kind, pool, points });
        }
        const conflicts = contactPointConflicts(pools.map(({ pool }) => pool));
        if (conflicts.length > 0) {
          throw new errors.ValidationError(
            conflicts.map((conflict) => conflict.message).join('; '),
            {
              errors: pools.flatMap(({ pool }) =>
                pool.issues.map((issue) => ({ ...issue, name: 'ValidationError' }))
              ),
              conflicts,
            }
          );
        }

        // Links between customers: the hierarchy first, whose rules may refuse the merge.
        const asLink = (row: {
          documentId: string;
          id: number;
          createdAt: string | null;
          first: number;
          second: number;
          kind?: string;
        }): MergeLink => ({
          documentId: row.documentId,
          first: documentOf(row.first),
          second: documentOf(row.second),
          createdAt: row.createdAt,
          order: row.id,
          kind: row.kind ?? '',
        });
        const hierarchical = relationships.filter((row) => row.kind === 'hierarchical');
        const parentOf = new Map<string, string | null>();
        for (const row of records)
          parentOf.set(
            row.documentId,
            (() => {
              const link = hierarchical.find((relation) => relation.secondId === row.id);
              return link ? documentOf(link.firstId) : null;
            })()
          );
        for (const parentId of new Set(
          hierarchical
            .filter((row) => memberIds.includes(row.secondId) && !memberIds.includes(row.firstId))
            .map((row) => row.firstId)
        )) {
          const chain: number[] = [];
          for (let at: number | null = parentId, steps = 0; at !== null; steps += 1) {
            if (steps > MAX_HIERARCHY_DEPTH || chain.includes(at)) break;
            chain.push(at);
            at = await network().parentOf(at);
          }
          const names = await network().summaries(chain);
          const nameOf = (id: number) =>
            summaries.get(id)?.documentId ?? names.get(id)?.documentId ?? `#${id}`;
          chain.forEach((id, index) => {
            if (!parentOf.has(nameOf(id)))
              parentOf.set(nameOf(id), index + 1 < chain.length ? nameOf(chain[index + 1]) : null);
          });
        }
        mergedParent(set, survivor.documentId, parentOf);

        const connectionPlan = planLinks(
          connections.map((row) =>
            asLink({ ...row, first: row.customerId, second: row.connectedId })
          ),
          members,
          survivor.documentId,
          { directed: false }
        );
        const hierarchyPlan = planLinks(
          hierarchical.map((row) =>
            asLink({ ...row, first: row.firstId, second: row.secondId, kind: 'hierarchical' })
          ),
          members,
          survivor.documentId,
          { directed: true }
        );
        const loose = relationships.filter((row) => row.kind === 'loose');
        const loosePlan = planLinks(
          loose.map((row) =>
            asLink({ ...row, first: row.firstId, second: row.secondId, kind: row.type ?? 'other' })
          ),
          members,
          survivor.documentId,
          { directed: true }
        );

        // -- Writes, every one journaled. --
        const moveLinkRows = async (link: LinkTable, ownerIds: number[], label: string) => {
          if (ownerIds.length === 0) return 0;
          const linkRows = (await knex(link.table)
            .whereIn(link.owner.column, ownerIds)
            .whereIn(link.target.column, mergedIds)
            .orderBy('id')) as Row[];
          for (const row of linkRows)
            await journal.update(
              link.table,
              Number(row.id),
              { [link.target.column]: survivor.id },
              `${label} (${link.attribute})`
            );
          return linkRows.length;
        };

        // Contact points: duplicates and points left out go, the others move; one primary per kind.
        for (const { kind, pool, points } of pools) {
          const byId = new Map(points.map((point) => [point.documentId, point]));
          const uid = CONTACT_POINT_UIDS[kind];
          for (const { point } of pool.duplicates) {
            await journal.removeRecord(
              uid,
              byId.get(point.documentId)!.id,
              `${kind} ${point.documentId}`
            );
            moved.duplicatePoints += 1;
          }
          for (const point of pool.leftOut) {
            await journal.removeRecord(
              uid,
              byId.get(point.documentId)!.id,
              `${kind} ${point.documentId}`
            );
            moved.leftOutPoints += 1;
          }
          const link = linkOf(uid, 'customer');
          const arriving = pool.kept
            .filter((point) => point.customer !== survivor.documentId)
            .map((point) => byId.get(point.documentId)!.id);
          moved[PLURAL_COUNT[kind]] = await moveLinkRows(link, arriving, `${kind}`);
          for (const point of pool.kept) {
            const isPrimary = point.documentId === pool.primary;
            if (point.isPrimary === isPrimary) continue;
            const { id } = byId.get(point.documentId)!;
            await journal.track(table(uid), id, `${kind} ${point.documentId}`, () =>
              strapi.db.query(uid).update({ where: { id }, data: { isPrimary } })
            );
          }
        }

        // Connections and relationships: moved, folded, or removed between merged customers.
        const settle = async (
          uid: string,
          plan: LinkPlan,
          rowsOf: Map<string, number>,
          sides: string[],
          counters: [string, string, string]
        ) => {
          const [movedKey, foldedKey, removedKey] = counters;
          for (const link of plan.removed) {
            await journal.removeRecord(
              uid,
              rowsOf.get(link.documentId)!,
              `${uid.split('.')[1]} ${link.documentId}`
            );
            moved[removedKey] += 1;
          }
          for (const { link } of plan.folded) {
            await journal.removeRecord(
              uid,
              rowsOf.get(link.documentId)!,
              `${uid.split('.')[1]} ${link.documentId}`
            );
            moved[foldedKey] += 1;
          }
          const ids = plan.moved.map(({ link }) => rowsOf.get(link.documentId)!);
          for (const side of sides)
            await moveLinkRows(linkOf(uid, side), ids, `${uid.split('.')[1]}`);
          moved[movedKey] += ids.length;
        };
        await settle(
          CONNECTION_UID,
          connectionPlan,
          new Map(connections.map((row) => [row.documentId, row.id])),
          ['customer', 'connectedCustomer'],
          ['connections', 'connectionsFolded', 'connectionsRemoved']
        );
        const relationshipIds = new Map(relationships.map((row) => [row.documentId, row.id]));
        for (const plan of [hierarchyPlan, loosePlan])
          await settle(
            RELATIONSHIP_UID,
            plan,
            relationshipIds,
            ['parent', 'child', 'customer', 'linkedCustomer'],
            ['relationships', 'relationshipsFolded', 'relationshipsRemoved']
          );

        // Contacts working at a merged customer or converted to one, and businesses whose primary
        // contact it was, now point at the survivor.
        const moveTargets = async (link: LinkTable, label: string, except: number[] = []) => {
          const linkRows = (await knex(link.table)
            .whereIn(link.target.column, mergedIds)
            .orderBy('id')) as Row[];
          let count = 0;
          for (const row of linkRows) {
            const owner = Number(row[link.owner.column]);
            if (except.includes(owner)) continue;
            const taken = await knex(link.table)
              .where({ [link.owner.column]: owner, [link.target.column]: survivor.id })
              .first('id');
            if (taken) await journal.removeLink(link, row, `${label} (${link.attribute})`);
            else
              await journal.update(
                link.table,
                Number(row.id),
                { [link.target.column]: survivor.id },
                `${label} (${link.attribute})`
              );
            count += 1;
          }
          return count;
        };
        moved.contacts = await moveTargets(linkOf(CONTACT_UID, 'company'), 'contact');
        moved.convertedContacts = await moveTargets(
          linkOf(CONTACT_UID, 'convertedCustomer'),
          'contact'
        );
        moved.primaryContactOf = await moveTargets(
          linkOf(CUSTOMER_UID, 'primaryContact'),
          'business',
          memberIds
        );
        for (const link of journal.links) {
          if (link.target.uid !== CUSTOMER_UID || SETTLED.has(`${link.uid}.${link.attribute}`))
            continue;
          moved.otherLinks += await moveTargets(link, link.uid);
        }

        // The merged customers go (with what still names them: their own primary contact).
        for (const row of merged)
          await journal.removeRecord(
            CUSTOMER_UID,
            row.id,
            `customer ${row.documentId} (${row.customerNumber ?? 'no number'})`
          );

        // The survivor takes the chosen fields; its SSN comes from the record chosen for it.
        const ssnSource = byDocument.get(chosen.sources.ssn)!;
        const data: Record<string, unknown> = pick(
          fields,
          CUSTOMER_FIELD_NAMES.filter((field) => field !== 'type')
        );
        // The survivor's avatar unless it has none; every record's profiles, one per url.
        Object.assign(data, mergedSocialFields(records));
        if (ssnSource.id !== survivor.id) {
          data.ssn = ssnSource.ssn;
          data.ssnEncrypted = ssnSource.ssnEncrypted;
        }
        await getService(strapi, 'external-ids').assertFree(
          CUSTOMER_UID,
          fields.externalId,
          survivor.id
        );
        await journal.track(
          table(CUSTOMER_UID),
          survivor.id,
          `customer ${survivor.documentId} (${survivor.customerNumber ?? 'no number'})`,
          () =>
            strapi.db
              .query(CUSTOMER_UID)
              .update({ where: { id: survivor.id }, data: { ...data, updatedAt: new Date() } }),
          { loose: ['updated_at'] }
        );

        // A business keeps one primary contact among the individuals connected to it now.
        if (type === 'business') {
          const gone = new Set([
            ...connectionPlan.removed.map((link) => link.documentId),
            ...connectionPlan.folded.map(({ link }) => link.documentId),
          ]);
          const candidates: ContactCandidate[] = connections
            .filter((row) => !gone.has(row.documentId))
            .map((row) => {
              const ends = [row.customerId, row.connectedId].map((id) =>
                members.has(documentOf(id)) ? survivor.id : id
              );
              return {
                customerId: ends[0] === survivor.id ? ends[1] : ends[0],
                connectedAt: row.createdAt,
                connectionId: row.id,
              };
            });
          const wanted = chosen.values.primaryContact as number | null;
          await journal.setLink(
            linkOf(CUSTOMER_UID, 'primaryContact'),
            survivor.id,
            choosePrimaryContact(candidates, wanted),
            `business ${survivor.documentId} (primaryContact)`
          );
        }

        const search = getService(strapi, 'search-index');
        await search.remove(mergedIds);
        await search.refresh([survivor.id]);
        const mergedDocumentIds = merged.map((row) => row.documentId);
        const merge = await support().record({
          merge: how.merge,
          journal,
          knex,
          object: 'customers',
          survivor: survivor.documentId,
          merged: mergedDocumentIds,
          fields: chosen.sources,
          moved,
          actor,
          customer: { documentId: survivor.documentId, customerNumber: survivor.customerNumber },
          reason: (id) =>
            `merged ${mergedDocumentIds.join(', ')} into ${survivor.documentId} (merge ${id})`,
        });

        const answer = await strapi.documents(CUSTOMER_UID).findOne({
          documentId: survivor.documentId,
          populate: ['addresses', 'phones', 'emails'],
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
