import { erasureListQuery, erasureListResponse, erasureResponse } from '../validation/erasure';
import type { RouteContract } from './contract';

/**
 * Erasing a person's personal data, served to the content API (/api/crm, guarded by the role
 * table: crm_admin only) and to the admin panel (/crm, admin RBAC action `plugin::crm.personal-data`)
 * with the same handlers. No record route takes POST on `/:id/erase` otherwise.
 */
export const ERASURE_ROUTES: readonly {
  method: 'POST';
  path: string;
  handler: string;
  contract: RouteContract;
}[] = [
  {
    method: 'POST',
    path: '/customers/:id/erase',
    handler: 'erasure.customer',
    contract: {
      summary:
        "Erase a customer's personal data (and the contacts that are the same person); the record and its links stay",
      success: { status: 200, schema: erasureResponse },
    },
  },
  {
    method: 'POST',
    path: '/contacts/:id/erase',
    handler: 'erasure.contact',
    contract: {
      summary:
        "Erase a contact's personal data (and the other contacts that are the same person); the record and its links stay",
      success: { status: 200, schema: erasureResponse },
    },
  },
];

/** The erasure list, for the admin panel only: kinds and dates (no values), and removing an entry. */
export const ERASURE_LIST_ROUTES: readonly {
  method: 'GET' | 'DELETE';
  path: string;
  handler: string;
  contract: RouteContract;
}[] = [
  {
    method: 'GET',
    path: '/erasures',
    handler: 'erasure.list',
    contract: {
      summary: 'The erasure list: kind and date of each erased e-mail or phone number',
      query: erasureListQuery,
      success: { status: 200, schema: erasureListResponse },
    },
  },
  {
    method: 'DELETE',
    path: '/erasures/:id',
    handler: 'erasure.remove',
    contract: {
      summary: 'Take an entry off the erasure list: its person may be written again',
      success: { status: 200 },
    },
  },
];
