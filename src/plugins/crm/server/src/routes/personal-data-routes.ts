import { personalDataQuery, personalDataResponse } from '../validation/personal-data';
import type { ContentApiRoute } from './contract';

/**
 * Everything the CRM holds on a person, as JSON or a zip of CSV files: served to the content API
 * (/api/crm, the role table's `exportPersonalData`) and to the admin panel (/crm, admin RBAC
 * action `plugin::crm.personal-data`) with the same handlers. As every read, API tokens reach it
 * with the read permission of the record (read-only tokens too); users only through the table.
 */
export const PERSONAL_DATA_ROUTES: readonly ContentApiRoute[] = [
  {
    method: 'GET',
    path: '/customers/:id/personal-data',
    handler: 'personal-data.customer',
    auth: { scope: ['plugin::crm.customer.findOne'] },
    contract: {
      summary:
        "Everything held on a customer: the record, contact points, links, the same person's contacts, history (audited)",
      query: personalDataQuery,
      success: { status: 200, schema: personalDataResponse, zip: true },
    },
  },
  {
    method: 'GET',
    path: '/contacts/:id/personal-data',
    handler: 'personal-data.contact',
    auth: { scope: ['plugin::crm.contact.findOne'] },
    contract: {
      summary:
        "Everything held on a contact: the record, lists, activity, the same person's records, history (audited)",
      query: personalDataQuery,
      success: { status: 200, schema: personalDataResponse, zip: true },
    },
  },
];
