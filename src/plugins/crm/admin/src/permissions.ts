/** Admin RBAC actions of the plugin (server/src/permissions.ts ADMIN_ACTIONS), as the admin hooks expect them. */
const action = (uid: string) => [{ action: `plugin::crm.${uid}`, subject: null }];

export const PERMISSIONS = {
  read: action('read'),
  manage: action('manage'),
  import: action('import'),
  revealSsn: action('ssn.reveal'),
};
