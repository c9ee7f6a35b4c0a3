import activity from './activity';
import address from './address';
import auditLog from './audit-log';
import connection from './connection';
import contact from './contact';
import customer from './customer';
import duplicateScan from './duplicate-scan';
import email from './email';
import erasure from './erasure';
import historyEntry from './history-entry';
import importJob from './import-job';
import marketingList from './marketing-list';
import merge from './merge';
import mergeRedirect from './merge-redirect';
import phone from './phone';
import relationship from './relationship';
import sequence from './sequence';

export default {
  customer,
  address,
  phone,
  email,
  connection,
  relationship,
  contact,
  activity,
  'marketing-list': marketingList,
  'import-job': importJob,
  'duplicate-scan': duplicateScan,
  sequence,
  'audit-log': auditLog,
  merge,
  'merge-redirect': mergeRedirect,
  'history-entry': historyEntry,
  erasure,
};
