import { adminAction } from '../../contracts';

/**
 * The CRM's role table, in one place: start-up seeds the users-permissions roles
 * from it, a policy checks every CRM route against it, and the role-matrix test reads it.
 */
export const CRM_ROLES = ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer'] as const;
export type CrmRole = (typeof CRM_ROLES)[number];

export const CRM_ROLE_NAMES: Record<CrmRole, { name: string; description: string }> = {
  crm_admin: {
    name: 'CRM Admin',
    description: 'Runs the CRM: every record, imports, logins and SSN reveal',
  },
  crm_manager: {
    name: 'CRM Manager',
    description: 'Leads the sales team: every record, imports, marketing lists and SSN reveal',
  },
  crm_sales: {
    name: 'CRM Sales',
    description: 'Keeps customers and contacts, comments, builds marketing lists',
  },
  crm_marketeer: {
    name: 'CRM Marketeer',
    description: 'Reads customers; keeps contacts and comments on them',
  },
};

/** Rows of the role table: what a role may do. */
export const CAPABILITIES = {
  read: ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer'],
  writeCustomers: ['crm_admin', 'crm_manager', 'crm_sales'],
  writeContacts: ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer'],
  deleteRecords: ['crm_admin', 'crm_manager'],
  revealSsn: ['crm_admin', 'crm_manager'],
  comment: ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer'],
  addToMarketingList: ['crm_manager', 'crm_sales'],
  generateLogin: ['crm_admin', 'crm_manager'],
  runImports: ['crm_admin', 'crm_manager'],
  revertHistory: ['crm_admin', 'crm_manager'],
  exportPersonalData: ['crm_admin', 'crm_manager'],
  erasePersonalData: ['crm_admin'],
} as const satisfies Record<string, readonly CrmRole[]>;
export type Capability = keyof typeof CAPABILITIES;

/**
 * Every content-API route handler of the plugin and the row of the table that governs it. A route
 * without an entry stops the plugin at start-up, so no route can ship unguarded.
 */
export const ROUTE_CAPABILITIES: Record<string, Capability> = {
  'customer.find': 'read',
  'customer.findOne': 'read',
  'customer.search': 'read',
  'customer.create': 'writeCustomers',
  'customer.update': 'writeCustomers',
  'customer.setPrimary': 'writeCustomers',
  'customer.delete': 'deleteRecords',
  'customer.revealSsn': 'revealSsn',
  'customer.connections': 'read',
  'customer.setPrimaryContact': 'writeCustomers',
  'customer.relationships': 'read',
  'customer.network': 'read',
  // Looking a customer up and taking what was found are part of keeping the customer.
  'customer.socialLookup': 'writeCustomers',
  'customer.takeSocialProfile': 'writeCustomers',
  // change history
  'history.customer': 'read',
  'history.contact': 'read',
  'history.revert': 'revertHistory',
  'duplicate.customerDuplicates': 'read',
  'duplicate.customerCheck': 'read',
  'duplicate.contactDuplicates': 'read',
  'duplicate.contactCheck': 'read',
  'duplicate.startScan': 'deleteRecords',
  'duplicate.readScan': 'read',
  'address.find': 'read',
  'address.findOne': 'read',
  'address.create': 'writeCustomers',
  'address.update': 'writeCustomers',
  'address.delete': 'writeCustomers',
  'phone.find': 'read',
  'phone.findOne': 'read',
  'phone.create': 'writeCustomers',
  'phone.update': 'writeCustomers',
  'phone.delete': 'writeCustomers',
  'email.find': 'read',
  'email.findOne': 'read',
  'email.create': 'writeCustomers',
  'email.update': 'writeCustomers',
  'email.delete': 'writeCustomers',
  'connection.find': 'read',
  'connection.findOne': 'read',
  'connection.create': 'writeCustomers',
  'connection.update': 'writeCustomers',
  // Removing a link changes the network, which the table gives to those who create and update it.
  'connection.delete': 'writeCustomers',
  'relationship.find': 'read',
  'relationship.findOne': 'read',
  'relationship.create': 'writeCustomers',
  'relationship.update': 'writeCustomers',
  'relationship.delete': 'writeCustomers',
  'contact.find': 'read',
  'contact.findOne': 'read',
  'contact.create': 'writeContacts',
  'contact.update': 'writeContacts',
  'contact.delete': 'deleteRecords',
  // Merging removes the merged records: the table gives it to those who may delete them.
  'merge.customers': 'deleteRecords',
  'merge.contacts': 'deleteRecords',
  'merge.undo': 'deleteRecords',
  'contact.generateLogin': 'generateLogin',
  // Converting makes a customer, which the table gives to those who create customers.
  'contact.convert': 'writeCustomers',
  'contact.activity': 'read',
  'contact.comment': 'comment',
  // personal data export
  'personal-data.customer': 'exportPersonalData',
  'personal-data.contact': 'exportPersonalData',
  'marketing-list.find': 'read',
  'marketing-list.findOne': 'read',
  // Making a list is the first step of adding contacts to it.
  'marketing-list.create': 'addToMarketingList',
  'marketing-list.addMembers': 'addToMarketingList',
  'marketing-list.removeMembers': 'addToMarketingList',
  'marketing-list.export': 'read',
  // erasure
  'erasure.customer': 'erasePersonalData',
  'erasure.contact': 'erasePersonalData',
  'import.create': 'runImports',
  'import.list': 'runImports',
  'import.findOne': 'runImports',
  'import.setMapping': 'runImports',
  'import.setMode': 'runImports',
  'import.referenceData': 'runImports',
  'import.decide': 'runImports',
  'import.start': 'runImports',
  'import.ignored': 'runImports',
  'import.log': 'runImports',
  'import.undo': 'runImports',
  'openapi.document': 'read',
};

/**
 * Routes whose refusals must reach the controller to be audited (an SSN reveal, allowed or not,
 * leaves a row): the policy lets any CRM reader through and the controller applies the table.
 */
export const AUDITED_ROUTES: ReadonlySet<string> = new Set(['customer.revealSsn']);

export const isCrmRole = (type: unknown): type is CrmRole => CRM_ROLES.includes(type as CrmRole);

export const roleMay = (role: unknown, capability: Capability): boolean =>
  isCrmRole(role) && (CAPABILITIES[capability] as readonly CrmRole[]).includes(role);

/** The handlers a role is granted at start-up, as users-permissions actions. */
export const actionsForRole = (role: CrmRole): string[] =>
  Object.entries(ROUTE_CAPABILITIES)
    .filter(([, capability]) => roleMay(role, capability))
    .map(([handler]) => `plugin::crm.${handler}`);

/**
 * Who may read the API's description (`GET /openapi.json`): a CRM role of the table, a full-access or
 * read-only API token, or a custom token holding any CRM permission. Strapi's route scopes must
 * all be held, so this route authenticates the caller itself and asks this instead.
 */
export const mayReadApiDescription = (caller: Caller): boolean => {
  switch (caller.kind) {
    case 'user':
      return roleMay(caller.role, ROUTE_CAPABILITIES['openapi.document']);
    case 'token':
      if (caller.tokenType === 'full-access' || caller.tokenType === 'read-only') return true;
      return (
        caller.tokenType === 'custom' &&
        Object.keys(ROUTE_CAPABILITIES).some((handler) => caller.can(`plugin::crm.${handler}`))
      );
    case 'admin':
    case 'system':
    case 'anonymous':
      return false;
  }
};

/** Handlers of routes that are missing from the table (checked at start-up). */
export const unguardedHandlers = (handlers: readonly string[]): string[] =>
  handlers.filter((handler) => !(handler in ROUTE_CAPABILITIES));

/** Admin-panel (RBAC) actions of the plugin, shared with the admin pages. */
export { ADMIN_ACTIONS, adminAction } from '../../contracts';

/** Strapi names the API-token strategy of the content API `content-api-token` (`api-token` before 5.x). */
export const isApiTokenStrategy = (name: unknown): boolean =>
  name === 'content-api-token' || name === 'api-token';

/**
 * Who is asking, as the role table sees it: a users-permissions user (by role), an API token (by
 * type, and for a custom token the actions it holds), an admin-panel user (by admin RBAC), server
 * code running outside any request, or nobody.
 */
export type Caller =
  | { kind: 'user'; role: string | null }
  | { kind: 'token'; tokenType: string | null; can: (action: string) => boolean }
  | { kind: 'admin'; can: (action: string) => boolean }
  | { kind: 'system' }
  | { kind: 'anonymous' };

export const MEMBERSHIP_ACTION = 'plugin::crm.marketing-list.addMembers';

/**
 * The one rule of marketing list membership, whichever route or relation field asks: adding or
 * removing members is for crm_sales and crm_manager. API tokens need full access or the members
 * permission; the content manager follows admin RBAC; server code is trusted.
 */
export const mayChangeListMembership = (caller: Caller): boolean => {
  switch (caller.kind) {
    case 'user':
      return roleMay(caller.role, 'addToMarketingList');
    case 'token':
      return (
        caller.tokenType === 'full-access' ||
        (caller.tokenType === 'custom' && caller.can(MEMBERSHIP_ACTION))
      );
    case 'admin':
    case 'system':
      return true;
    case 'anonymous':
      return false;
  }
};

/**
 * Import jobs belong to whoever created them. crm_admin, full-access tokens, admins holding the
 * import action and server code may act on every job; every other caller on its own only.
 */
export const mayActOnEveryImport = (caller: Caller): boolean => {
  switch (caller.kind) {
    case 'user':
      return caller.role === 'crm_admin';
    case 'token':
      return caller.tokenType === 'full-access';
    case 'admin':
      return caller.can(adminAction('import'));
    case 'system':
      return true;
    case 'anonymous':
      return false;
  }
};
