/**
 * The bodies of the plugin's custom routes as zod schemas: the server describes its API from them
 * (OpenAPI) and checks its answers against them in tests; the admin reads their types only
 * (`api.ts`), so no schema code reaches its bundle.
 */
import { z } from 'zod';

import {
  CONNECTION_TYPES,
  CUSTOMER_TYPES,
  LOOSE_TYPES,
  RELATIONSHIP_KINDS,
  ACTOR_TYPES,
} from './enums';
import {
  DATE_ORDERS,
  DUPLICATE_SCAN_STAGES,
  IMPORT_DECISION_ACTIONS,
  IMPORT_EMPTY_CELLS,
  IMPORT_FORMATS,
  IMPORT_MODES,
  IMPORT_ROW_OUTCOMES,
  IMPORT_WITHIN_FILE,
  IMPORT_OBJECTS,
  IMPORT_ROW_STATUSES,
  IMPORT_SOURCES,
  IMPORT_STAGES,
} from './imports';

const timestamp = z.string().describe('ISO 8601 date and time');

export const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});

/** A related customer as the connection, relationship and network answers describe it. */
export const customerRefSchema = z.object({
  documentId: z.string(),
  customerNumber: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  name: z.string(),
});

/** GET /customers/:id/connections: each connection from either side, with the other customer. */
export const connectionSchema = z.object({
  documentId: z.string(),
  relationshipType: z.enum(CONNECTION_TYPES),
  title: z.string().nullable(),
  createdAt: timestamp.nullable(),
  direction: z.enum(['outgoing', 'incoming']),
  isPrimaryContact: z.boolean(),
  customer: customerRefSchema,
});

/** GET /customers/:id/relationships: labelled as seen from the customer asked about. */
export const relationshipSchema = z.object({
  documentId: z.string(),
  kind: z.enum(RELATIONSHIP_KINDS),
  type: z.enum(LOOSE_TYPES).nullable(),
  label: z.string(),
  createdAt: timestamp.nullable(),
  customer: customerRefSchema,
});

export const networkNodeSchema = z.object({
  id: z.string(),
  customerNumber: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  name: z.string(),
  depth: z.number().int(),
});

export const networkEdgeSchema = z.object({
  id: z.string(),
  kind: z.enum(['connection', ...RELATIONSHIP_KINDS] as const),
  label: z.string(),
  source: z.string(),
  target: z.string(),
});

/** GET /customers/:id/network?depth=: customers reached out to the depth, each node and edge once. */
export const networkSchema = z.object({
  nodes: z.array(networkNodeSchema),
  edges: z.array(networkEdgeSchema),
  /** The walk stopped at the node cap. */
  truncated: z.boolean(),
});

/** POST /customers/:id/ssn/reveal */
export const ssnRevealSchema = z.object({
  documentId: z.string(),
  ssn: z.string().nullable(),
  expiresAt: timestamp,
});

/** A comment or event of a contact's activity feed. */
export const activitySchema = z.object({
  documentId: z.string(),
  body: z.string(),
  authorType: z.enum(ACTOR_TYPES).nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: timestamp.nullable(),
});

export const importColumnSchema = z
  .object({
    header: z.string(),
    field: z.string().nullable(),
    samples: z.array(z.string()),
    /** The column holds social security numbers: its samples and cells come masked. */
    holdsSsn: z.boolean().optional(),
  })
  .passthrough();

export const importIssueSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  reason: z.string(),
});

/** What an undo removed, and the records it kept because others had built on them. */
export const undoResultSchema = z.object({
  at: timestamp,
  removed: z.object({ contacts: z.number().int(), customers: z.number().int() }),
  /** Records the undo deleted (the sum of `removed`). */
  deleted: z.number().int().optional(),
  /** Records the job had updated that the undo set back to their values before the job. */
  restored: z.number().int().optional(),
  kept: z.array(
    z.object({
      type: z.enum(['contact', 'customer']),
      documentId: z.string(),
      name: z.string(),
      reasons: z.array(z.string()),
      /** The reasons in one sentence. */
      reason: z.string().optional(),
      /** For a record the job updated and someone changed since: the fields changed since. */
      fields: z.array(z.string()).optional(),
    })
  ),
  keptCount: z.number().int(),
});

/** How a job treats rows that are records the CRM has (see IMPORT_MODES). */
export const importModeSchema = z.object({
  mode: z.enum(IMPORT_MODES),
  /** The keys a row is matched by, tried in order; the first that finds a record decides. */
  matchBy: z.array(z.string()),
  withinFile: z.enum(IMPORT_WITHIN_FILE),
  emptyCells: z.enum(IMPORT_EMPTY_CELLS),
  /** In `create` mode, a row whose record the duplicate matcher finds (at the block score) is not created either. */
  fuzzy: z.boolean(),
});

/** Before start: what the job would do with its valid rows, judged against the records as they are now. */
export const importPreviewSchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  ignored: z.number().int(),
});

/** An import job as every import route answers it. */
export const importJobSchema = z
  .object({
    documentId: z.string(),
    object: z.enum(IMPORT_OBJECTS),
    stage: z.enum(IMPORT_STAGES),
    fileName: z.string().nullable(),
    fileSize: z.number().nullable(),
    delimiter: z.string().nullable(),
    /** How the file was read: its format and text encoding (told from its content, or named on the upload). */
    format: z.enum(IMPORT_FORMATS).nullable(),
    encoding: z.string().nullable(),
    /** The worksheet read, for a workbook. */
    sheet: z.string().nullable(),
    /** The product whose export layout the headers are, or null. */
    source: z.enum(IMPORT_SOURCES).nullable(),
    /** The country national phone numbers are read in. */
    defaultCountry: z.string().nullable(),
    /** The order of each date column, by header: detected from all its values, or set by the user. */
    dateFormats: z.record(z.string(), z.enum([...DATE_ORDERS, 'ambiguous'])),
    /** Lines of a preamble before the header row (one-cell rows, such as LinkedIn's notes), skipped. */
    preambleLines: z.number().int(),
    columns: z.array(importColumnSchema),
    /** What a column can be mapped to. */
    fields: z.array(z.string()),
    counts: z.object({
      total: z.number().int().optional(),
      valid: z.number().int().optional(),
      invalid: z.number().int().optional(),
      imported: z.number().int().optional(),
      ignored: z.number().int().optional(),
      failed: z.number().int().optional(),
      pending: z.number().int().optional(),
      /** Of `imported`: rows that made a record, changed one, or found their values already there. */
      created: z.number().int().optional(),
      updated: z.number().int().optional(),
      unchanged: z.number().int().optional(),
    }),
    progress: z.object({ done: z.number(), total: z.number() }),
    errors: z.array(importIssueSchema),
    createdBy: z
      .object({ type: z.enum(ACTOR_TYPES), id: z.string().nullable(), name: z.string().nullable() })
      .nullable(),
    startedBy: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    undoneAt: timestamp.nullable(),
    undo: undoResultSchema.nullable(),
    cellsPurgedAt: timestamp.nullable(),
    mode: importModeSchema,
    /** The keys this job's mapped columns can match by. */
    matchKeys: z.array(z.string()),
    /** Before start (on GET /imports/:id of a job at reference data or ready): what it would do. */
    preview: importPreviewSchema.nullable().optional(),
  })
  .describe('An import job: its stage, columns and mapping, counts and progress');

/** GET/PUT /imports/:id/reference-data: a company no customer matched, with near matches. */
export const referenceGroupSchema = z.object({
  key: z.string(),
  company: z.string(),
  rows: z.number().int(),
  decision: z
    .object({ action: z.enum(IMPORT_DECISION_ACTIONS), customer: z.string().optional() })
    .nullable(),
  suggestions: z.array(z.object({ customer: z.string(), name: z.string(), score: z.number() })),
});

/** GET /imports/:id/log: one row of the file and what became of it. */
export const importLogRowSchema = z.object({
  line: z.number().int(),
  status: z.enum(IMPORT_ROW_STATUSES),
  /** For an imported row: whether it created, updated or left unchanged its record. */
  outcome: z.enum(IMPORT_ROW_OUTCOMES).optional(),
  cells: z.record(z.string(), z.string()),
  issues: z.array(z.object({ field: z.string(), reason: z.string() })),
  /** What the row was imported with but differs from the file (a birthday without a year left empty). */
  warnings: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
});

/** A possible duplicate of a record: the record by its name, a score between 0 and 1, and why. */
export const duplicateCandidateSchema = z.object({
  customer: z
    .object({
      documentId: z.string(),
      customerNumber: z.string().nullable(),
      type: z.string(),
      name: z.string(),
    })
    .optional(),
  contact: z.object({ documentId: z.string(), name: z.string() }).optional(),
  score: z.number(),
  reasons: z.array(z.string()),
});

/** A duplicate scan: its progress, then (when done) a page of clusters, best first. */
export const duplicateScanSchema = z.object({
  documentId: z.string(),
  object: z.enum(IMPORT_OBJECTS),
  stage: z.enum(DUPLICATE_SCAN_STAGES),
  threshold: z.number().nullable(),
  progress: z.object({ done: z.number(), total: z.number() }),
  pairCount: z.number().int(),
  clusterCount: z.number().int(),
  error: z.string().nullable(),
  createdBy: z
    .object({ type: z.enum(ACTOR_TYPES), id: z.string().nullable(), name: z.string().nullable() })
    .nullable(),
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  clusters: z
    .array(
      z.object({
        score: z.number(),
        size: z.number().int(),
        records: z.array(
          z.object({
            documentId: z.string(),
            name: z.string(),
            customerNumber: z.string().nullable().optional(),
            type: z.string().optional(),
          })
        ),
        pairs: z.array(
          z.object({
            first: z.string(),
            second: z.string(),
            score: z.number(),
            reasons: z.array(z.string()),
          })
        ),
      })
    )
    .optional(),
});
