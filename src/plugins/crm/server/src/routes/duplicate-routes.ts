import { duplicateCheckBody, scanBody, scanQuery } from '../validation/duplicates';
import {
  duplicateScanPageResponse,
  duplicateScanResponse,
  duplicatesResponse,
} from '../validation/responses';
import type { ContentApiRoute } from './contract';

/**
 * Possible duplicates of customers and contacts, read by whoever may read them: of a stored
 * record, and of one as it would be created. Served to the content API and the admin pages.
 */
export const DUPLICATE_ROUTES: readonly (ContentApiRoute & { readScope?: string })[] = [
  {
    method: 'POST',
    path: '/customers/duplicate-check',
    handler: 'duplicate.customerCheck',
    readScope: 'plugin::crm.customer.find',
    contract: {
      summary: 'Possible duplicates of a customer as it would be created',
      body: duplicateCheckBody,
      success: { status: 200, schema: duplicatesResponse },
    },
  },
  {
    method: 'GET',
    path: '/customers/:id/duplicates',
    handler: 'duplicate.customerDuplicates',
    readScope: 'plugin::crm.customer.findOne',
    contract: {
      summary: 'Possible duplicates of a customer, best first',
      success: { status: 200, schema: duplicatesResponse },
    },
  },
  {
    method: 'POST',
    path: '/contacts/duplicate-check',
    handler: 'duplicate.contactCheck',
    readScope: 'plugin::crm.contact.find',
    contract: {
      summary: 'Possible duplicates of a contact as it would be created',
      body: duplicateCheckBody,
      success: { status: 200, schema: duplicatesResponse },
    },
  },
  {
    method: 'GET',
    path: '/contacts/:id/duplicates',
    handler: 'duplicate.contactDuplicates',
    readScope: 'plugin::crm.contact.findOne',
    contract: {
      summary: 'Possible duplicates of a contact, best first',
      success: { status: 200, schema: duplicatesResponse },
    },
  },

  // Starting a scan of every record is for those who may merge (the table's right to delete);
  // its clusters are read like the records.
  {
    method: 'POST',
    path: '/duplicate-scans',
    handler: 'duplicate.startScan',
    contract: {
      summary: 'Scan every customer or contact for duplicates, in the background',
      body: scanBody,
      success: { status: 202, schema: duplicateScanResponse },
    },
  },
  {
    method: 'GET',
    path: '/duplicate-scans/:id',
    handler: 'duplicate.readScan',
    readScope: 'plugin::crm.customer.find',
    contract: {
      summary: "A duplicate scan's progress, then its clusters, best first",
      query: scanQuery,
      success: { status: 200, schema: duplicateScanPageResponse },
    },
  },
];
