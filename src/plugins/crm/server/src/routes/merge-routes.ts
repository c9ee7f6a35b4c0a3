import {
  contactMergeBody,
  contactMergeResponse,
  customerMergeBody,
  customerMergeResponse,
  mergeUndoResponse,
} from '../validation/merge';
import type { RouteContract } from './contract';

/**
 * Merging duplicates and undoing a merge, served to the content API (/api/crm, guarded by the role
 * table: the right to delete customers or contacts) and to the admin panel (/crm, admin RBAC action
 * `plugin::crm.merge`) with the same handlers. No record route takes POST on `/:id`, so `merge` is
 * never read as an id.
 */
export const MERGE_ROUTES: readonly {
  method: 'POST';
  path: string;
  handler: string;
  contract: RouteContract;
}[] = [
  {
    method: 'POST',
    path: '/customers/merge',
    handler: 'merge.customers',
    contract: {
      summary: 'Merge duplicate customers into one (or, with dryRun, say what it would do)',
      body: customerMergeBody,
      success: { status: 200, schema: customerMergeResponse },
    },
  },
  {
    method: 'POST',
    path: '/contacts/merge',
    handler: 'merge.contacts',
    contract: {
      summary: 'Merge duplicate contacts into one (or, with dryRun, say what it would do)',
      body: contactMergeBody,
      success: { status: 200, schema: contactMergeResponse },
    },
  },
  {
    method: 'POST',
    path: '/merges/:id/undo',
    handler: 'merge.undo',
    contract: {
      summary: 'Undo a merge: the merged records back, with their ids, contact points and links',
      success: { status: 200, schema: mergeUndoResponse },
    },
  },
];
