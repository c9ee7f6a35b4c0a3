import { pageQuery } from '../validation/admin-pages';
import { decisionsBody, logQuery, mappingBody, modeBody, uploadBody } from '../validation/import';
import {
  importJobResponse,
  importListResponse,
  importLogResponse,
  referenceDataResponse,
} from '../validation/responses';
import type { RouteContract } from './contract';

/**
 * The import API's routes, served twice with the same handlers: to the content API (/api/crm,
 * guarded by the role table) and to the admin panel's wizard (/crm, guarded by admin RBAC).
 * `readsJob` marks the reads that take the permission of reading the job itself.
 */
export const IMPORT_ROUTES: readonly {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  handler: string;
  readsJob?: boolean;
  contract: RouteContract;
}[] = [
  {
    method: 'POST',
    path: '/imports',
    handler: 'import.create',
    contract: {
      summary: 'Upload a CSV file of contacts or customers',
      upload: uploadBody,
      success: { status: 201, schema: importJobResponse },
    },
  },
  {
    method: 'GET',
    path: '/imports',
    handler: 'import.list',
    readsJob: true,
    contract: {
      summary: "The caller's imports, newest first (every import, for those who may act on all)",
      query: pageQuery,
      success: { status: 200, schema: importListResponse },
    },
  },
  {
    method: 'GET',
    path: '/imports/:id',
    handler: 'import.findOne',
    contract: { summary: 'An import job', success: { status: 200, schema: importJobResponse } },
  },
  {
    method: 'PUT',
    path: '/imports/:id/mapping',
    handler: 'import.setMapping',
    contract: {
      summary: "Change the fields the file's columns map to",
      body: mappingBody,
      success: { status: 200, schema: importJobResponse },
    },
  },
  {
    method: 'PUT',
    path: '/imports/:id/mode',
    handler: 'import.setMode',
    contract: {
      summary:
        'Choose how rows that are existing records are treated: create, update or upsert, and the keys',
      body: modeBody,
      success: { status: 200, schema: importJobResponse },
    },
  },
  {
    method: 'GET',
    path: '/imports/:id/reference-data',
    handler: 'import.referenceData',
    readsJob: true,
    contract: {
      summary: 'The companies no customer matched',
      success: { status: 200, schema: referenceDataResponse },
    },
  },
  {
    method: 'PUT',
    path: '/imports/:id/reference-data',
    handler: 'import.decide',
    contract: {
      summary: 'Create, link or skip each unmatched company',
      body: decisionsBody,
      success: { status: 200, schema: referenceDataResponse },
    },
  },
  {
    method: 'POST',
    path: '/imports/:id/start',
    handler: 'import.start',
    contract: {
      summary: 'Start a ready import',
      success: { status: 202, schema: importJobResponse },
    },
  },
  {
    method: 'GET',
    path: '/imports/:id/ignored',
    handler: 'import.ignored',
    readsJob: true,
    contract: { summary: 'The rows left out, as CSV', success: { status: 200, csv: {} } },
  },
  {
    method: 'GET',
    path: '/imports/:id/log',
    handler: 'import.log',
    readsJob: true,
    contract: {
      summary: "The rows' outcomes, page by page",
      query: logQuery,
      success: { status: 200, schema: importLogResponse },
    },
  },
  {
    method: 'POST',
    path: '/imports/:id/undo',
    handler: 'import.undo',
    contract: {
      summary: 'Undo a finished import',
      success: { status: 200, schema: importJobResponse },
    },
  },
];
