import {
  CONNECTION_UID,
  CONTACT_POINT_UIDS,
  CONTACT_UID,
  CUSTOMER_UID,
  MARKETING_LIST_UID,
  RELATIONSHIP_UID,
  type CrmContentTypeUid,
} from '../utils/uids';
import adminContacts from './admin-contacts';
import adminCustomer from './admin-customer';
import adminMarketingLists from './admin-marketing-lists';
import contact from './contact';
import customer from './customer';
import duplicate from './duplicate';
import erasure from './erasure';
import history from './history';
import importController from './import';
import marketingList from './marketing-list';
import merge from './merge';
import { withMergeRedirects } from './merge-redirects';
import openapi from './openapi';
import personalData, { adminPersonalData } from './personal-data';
import { withQueryBounds } from './query-bounds';
import { createRecordController } from './record';

/** Every controller over a CRM type bounds its caller's query (`query-bounds.ts`). */
const recordController = (uid: CrmContentTypeUid, what: string) =>
  withQueryBounds(uid, createRecordController(uid, what));

export default {
  customer: withMergeRedirects('customers', withQueryBounds(CUSTOMER_UID, customer)),
  'admin-customer': adminCustomer,
  'admin-contacts': adminContacts,
  'admin-marketing-lists': adminMarketingLists,
  address: recordController(CONTACT_POINT_UIDS.address, 'address'),
  phone: recordController(CONTACT_POINT_UIDS.phone, 'phone'),
  email: recordController(CONTACT_POINT_UIDS.email, 'email'),
  connection: recordController(CONNECTION_UID, 'connection'),
  relationship: recordController(RELATIONSHIP_UID, 'relationship'),
  contact: withMergeRedirects('contacts', withQueryBounds(CONTACT_UID, contact)),
  'marketing-list': withQueryBounds(MARKETING_LIST_UID, marketingList),
  import: importController,
  merge,
  duplicate,
  history,
  erasure,
  openapi,
  'personal-data': personalData,
  'admin-personal-data': adminPersonalData,
};
