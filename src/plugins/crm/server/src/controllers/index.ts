import adminCustomer from './admin-customer';
import contact from './contact';
import customer from './customer';
import importController from './import';
import marketingList from './marketing-list';
import { createRecordController } from './record';

export default {
  customer,
  'admin-customer': adminCustomer,
  address: createRecordController('plugin::crm.address', 'address'),
  phone: createRecordController('plugin::crm.phone', 'phone'),
  email: createRecordController('plugin::crm.email', 'email'),
  connection: createRecordController('plugin::crm.connection', 'connection'),
  relationship: createRecordController('plugin::crm.relationship', 'relationship'),
  contact,
  'marketing-list': marketingList,
  import: importController,
};
