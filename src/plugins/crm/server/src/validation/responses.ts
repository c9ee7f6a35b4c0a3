import { z } from 'zod';

import {
  activitySchema,
  connectionSchema,
  duplicateCandidateSchema,
  duplicateScanSchema,
  importJobSchema,
  importLogRowSchema,
  networkSchema,
  paginationSchema,
  referenceGroupSchema,
  relationshipSchema,
  ssnRevealSchema,
} from '../../../contracts/responses';
import { describedAs } from './json-schema';

/**
 * What the plugin's own routes answer, for the API's description (`openapi/`); the record routes'
 * answers come from the content types. Objects stay open where a service may add a field.
 */

/** A record of a content type, as the content type describes it (`Customer`, `MarketingList`, …). */
export const recordOf = (component: string) =>
  describedAs(z.unknown(), { $ref: `#/components/schemas/${component}` });

export const pagination = paginationSchema;

/** `{ data, meta }`, Strapi's answer shape. */
export const envelope = <Data extends z.ZodTypeAny, Meta extends z.ZodTypeAny>(
  data: Data,
  meta?: Meta
) => z.object({ data, meta: meta ?? z.object({}).passthrough() });

export const searchResponse = envelope(
  z.array(recordOf('Customer')),
  // `totalIsExact`: whether `total` was counted or is the index's estimate.
  z.object({ pagination: pagination.extend({ totalIsExact: z.boolean() }) })
);

export const ssnRevealResponse = envelope(ssnRevealSchema);
export const connectionsResponse = envelope(z.array(connectionSchema));
export const relationshipsResponse = envelope(z.array(relationshipSchema));
export const networkResponse = envelope(
  networkSchema,
  z.object({ depth: z.number().int(), nodeCap: z.number().int() })
);

export const loginResponse = envelope(
  z.object({
    documentId: z.string(),
    id: z.number().int(),
    email: z.string(),
    username: z.string(),
  })
);

export const activityResponse = envelope(z.array(activitySchema), z.object({ pagination }));
export const commentResponse = envelope(activitySchema);

export const importJob = importJobSchema;

/** A past or running import as a list shows it (`ImportSummary`). */
const importSummarySchema = z
  .object({
    documentId: z.string(),
    object: z.enum(['customer', 'contact']),
    fileName: z.string().nullable(),
    format: z.string().nullable(),
    stage: z.string(),
    counts: z.record(z.number()).nullable(),
    ownerType: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    undoneAt: z.string().nullable(),
  })
  .passthrough();
export const importListResponse = envelope(z.array(importSummarySchema), z.object({ pagination }));
export const importJobResponse = envelope(importJobSchema);

export const referenceDataResponse = envelope(z.array(referenceGroupSchema));

export const importLogResponse = envelope(z.array(importLogRowSchema), z.object({ pagination }));

export const recordResponse = (component: string) => envelope(recordOf(component));

export const duplicatesResponse = envelope(z.array(duplicateCandidateSchema));
export const duplicateScanResponse = envelope(duplicateScanSchema);
export const duplicateScanPageResponse = envelope(duplicateScanSchema, z.object({ pagination }));

export const apiDescriptionResponse = z
  .object({
    openapi: z.string(),
    info: z.object({ title: z.string(), version: z.string() }).passthrough(),
    paths: z.record(z.string(), z.unknown()),
  })
  .passthrough()
  .describe('An OpenAPI 3.1 document');
