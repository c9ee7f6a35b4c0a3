import { factories } from '@strapi/strapi';


import activityGate from './activity-gate';
import connectionGate from './connection-gate';
import contactGate from './contact-gate';
import contacts from './contacts';
import contactPointGate from './contact-point-gate';
import customerGate from './customer-gate';
import customerLocks from './customer-locks';
import customerNumbers from './customer-numbers';
import customerRefs from './customer-refs';
import customers from './customers';
import demoData from './demo-data';
import importEvents from './import-events';
import importJobs from './imports/import-jobs';
import importRunner from './imports/import-runner';
import importUndo from './imports/import-undo';
import importStaging from '../repositories/import-rows';
import listMembership from './list-membership';
import marketingLists from './marketing-lists';
import network from './network';
import networkRepository from '../repositories/network';
import queryBounds from './query-bounds';
import recordRemoval from './record-removal';
import relationshipGate from './relationship-gate';
import roles from './roles';
import schema from '../repositories/schema';
import searchIndex from './search-index';
import ssn from './ssn';
import settings from './settings';

/** Strapi's core service of a CRM type, used by the core controllers (`strapi.service('plugin::crm.<name>')`). */
const coreService = (uid: string) => factories.createCoreService(uid as never);

export default {
  settings,
  customerLocks,
  customerNumbers,
  contactPointGate,
  connectionGate,
  contactGate,
  activityGate,
  listMembership,
  schema,
  contacts,
  marketingLists,
  importStaging,
  importJobs,
  importEvents,
  importRunner,
  importUndo,
  relationshipGate,
  recordRemoval,
  customerRefs,
  networkRepository,
  network,
  customerGate,
  customers,
  searchIndex,
  queryBounds,
  demoData,
  roles,
  ssn,
  customer: coreService('plugin::crm.customer'),
  address: coreService('plugin::crm.address'),
  phone: coreService('plugin::crm.phone'),
  email: coreService('plugin::crm.email'),
  connection: coreService('plugin::crm.connection'),
  relationship: coreService('plugin::crm.relationship'),
  contact: coreService('plugin::crm.contact'),
  'marketing-list': coreService('plugin::crm.marketing-list'),
};
