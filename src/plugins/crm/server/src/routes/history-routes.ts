import { historyListResponse, historyQuery, historyRevertResponse } from '../validation/history';
import type { RouteContract } from './contract';

/**
 * The change history of a customer (its contact points and links included) or a contact, and the
 * revert of one entry, served to the content API (/api/crm, guarded by the role table: reading as
 * the record itself, reverting for `revertHistory`) and to the admin panel (/crm, admin RBAC: read
 * and manage) with the same handlers. `readScope` lets read-only API tokens read the history.
 */
export const HISTORY_ROUTES: readonly {
  method: 'GET' | 'POST';
  path: string;
  handler: string;
  readScope?: string;
  contract: RouteContract;
}[] = [
  {
    method: 'GET',
    path: '/customers/:id/history',
    handler: 'history.customer',
    readScope: 'plugin::crm.customer.findOne',
    contract: {
      summary:
        "A customer's change history, its contact points, connections and relationships included, newest first",
      query: historyQuery,
      success: { status: 200, schema: historyListResponse },
    },
  },
  {
    method: 'GET',
    path: '/contacts/:id/history',
    handler: 'history.contact',
    readScope: 'plugin::crm.contact.findOne',
    contract: {
      summary: "A contact's change history, newest first",
      query: historyQuery,
      success: { status: 200, schema: historyListResponse },
    },
  },
  {
    method: 'POST',
    path: '/history/:id/revert',
    handler: 'history.revert',
    contract: {
      summary:
        "Revert a history entry: its fields' values before, written back (409 naming a field changed since)",
      success: { status: 200, schema: historyRevertResponse },
    },
  },
];
