import { factories } from '@strapi/strapi';

import importRows from '../repositories/import-rows';
import networkRepository from '../repositories/network';
import schema from '../repositories/schema';
import type { CrmContentTypeUid } from '../utils/uids';
import activityGate from './activity-gate';
import adminContacts from './admin-contacts';
import adminMarketingLists from './admin-marketing-lists';
import companyKeys from './company-keys';
import connectionGate from './connection-gate';
import contactActions from './contact-actions';
import contactGate from './contact-gate';
import contactPointGate from './contact-point-gate';
import contentManagerLayouts from './content-manager-layouts';
import customerActions from './customer-actions';
import customerGate from './customer-gate';
import customerLocks from './customer-locks';
import customerNumbers from './customer-numbers';
import customerRefs from './customer-refs';
import demoData from './demo-data';
import displayNames from './display-names';
import duplicateScans from './duplicate-scans';
import duplicates from './duplicates';
import erasureList from './erasure-list';
import externalIds from './external-ids';
import history from './history';
import historyActions from './history-actions';
import historyRetention from './history-retention';
import importEvents from './import-events';
import importJobs from './imports/import-jobs';
import importList from './imports/import-list';
import importRunner from './imports/import-runner';
import importUndo from './imports/import-undo';
import listMembership from './list-membership';
import marketingListActions from './marketing-list-actions';
import contactMerge from './merges/contact-merge';
import customerMerge from './merges/customer-merge';
import mergeSupport from './merges/merge-support';
import mergeUndo from './merges/merge-undo';
import network from './network';
import personalDataErasure from './personal-data-erasure';
import personalDataExport from './personal-data-export';
import queryBounds from './query-bounds';
import recordRemoval from './record-removal';
import relationshipGate from './relationship-gate';
import roles from './roles';
import searchIndex from './search-index';
import settings from './settings';
import socialLookup from './social-lookup';
import sqliteCheckpoints from './sqlite-checkpoints';
import sqliteReadConnection from './sqlite-read-connection';
import ssn from './ssn';
import webhookSync from './webhook-sync';

/** Strapi's core service of a CRM type, used by the core controllers (`strapi.service('plugin::crm.<name>')`). */
const coreService = (uid: CrmContentTypeUid) => factories.createCoreService(uid);

/**
 * The plugin's services, by the name `getService` and `strapi.plugin('crm').service()` take.
 * Core services carry the content type's singular name; the use cases behind the custom routes
 * end in `-actions`; the write paths of the document middleware end in `-gate`; two registered
 * repositories end in `-repository` or name their table (`import-rows`).
 */
export default {
  settings,
  'sqlite-checkpoints': sqliteCheckpoints,
  'sqlite-read-connection': sqliteReadConnection,
  schema,
  roles,
  ssn,
  'social-lookup': socialLookup,
  network,
  'personal-data-export': personalDataExport,
  'customer-locks': customerLocks,
  'customer-numbers': customerNumbers,
  'customer-refs': customerRefs,
  'external-ids': externalIds,
  'customer-gate': customerGate,
  'contact-point-gate': contactPointGate,
  'connection-gate': connectionGate,
  'relationship-gate': relationshipGate,
  'contact-gate': contactGate,
  'activity-gate': activityGate,
  'list-membership': listMembership,
  'record-removal': recordRemoval,
  'customer-actions': customerActions,
  'contact-actions': contactActions,
  'marketing-list-actions': marketingListActions,
  'admin-contacts': adminContacts,
  'admin-marketing-lists': adminMarketingLists,
  'merge-support': mergeSupport,
  'customer-merge': customerMerge,
  'contact-merge': contactMerge,
  'merge-undo': mergeUndo,
  'search-index': searchIndex,
  'display-names': displayNames,
  'company-keys': companyKeys,
  'content-manager-layouts': contentManagerLayouts,
  duplicates,
  'duplicate-scans': duplicateScans,
  'query-bounds': queryBounds,
  'network-repository': networkRepository,
  'import-rows': importRows,
  'import-jobs': importJobs,
  'import-list': importList,
  'import-events': importEvents,
  'import-runner': importRunner,
  'import-undo': importUndo,
  'demo-data': demoData,
  history,
  'history-actions': historyActions,
  'history-retention': historyRetention,
  'webhook-sync': webhookSync,
  'erasure-list': erasureList,
  'personal-data-erasure': personalDataErasure,
  customer: coreService('plugin::crm.customer'),
  address: coreService('plugin::crm.address'),
  phone: coreService('plugin::crm.phone'),
  email: coreService('plugin::crm.email'),
  connection: coreService('plugin::crm.connection'),
  relationship: coreService('plugin::crm.relationship'),
  contact: coreService('plugin::crm.contact'),
  'marketing-list': coreService('plugin::crm.marketing-list'),
};
