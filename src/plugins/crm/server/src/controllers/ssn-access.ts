import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { isApiTokenStrategy, roleMay } from '../permissions';
import type { Actor } from '../services/ssn';
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
export const judgeContentApiReveal = async (strapi: Core.Strapi, ctx: Context): Promise<{ actor: Actor; allowed: boolean }> => {
  const auth = (ctx.state.auth ?? {}) as ContentApiAuth;
  const credentials = auth.credentials ?? {};
  if (isApiTokenStrategy(auth.strategy?.name)) {
    const actor: Actor = { type: 'api-token', id: credentials.id ? String(credentials.id) : null, name: credentials.name ?? null };
    const allowed = credentials.type === 'full-access' || (credentials.type === 'custom' && auth.ability?.can?.(REVEAL_ACTION) === true);
    return { actor, allowed };
  }
  const actor: Actor = { type: 'user', id: credentials.id ? String(credentials.id) : null, name: credentials.username ?? null };
  const role = credentials.role;
  if (!role?.id || !roleMay(role.type, 'revealSsn')) return { actor, allowed: false };
  const granted = await strapi.db.query(USER_PERMISSION_UID).count({ where: { role: role.id, action: REVEAL_ACTION } });
  return { actor, allowed: granted > 0 };
};

/** The same question for an admin-panel user, answered by Strapi's admin RBAC. */
export const judgeAdminReveal = (ctx: Context): { actor: Actor; allowed: boolean } => {
  const user = ctx.state.user as { id?: number; email?: string } | undefined;
  const ability = ctx.state.userAbility as { can: (action: string) => boolean } | undefined;
  return {
    actor: { type: 'admin', id: user?.id ? String(user.id) : null, name: user?.email ?? null },
    allowed: ability?.can('plugin::crm.ssn.reveal') === true,
  };
};
