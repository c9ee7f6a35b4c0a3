import { createContactPointController } from './contact-point';
import adminCustomer from './admin-customer';
import customer from './customer';

export default {
  customer,
  'admin-customer': adminCustomer,
  address: createContactPointController('address'),
  phone: createContactPointController('phone'),
  email: createContactPointController('email'),
};
