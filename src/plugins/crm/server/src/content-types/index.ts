import activity from './activity';
import address from './address';
import auditLog from './audit-log';
import connection from './connection';
import contact from './contact';
import customer from './customer';
import email from './email';
import importJob from './import-job';
import marketingList from './marketing-list';
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
  sequence,
  'audit-log': auditLog,
};
