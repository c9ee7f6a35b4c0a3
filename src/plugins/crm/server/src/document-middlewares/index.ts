import type { Core } from '@strapi/strapi';

import { translatingDomainErrors } from '../utils/errors';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import {
  ACTIVITY_UID,
  AUDIT_LOG_UID,
  CONNECTION_UID,
  CONTACT_UID,
  CUSTOMER_UID,
  DUPLICATE_SCAN_UID,
  ERASURE_UID,
  HISTORY_ENTRY_UID,
  IMPORT_JOB_UID,
  MARKETING_LIST_UID,
  RELATIONSHIP_UID,
  contactPointKindOf,
} from '../utils/uids';
import { createHistoryWatch } from './history-watch';
import { inheritedMemberKey } from './inherited-keys';
import { createQueryShapeCheck } from './query-shape';

const WRITES = ['create', 'update', 'delete'] as const;
type WriteAction = (typeof WRITES)[number];
const isWrite = (action: string): action is WriteAction =>
  (WRITES as readonly string[]).includes(action);

/** The gate of each CRM type whose writes have rules (contact points have theirs, by kind). */
const GATES = {
  [CUSTOMER_UID]: 'customer-gate',
  [CONNECTION_UID]: 'connection-gate',
  [RELATIONSHIP_UID]: 'relationship-gate',
  [CONTACT_UID]: 'contact-gate',
  [ACTIVITY_UID]: 'activity-gate',
} as const;

/** Records the CRM writes below the document service and nobody may change: what they say is history. */
const READ_ONLY: Record<string, string> = {
  [AUDIT_LOG_UID]: 'the CRM audit log is written by the CRM only and cannot be changed',
  [IMPORT_JOB_UID]:
    'import jobs change only through the import API (upload, mapping, reference data, start, undo)',
  'plugin::crm.merge':
    'merges are written by the merge API only (POST /customers/merge, /contacts/merge, /merges/:id/undo)',
  'plugin::crm.merge-redirect': 'merge redirects are written by the merge API only',
  [DUPLICATE_SCAN_UID]: 'duplicate scans are written by the duplicate scan API only',
  [HISTORY_ENTRY_UID]:
    'the change history is written by the CRM with each change and cannot be edited',
  [ERASURE_UID]:
    'the erasure list is written by erasures only; remove an entry with DELETE /crm/erasures/:id',
};
const READS = ['findOne', 'findMany', 'findFirst', 'count'];

/**
 * Every write of a customer, contact point, connection, relationship or contact — REST, the admin
 * content manager, other plugins and server code — goes through the document service, so this is
 * where the rules are enforced. The check and the write share one transaction (the gates take the
 * customer's row lock in it), and a rule broken after the write rolls the write back. Reads and
 * writes of every CRM type have their query shape and keys checked first.
 */
export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  const checkQueryShape = createQueryShapeCheck(strapi);
  const historyWatch = createHistoryWatch(strapi);
  strapi.documents.use(async (ctx, next) => {
    if ((ctx.uid as string).startsWith('plugin::crm.')) {
      checkQueryShape(
        ctx.uid as string,
        ctx.params as { filters?: unknown; fields?: unknown; sort?: unknown; populate?: unknown }
      );
      const inherited = isWrite(ctx.action)
        ? inheritedMemberKey(strapi, ctx.uid, (ctx.params as { data?: unknown }).data)
        : undefined;
      if (inherited)
        throw new errors.ValidationError(inherited.message, {
          errors: [{ ...inherited, name: 'ValidationError' }],
        });
    }
    const uid = ctx.uid as string;
    if (READ_ONLY[uid] && !READS.includes(ctx.action as string))
      throw new errors.ValidationError(READ_ONLY[uid]);
    // On SQLite, a read need not wait for another request's or a job's transaction to commit.
    if (uid.startsWith('plugin::crm.') && READS.includes(ctx.action as string))
      return getService(strapi, 'sqlite-read-connection').readOnly(next);
    const kind = contactPointKindOf(uid);
    const gateName = GATES[uid as keyof typeof GATES];
    const gate = gateName ? getService(strapi, gateName) : undefined;
    const membership = uid === CONTACT_UID || uid === MARKETING_LIST_UID;
    if (!kind && !gate && !membership) return next();

    if (ctx.action === 'clone') {
      // A copy would share the customer number, or steal the original's contact points.
      throw new errors.ValidationError(
        'CRM records cannot be duplicated; create a new one instead'
      );
    }
    if (!isWrite(ctx.action)) return next();
    const action = ctx.action;
    const params = ctx.params as Record<string, never>;

    const result = translatingDomainErrors(() =>
      strapi.db.transaction(() =>
        // The change history: the records this write may change are watched before it changes
        // them (under the gate's locks), and their entries written in this transaction.
        getService(strapi, 'history').inSession(async (session) => {
          if (membership && action !== 'delete')
            await getService(strapi, 'list-membership').authorize(uid, params);
          await historyWatch.beforeGate(uid, action, params, session);
          const watched = async () => {
            await historyWatch.beforeWrite(uid, action, params, session);
            const written = await next();
            historyWatch.afterWrite(uid, action, written, session);
            return written;
          };
          if (kind) return getService(strapi, 'contact-point-gate')[action](kind, params, watched);
          return gate ? gate[action](params, watched) : watched();
        })
      )
    );
    // The gates hand back what `next` answered, typed loosely: the document service's own result.
    return result as unknown as ReturnType<typeof next>;
  });
};
