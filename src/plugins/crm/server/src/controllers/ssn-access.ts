import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { isApiTokenStrategy, roleMay } from '../permissions';
import { adminActor, contentApiActor, type Actor } from '../utils/actor';
import { USER_PERMISSION_UID } from '../utils/uids';

export const REVEAL_ACTION = 'plugin::crm.customer.revealSsn';

interface ContentApiAuth {
  strategy?: { name?: string };
  credentials?: {
    id?: number;
    name?: string;
    type?: string;
    username?: string;
    role?: { id?: number; type?: string };
  };
  ability?: { can?: (action: string) => boolean } | null;
}

/**
 * Who is asking for an SSN through the REST API, and whether they may have it: a CRM role of the
 * table that still holds the permission (an admin may have removed it), or an API token with full
 * access or the reveal permission.
 */
export const judgeContentApiReveal = async (
  strapi: Core.Strapi,
  ctx: Context
): Promise<{ actor: Actor; allowed: boolean }> => {
  const auth = (ctx.state.auth ?? {}) as ContentApiAuth;
  const credentials = auth.credentials ?? {};
  const actor = contentApiActor(ctx);
  if (isApiTokenStrategy(auth.strategy?.name)) {
    const allowed =
      credentials.type === 'full-access' ||
      (credentials.type === 'custom' && auth.ability?.can?.(REVEAL_ACTION) === true);
    return { actor, allowed };
  }
  const role = credentials.role;
  if (!role?.id || !roleMay(role.type, 'revealSsn')) return { actor, allowed: false };
  const granted = await strapi.db
    .query(USER_PERMISSION_UID)
    .count({ where: { role: role.id, action: REVEAL_ACTION } });
  return { actor, allowed: granted > 0 };
};

/** The same question for an admin-panel user, answered by Strapi's admin RBAC. */
export const judgeAdminReveal = (ctx: Context): { actor: Actor; allowed: boolean } => {
  const ability = ctx.state.userAbility as { can: (action: string) => boolean } | undefined;
  return { actor: adminActor(ctx), allowed: ability?.can('plugin::crm.ssn.reveal') === true };
};
