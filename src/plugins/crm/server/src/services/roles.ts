import type { Core } from '@strapi/strapi';

import { CRM_ROLES, CRM_ROLE_NAMES, actionsForRole } from '../permissions';
import { USER_PERMISSION_UID, USER_ROLE_UID } from '../utils/uids';

/** What every CRM user may do besides the CRM itself: read their own profile. */
const BASE_ACTIONS = ['plugin::users-permissions.user.me'];

/**
 * Makes sure the four CRM roles exist with the permissions of the role table. Each permission is
 * granted once: the actions already granted are remembered, so a permission an admin later removes
 * in the admin panel stays removed, while a route added by a newer version is granted on its first start.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureRoles(): Promise<void> {
    // users-permissions creates Public and Authenticated only while its role table is empty, and it
    // starts after this plugin: let it seed them first, or they would never exist.
    await strapi.plugin('users-permissions').service('users-permissions').initialize();

    const store = strapi.store({ type: 'plugin', name: 'crm', key: 'granted-role-permissions' });
    const granted = ((await store.get({})) ?? {}) as Record<string, string[]>;

    for (const type of CRM_ROLES) {
      const role =
        (await strapi.db.query(USER_ROLE_UID).findOne({ where: { type } })) ??
        (await strapi.db.query(USER_ROLE_UID).create({ data: { type, ...CRM_ROLE_NAMES[type] } }));
      const already = new Set(granted[type] ?? []);
      const missing = [...actionsForRole(type), ...BASE_ACTIONS].filter(
        (action) => !already.has(action)
      );
      if (missing.length === 0) continue;

      const existing = await strapi.db
        .query(USER_PERMISSION_UID)
        .findMany({ where: { role: role.id, action: { $in: missing } }, select: ['action'] });
      const present = new Set(existing.map((permission: { action: string }) => permission.action));
      for (const action of missing) {
        if (!present.has(action))
          await strapi.db.query(USER_PERMISSION_UID).create({ data: { action, role: role.id } });
      }
      granted[type] = [...already, ...missing];
    }
    await store.set({ value: granted });
  },
});
