import { personalDataQuery, personalDataResponse } from '../validation/personal-data';
import type { RouteContract } from './contract';

/**
 * Everything the CRM holds on a person, as JSON or a zip of CSV files: served to the content API
 * (/api/crm, the role table's `exportPersonalData`) and to the admin panel (/crm, admin RBAC
 * action `plugin::crm.personal-data`) with the same handlers.
 */
export const PERSONAL_DATA_ROUTES: readonly {
  method: 'GET';
  path: string;
  handler: string;
  contract: RouteContract;
}[] = [
  {
    method: 'GET',
    path: '/customers/:id/personal-data',
    handler: 'personal-data.customer',
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
    contract: {
      summary:
        "Everything held on a contact: the record, lists, activity, the same person's records, history (audited)",
      query: personalDataQuery,
      success: { status: 200, schema: personalDataResponse, zip: true },
    },
  },
];
