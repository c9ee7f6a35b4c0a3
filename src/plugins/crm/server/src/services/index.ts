import { factories } from '@strapi/strapi';

import contactPointGate from './contact-point-gate';
import customerGate from './customer-gate';
import customerLocks from './customer-locks';
import customerNumbers from './customer-numbers';
import customers from './customers';
import demoData from './demo-data';
import roles from './roles';
import ssn from './ssn';
import settings from './settings';

export default {
  settings,
  customerLocks,
  customerNumbers,
  contactPointGate,
  customerGate,
  customers,
  demoData,
  roles,
  ssn,
  // Core services used by the core controllers (`strapi.service('plugin::crm.<name>')`).
  customer: factories.createCoreService('plugin::crm.customer'),
  address: factories.createCoreService('plugin::crm.address'),
  phone: factories.createCoreService('plugin::crm.phone'),
  email: factories.createCoreService('plugin::crm.email'),
};
