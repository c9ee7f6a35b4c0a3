import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { getService } from '../utils/get-service';
import { translatingDomainErrors } from '../utils/errors';
import { createQueryShapeCheck } from './query-shape';
import { AUDIT_LOG_UID, CONNECTION_UID, CONTACT_UID, CUSTOMER_UID, RELATIONSHIP_UID, contactPointKindOf } from '../utils/uids';

const WRITES = ['create', 'update', 'delete'] as const;
type WriteAction = (typeof WRITES)[number];
const isWrite = (action: string): action is WriteAction => (WRITES as readonly string[]).includes(action);

/** The gate of each CRM type whose writes have rules (contact points have theirs, by kind). */
const GATES = {
  [CUSTOMER_UID]: 'customerGate',
  [CONNECTION_UID]: 'connectionGate',
  [RELATIONSHIP_UID]: 'relationshipGate',
  [CONTACT_UID]: 'contactGate',
} as const;

/**
 * Every write of a customer, contact point, connection, relationship or contact — REST, the admin
 * content manager, other plugins and server code — goes through the document service, so this is
 * where the rules are enforced. The check and the write share one transaction (the gates take the
 * customer's row lock in it), and a rule broken after the write rolls the write back.
 */
/**
 * A field named like a member every object inherits (`constructor`, `hasOwnProperty`, `__proto__`):
 * Strapi's validators look attributes up by key, take it for an attribute and fail as a 500.
 */
const inheritedMemberField = (strapi: Core.Strapi, uid: string, data: unknown): string | undefined => {
  if (!data || typeof data !== 'object') return undefined;
  const { attributes } = strapi.getModel(uid as never) as unknown as { attributes: Record<string, unknown> };
  return Object.keys(data).find((key) => key in Object.prototype && !Object.prototype.hasOwnProperty.call(attributes, key));
};

export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  const checkQueryShape = createQueryShapeCheck(strapi);
  strapi.documents.use(async (ctx, next) => {
    if ((ctx.uid as string).startsWith('plugin::crm.')) {
      checkQueryShape(ctx.uid as string, ctx.params as { filters?: unknown; fields?: unknown; populate?: unknown });
      const field = isWrite(ctx.action) ? inheritedMemberField(strapi, ctx.uid as string, (ctx.params as { data?: unknown }).data) : undefined;
      if (field !== undefined) {
        throw new errors.ValidationError(`${field} is not a field`, { errors: [{ path: [field], message: `${field} is not a field`, name: 'ValidationError' }] });
      }
    }
    if ((ctx.uid as string) === AUDIT_LOG_UID && !['findOne', 'findMany', 'findFirst', 'count'].includes(ctx.action as string)) {
      // Audit rows are written by the CRM itself (below the document service) and never changed.
      throw new errors.ValidationError('the CRM audit log is written by the CRM only and cannot be changed');
    }
    const uid = ctx.uid as string;
    const kind = contactPointKindOf(uid);
    const gateName = GATES[uid as keyof typeof GATES];
    const gate = gateName ? getService(strapi, gateName) : undefined;
    if (!kind && !gate) return next();

    if (ctx.action === 'clone') {
      // A copy would share the customer number, or steal the original's contact points.
      throw new errors.ValidationError('CRM records cannot be duplicated; create a new one instead');
    }
    if (!isWrite(ctx.action)) return next();
    const action = ctx.action;
    const params = ctx.params as Record<string, never>;

    const result = translatingDomainErrors(() =>
      strapi.db.transaction(() =>
        kind ? getService(strapi, 'contactPointGate')[action](kind, params, next) : gate![action](params, next)
      )
    );
    return result as unknown as ReturnType<typeof next>;
  });
};
