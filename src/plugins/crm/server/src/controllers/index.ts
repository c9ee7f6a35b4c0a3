import { createContactPointController } from './contact-point';
import customer from './customer';

export default {
  customer,
  address: createContactPointController('address'),
  phone: createContactPointController('phone'),
  email: createContactPointController('email'),
};
