import type { Core, UID } from '@strapi/strapi';

import type { ContactPointKind } from '../domain';

/** A content type of this plugin: its core controller and core service carry the same uid. */
export type CrmContentTypeUid = Extract<UID.ContentType, `plugin::crm.${string}`>;

export const CUSTOMER_UID = 'plugin::crm.customer';
export const SEQUENCE_UID = 'plugin::crm.sequence';
export const AUDIT_LOG_UID = 'plugin::crm.audit-log';
export const HISTORY_ENTRY_UID = 'plugin::crm.history-entry';
export const ERASURE_UID = 'plugin::crm.erasure';
export const CONNECTION_UID = 'plugin::crm.connection';
export const RELATIONSHIP_UID = 'plugin::crm.relationship';
export const CONTACT_UID = 'plugin::crm.contact';
export const ACTIVITY_UID = 'plugin::crm.activity';
export const MARKETING_LIST_UID = 'plugin::crm.marketing-list';
export const USER_UID = 'plugin::users-permissions.user';
export const IMPORT_JOB_UID = 'plugin::crm.import-job';
export const DUPLICATE_SCAN_UID = 'plugin::crm.duplicate-scan';
export const USER_ROLE_UID = 'plugin::users-permissions.role';
export const USER_PERMISSION_UID = 'plugin::users-permissions.permission';

export const CONTACT_POINT_UIDS = {
  address: 'plugin::crm.address',
  phone: 'plugin::crm.phone',
  email: 'plugin::crm.email',
} as const satisfies Record<ContactPointKind, string>;

export const contactPointKindOf = (uid: string): ContactPointKind | undefined =>
  (Object.keys(CONTACT_POINT_UIDS) as ContactPointKind[]).find(
    (kind) => CONTACT_POINT_UIDS[kind] === uid
  );

/** Whether `uid` names a content type of this app: the uids the domain hands back are plain strings. */
export const isContentTypeUid = (strapi: Core.Strapi, uid: string): uid is UID.ContentType =>
  Object.prototype.hasOwnProperty.call(strapi.contentTypes, uid);
