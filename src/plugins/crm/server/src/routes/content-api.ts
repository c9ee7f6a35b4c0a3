/**
 * The plugin's REST API, served under /api/crm. `:id` is a documentId.
 * Specific paths come before `/:id` so that `search` is not read as an id. Every route is guarded
 * by the role table (`permissions.ts`); reads other than find/findOne take the permission of
 * `find` or `findOne`, so whoever may list customers may search them (read-only API tokens too).
 * Each route's contract (`contract.ts`) is what the API's description (`/openapi.json`) is made of.
 */
import {
  API_DESCRIPTION_READER,
  ERROR_BOUNDARY,
  REQUEST_GUARD,
  ROUTE_MIDDLEWARES,
} from '../middlewares';
import {
  commentBody,
  contactListQuery,
  activityQuery,
  generateLoginBody,
} from '../validation/contact';
import { networkQuery, primaryBody, primaryContactBody } from '../validation/customer';
import { membersBody } from '../validation/marketing-list';
import {
  activityResponse,
  apiDescriptionResponse,
  commentResponse,
  connectionsResponse,
  loginResponse,
  networkResponse,
  recordResponse,
  relationshipsResponse,
  searchResponse,
  ssnRevealResponse,
} from '../validation/responses';
import { searchQuery } from '../validation/search';
import type { ContentApiRoute } from './contract';
import { DUPLICATE_ROUTES } from './duplicate-routes';
import { ERASURE_ROUTES } from './erasure-routes';
import { HISTORY_ROUTES } from './history-routes';
import { IMPORT_ROUTES } from './import-routes';
import { MERGE_ROUTES } from './merge-routes';
import { PERSONAL_DATA_ROUTES } from './personal-data-routes';
import { SOCIAL_PROFILE_ROUTES } from './social-profile-routes';

const READ_LIST = { scope: ['plugin::crm.customer.find'] };
const READ_ONE = { scope: ['plugin::crm.customer.findOne'] };

type RecordAction = 'find' | 'findOne' | 'create' | 'update' | 'delete';
const RECORD_ROUTES: Record<
  RecordAction,
  { method: ContentApiRoute['method']; withId: boolean; summary: string }
> = {
  find: { method: 'GET', withId: false, summary: 'List' },
  findOne: { method: 'GET', withId: true, summary: 'Read one of' },
  create: { method: 'POST', withId: false, summary: 'Create one of' },
  update: { method: 'PUT', withId: true, summary: 'Update one of' },
  delete: { method: 'DELETE', withId: true, summary: 'Delete one of' },
};

/** Strapi's record routes of a content type (`controller` is its singular name). */
const recordRoutes = (
  plural: string,
  controller: string,
  actions: RecordAction[] = ['find', 'findOne', 'create', 'update', 'delete'],
  query?: ContentApiRoute['contract']['query']
): ContentApiRoute[] =>
  actions.map((action) => ({
    method: RECORD_ROUTES[action].method,
    path: `/${plural}${RECORD_ROUTES[action].withId ? '/:id' : ''}`,
    handler: `${controller}.${action}`,
    contract: {
      summary: `${RECORD_ROUTES[action].summary} the ${plural}`,
      record: { type: controller, action },
      ...(action === 'find' && query ? { query } : {}),
      success: { status: action === 'create' ? 201 : action === 'delete' ? 204 : 200 },
    },
  }));

export const CONTENT_API_ROUTES: ContentApiRoute[] = [
  {
    method: 'GET',
    path: '/openapi.json',
    handler: 'openapi.document',
    // Authenticated and admitted by its middleware: see `api-description-reader.ts`.
    config: {
      auth: false,
      policies: [],
      middlewares: [ERROR_BOUNDARY, API_DESCRIPTION_READER, REQUEST_GUARD],
    },
    contract: {
      summary: 'This description of the API, as OpenAPI 3.1',
      success: { status: 200, schema: apiDescriptionResponse },
    },
  },
  {
    method: 'GET',
    path: '/customers/search',
    handler: 'customer.search',
    auth: READ_LIST,
    contract: {
      summary: 'Quick search of customers',
      query: searchQuery,
      shapes: 'customer',
      success: { status: 200, schema: searchResponse },
    },
  },
  // Before the record routes, so that `duplicate-check` is not read as an id.
  ...DUPLICATE_ROUTES.map(({ readScope, ...route }): ContentApiRoute => ({
    ...route,
    ...(readScope ? { auth: { scope: [readScope] } } : {}),
  })),
  ...recordRoutes('customers', 'customer'),
  {
    method: 'PUT',
    path: '/customers/:id/primary',
    handler: 'customer.setPrimary',
    contract: {
      summary: 'Make a contact point the primary of its kind',
      body: primaryBody,
      success: { status: 200, schema: recordResponse('Customer') },
    },
  },
  // Any CRM reader reaches the controller, which applies the table and audits the outcome.
  {
    method: 'POST',
    path: '/customers/:id/ssn/reveal',
    handler: 'customer.revealSsn',
    auth: READ_ONE,
    contract: {
      summary: "Reveal a customer's SSN (audited)",
      success: { status: 200, schema: ssnRevealResponse },
    },
  },
  {
    method: 'GET',
    path: '/customers/:id/connections',
    handler: 'customer.connections',
    auth: { scope: ['plugin::crm.connection.find'] },
    contract: {
      summary: "A customer's connections",
      success: { status: 200, schema: connectionsResponse },
    },
  },
  {
    method: 'PUT',
    path: '/customers/:id/primary-contact',
    handler: 'customer.setPrimaryContact',
    contract: {
      summary: "Choose a business's primary contact",
      body: primaryContactBody,
      success: { status: 200, schema: recordResponse('Customer') },
    },
  },
  {
    method: 'GET',
    path: '/customers/:id/relationships',
    handler: 'customer.relationships',
    auth: { scope: ['plugin::crm.relationship.find'] },
    contract: {
      summary: "A customer's relationships",
      success: { status: 200, schema: relationshipsResponse },
    },
  },
  {
    method: 'GET',
    path: '/customers/:id/network',
    handler: 'customer.network',
    auth: READ_ONE,
    contract: {
      summary: "A customer's network, out to a depth",
      query: networkQuery,
      success: { status: 200, schema: networkResponse },
    },
  },
  ...SOCIAL_PROFILE_ROUTES,
  ...recordRoutes('addresses', 'address'),
  ...recordRoutes('phones', 'phone'),
  ...recordRoutes('emails', 'email'),
  ...recordRoutes('connections', 'connection'),
  ...recordRoutes('relationships', 'relationship'),
  ...recordRoutes('contacts', 'contact', undefined, contactListQuery),
  {
    method: 'POST',
    path: '/contacts/:id/generate-login',
    handler: 'contact.generateLogin',
    contract: {
      summary: 'Give a contact a login',
      body: generateLoginBody,
      success: { status: 201, schema: loginResponse },
    },
  },
  {
    method: 'POST',
    path: '/contacts/:id/convert',
    handler: 'contact.convert',
    contract: {
      summary: 'Convert a contact to a customer',
      success: { status: 201, schema: recordResponse('Customer') },
    },
  },
  {
    method: 'GET',
    path: '/contacts/:id/activity',
    handler: 'contact.activity',
    auth: { scope: ['plugin::crm.contact.findOne'] },
    contract: {
      summary: "A contact's activity, newest first",
      query: activityQuery,
      success: { status: 200, schema: activityResponse },
    },
  },
  {
    method: 'POST',
    path: '/contacts/:id/activity',
    handler: 'contact.comment',
    contract: {
      summary: 'Comment on a contact',
      body: commentBody,
      success: { status: 201, schema: commentResponse },
    },
  },
  ...recordRoutes('marketing-lists', 'marketing-list', ['find', 'findOne', 'create']),
  {
    method: 'POST',
    path: '/marketing-lists/:id/members',
    handler: 'marketing-list.addMembers',
    contract: {
      summary: 'Add contacts to a marketing list',
      body: membersBody,
      success: { status: 200, schema: recordResponse('MarketingList') },
    },
  },
  {
    method: 'POST',
    path: '/marketing-lists/:id/members/remove',
    handler: 'marketing-list.removeMembers',
    contract: {
      summary: 'Take contacts off a marketing list',
      body: membersBody,
      success: { status: 200, schema: recordResponse('MarketingList') },
    },
  },
  ...MERGE_ROUTES,
  ...HISTORY_ROUTES.map(({ readScope, ...route }): ContentApiRoute => ({
    ...route,
    ...(readScope ? { auth: { scope: [readScope] } } : {}),
  })),
  ...ERASURE_ROUTES,
  ...IMPORT_ROUTES.map(({ readsJob, ...route }): ContentApiRoute => ({
    ...route,
    ...(readsJob ? { auth: { scope: ['plugin::crm.import.findOne'] } } : {}),
  })),
  {
    method: 'GET',
    path: '/marketing-lists/:id/export',
    handler: 'marketing-list.export',
    auth: { scope: ['plugin::crm.marketing-list.findOne'] },
    contract: {
      summary: "A marketing list's members, as CSV",
      success: {
        status: 200,
        csv: {
          headers: {
            'X-Exported-Count': 'members exported',
            'X-Left-Out-Count': 'members left out (no channel, or opted out)',
          },
        },
      },
    },
  },
  ...PERSONAL_DATA_ROUTES,
];

export default {
  type: 'content-api',
  routes: CONTENT_API_ROUTES.map(({ auth, contract: _contract, config, ...route }) => ({
    ...route,
    config: config ?? {
      policies: ['plugin::crm.role-table'],
      middlewares: ROUTE_MIDDLEWARES,
      ...(auth ? { auth } : {}),
    },
  })),
};
