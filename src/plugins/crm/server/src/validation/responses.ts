import { z } from 'zod';

import { CONNECTION_TYPES, CUSTOMER_TYPES, IMPORT_OBJECTS, LOOSE_TYPES } from '../domain';
import { ROW_STATUSES } from './import';
import { describedAs } from './json-schema';

/**
 * What the plugin's own routes answer, for the API's description (`openapi/`); the record routes'
 * answers come from the content types. Objects stay open where a service may add a field.
 */

/** A record of a content type, as the content type describes it (`Customer`, `MarketingList`, …). */
export const recordOf = (component: string) =>
  describedAs(z.unknown(), { $ref: `#/components/schemas/${component}` });

const timestamp = z.string().describe('ISO 8601 date and time');
const nullableTimestamp = timestamp.nullable();

export const pagination = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});

/** `{ data, meta }`, Strapi's answer shape. */
export const envelope = <Data extends z.ZodTypeAny, Meta extends z.ZodTypeAny>(
  data: Data,
  meta?: Meta
) => z.object({ data, meta: meta ?? z.object({}).passthrough() });

const customerSummary = z.object({
  documentId: z.string(),
  customerNumber: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  name: z.string(),
});

export const searchResponse = envelope(
  z.array(recordOf('Customer')),
  // `totalIsExact`: whether `total` was counted or is the index's estimate.
  z.object({ pagination: pagination.extend({ totalIsExact: z.boolean() }) })
);

export const ssnRevealResponse = envelope(
  z.object({ documentId: z.string(), ssn: z.string().nullable(), expiresAt: nullableTimestamp })
);

export const connectionsResponse = envelope(
  z.array(
    z.object({
      documentId: z.string(),
      relationshipType: z.enum(CONNECTION_TYPES),
      title: z.string().nullable(),
      createdAt: nullableTimestamp,
      direction: z.enum(['outgoing', 'incoming']),
      isPrimaryContact: z.boolean(),
      customer: customerSummary,
    })
  )
);

export const relationshipsResponse = envelope(
  z.array(
    z.object({
      documentId: z.string(),
      kind: z.enum(['hierarchical', 'loose']),
      type: z.enum(LOOSE_TYPES).nullable(),
      label: z.string(),
      createdAt: nullableTimestamp,
      customer: customerSummary,
    })
  )
);

export const networkResponse = envelope(
  z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        customerNumber: z.string(),
        type: z.enum(CUSTOMER_TYPES),
        name: z.string(),
        depth: z.number().int(),
      })
    ),
    edges: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['connection', 'hierarchical', 'loose']),
        label: z.string(),
        source: z.string(),
        target: z.string(),
      })
    ),
    truncated: z.boolean(),
  }),
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

const activityItem = z.object({
  documentId: z.string(),
  body: z.string(),
  authorType: z.enum(['user', 'admin', 'api-token', 'system']).nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: nullableTimestamp,
});

export const activityResponse = envelope(z.array(activityItem), z.object({ pagination }));
export const commentResponse = envelope(activityItem);

export const importJob = z
  .object({
    documentId: z.string(),
    object: z.enum(IMPORT_OBJECTS),
    stage: z.enum(['validating', 'reference-data', 'ready', 'running', 'done', 'failed', 'undone']),
    fileName: z.string().nullable(),
    fileSize: z.number().nullable(),
    delimiter: z.string().nullable(),
    columns: z.array(
      z
        .object({
          header: z.string(),
          field: z.string().nullable().optional(),
          samples: z.array(z.string().nullable()).optional(),
        })
        .passthrough()
    ),
    fields: z.array(z.string()),
    counts: z.record(z.string(), z.unknown()),
    progress: z.object({ done: z.number(), total: z.number() }).passthrough(),
    errors: z.array(z.unknown()),
    createdBy: z
      .object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() })
      .nullable(),
    startedBy: z.string().nullable(),
    createdAt: nullableTimestamp,
    startedAt: nullableTimestamp,
    finishedAt: nullableTimestamp,
    undoneAt: nullableTimestamp,
    undo: z.unknown(),
    cellsPurgedAt: nullableTimestamp,
  })
  .describe('An import job: its stage, columns and mapping, counts and progress');

export const importJobResponse = envelope(importJob);

export const referenceDataResponse = envelope(
  z.array(
    z
      .object({
        key: z.string(),
        company: z.string(),
        rows: z.unknown(),
        decision: z
          .object({ action: z.enum(['create', 'link', 'skip']), customer: z.string().optional() })
          .nullable(),
        suggestions: z.array(z.unknown()),
      })
      .passthrough()
  )
);

export const importLogResponse = envelope(
  z.array(
    z.object({
      line: z.number().int(),
      status: z.enum(ROW_STATUSES),
      cells: z.record(z.string(), z.string()),
      issues: z.array(z.object({ field: z.string(), reason: z.string() }).passthrough()),
    })
  ),
  z.object({ pagination })
);

export const recordResponse = (component: string) => envelope(recordOf(component));

export const apiDescriptionResponse = z
  .object({
    openapi: z.string(),
    info: z.object({ title: z.string(), version: z.string() }).passthrough(),
    paths: z.record(z.string(), z.unknown()),
  })
  .passthrough()
  .describe('An OpenAPI 3.1 document');
