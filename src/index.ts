import type { Core } from '@strapi/strapi';

/** Marks, in Strapi's store, that this app's defaults were applied once (so an admin's later choice stands). */
const DEFAULTS_APPLIED = { type: 'core', name: 'crm-host', key: 'defaults-applied' } as const;

export default {
  register() {},

  /**
   * The host app's own defaults, applied on the first start only: public self-registration of
   * users-permissions is turned off. In a CRM, accounts are made by its staff (a contact's
   * "generate login"); a stranger who registered first would hold the contact's email and block it.
   * An admin may turn registration on again in Settings → Users & Permissions → Advanced settings.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const store = strapi.store({ type: DEFAULTS_APPLIED.type, name: DEFAULTS_APPLIED.name });
    if (await store.get({ key: DEFAULTS_APPLIED.key })) return;
    const usersPermissions = strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = ((await usersPermissions.get({ key: 'advanced' })) ?? {}) as Record<
      string,
      unknown
    >;
    await usersPermissions.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
    await store.set({
      key: DEFAULTS_APPLIED.key,
      value: { registrationClosed: true, at: new Date().toISOString() },
    });
  },
};
