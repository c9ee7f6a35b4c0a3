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

const isInheritedMember = (key: string) => key in Object.prototype;
const label = (path: (string | number)[]) => path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part)).join('');

/**
 * A key named like a member every object inherits (`constructor`, `hasOwnProperty`, `toString`,
 * `__proto__`), as a field or inside a field's value: Strapi's validators look attributes up by key
 * and call `toString` on values, so such a key makes them fail as a 500. JSON fields hold any keys.
 */
const inheritedMemberKey = (strapi: Core.Strapi, uid: string, data: unknown): { path: (string | number)[]; message: string } | undefined => {
  if (!data || typeof data !== 'object') return undefined;
  const { attributes } = strapi.getModel(uid as never) as unknown as { attributes: Record<string, { type?: string }> };
  const pending: { value: unknown; path: (string | number)[] }[] = [];
  for (const [field, value] of Object.entries(data)) {
    const attribute = Object.prototype.hasOwnProperty.call(attributes, field) ? attributes[field] : undefined;
    if (!attribute && isInheritedMember(field)) return { path: [field], message: `${field} is not a field` };
    if (attribute?.type !== 'json') pending.push({ value, path: [field] });
  }
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (!value || typeof value !== 'object') continue;
    for (const [key, item] of Object.entries(value)) {
      if (!Array.isArray(value) && isInheritedMember(key)) return { path: [...path, key], message: `${label(path)}: ${key} cannot be used as a key` };
      pending.push({ value: item, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return undefined;
};

/**
 * Every write of a customer, contact point, connection, relationship or contact — REST, the admin
 * content manager, other plugins and server code — goes through the document service, so this is
 * where the rules are enforced. The check and the write share one transaction (the gates take the
 * customer's row lock in it), and a rule broken after the write rolls the write back. Reads and
 * writes of every CRM type have their query shape and keys checked first.
 */
export const registerDocumentMiddlewares = (strapi: Core.Strapi) => {
  const checkQueryShape = createQueryShapeCheck(strapi);
  strapi.documents.use(async (ctx, next) => {
    if ((ctx.uid as string).startsWith('plugin::crm.')) {
      checkQueryShape(ctx.uid as string, ctx.params as { filters?: unknown; fields?: unknown; sort?: unknown; populate?: unknown });
      const inherited = isWrite(ctx.action) ? inheritedMemberKey(strapi, ctx.uid as string, (ctx.params as { data?: unknown }).data) : undefined;
      if (inherited) throw new errors.ValidationError(inherited.message, { errors: [{ ...inherited, name: 'ValidationError' }] });
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
