import type { AdminActionUid } from '../../../contracts';
import { adminAction } from '../permissions';

/** An admin route of the plugin's pages and the admin RBAC action that guards it. */
export interface AdminPageRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  action: string;
}

const route = (
  method: AdminPageRoute['method'],
  path: string,
  handler: string,
  action: AdminActionUid
): AdminPageRoute => ({ method, path, handler, action: adminAction(action) });

/** The Contacts page: reads for CRM readers, each action for the admins holding its own action. */
export const CONTACT_ROUTES: readonly AdminPageRoute[] = [
  route('GET', '/contacts', 'admin-contacts.find', 'read'),
  // Before `/contacts/:id`, so that `export` is not read as an id.
  route('GET', '/contacts/export', 'admin-contacts.export', 'read'),
  route('GET', '/contacts/:id', 'admin-contacts.findOne', 'read'),
  route(
    'POST',
    '/contacts/:id/generate-login',
    'admin-contacts.generateLogin',
    'contacts.generate-login'
  ),
  route('POST', '/contacts/:id/convert', 'admin-contacts.convert', 'contacts.convert'),
  route('GET', '/contacts/:id/activity', 'admin-contacts.activity', 'read'),
  route('POST', '/contacts/:id/activity', 'admin-contacts.comment', 'activity.comment'),
];

/** The Marketing lists page: making lists and changing members take `marketing-lists.add`. */
export const MARKETING_LIST_ROUTES: readonly AdminPageRoute[] = [
  route('GET', '/marketing-lists', 'admin-marketing-lists.find', 'read'),
  route('POST', '/marketing-lists', 'admin-marketing-lists.create', 'marketing-lists.add'),
  route('GET', '/marketing-lists/:id', 'admin-marketing-lists.findOne', 'read'),
  route('GET', '/marketing-lists/:id/members', 'admin-marketing-lists.members', 'read'),
  route(
    'POST',
    '/marketing-lists/:id/members',
    'admin-marketing-lists.addMembers',
    'marketing-lists.add'
  ),
  route(
    'POST',
    '/marketing-lists/:id/members/remove',
    'admin-marketing-lists.removeMembers',
    'marketing-lists.add'
  ),
  route('GET', '/marketing-lists/:id/export', 'admin-marketing-lists.export', 'read'),
];
