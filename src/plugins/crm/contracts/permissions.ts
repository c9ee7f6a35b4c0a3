/** Admin-panel (RBAC) actions of the plugin, `plugin::crm.<uid>`. */
export const ADMIN_ACTIONS = [
  { uid: 'read', displayName: 'Read the CRM pages' },
  { uid: 'manage', displayName: 'Create and edit customers, connections and relationships' },
  { uid: 'import', displayName: 'Run imports' },
  { uid: 'merge', displayName: 'Merge duplicate customers and contacts, and undo merges' },
  { uid: 'ssn.reveal', displayName: 'Reveal social security numbers' },
  { uid: 'contacts.generate-login', displayName: 'Generate logins for contacts' },
  { uid: 'contacts.convert', displayName: 'Convert contacts to customers' },
  { uid: 'marketing-lists.add', displayName: 'Create marketing lists and change their members' },
  { uid: 'activity.comment', displayName: "Comment on contacts' activity feeds" },
  { uid: 'personal-data', displayName: 'Export and erase personal data' },
] as const;
export type AdminActionUid = (typeof ADMIN_ACTIONS)[number]['uid'];

export const adminAction = (uid: AdminActionUid) => `plugin::crm.${uid}`;
