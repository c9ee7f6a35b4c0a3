import { z } from 'zod';

import { MERGE_MAX_RECORDS } from '../domain/merge';
import { envelope, recordOf } from './responses';

const documentId = (what: string) =>
  z
    .string({
      required_error: `${what} is required`,
      invalid_type_error: `${what} is a documentId`,
    })
    .min(1);

const records = {
  survivor: documentId('survivor: the documentId of the record that stays'),
  merged: z
    .array(documentId('each merged record'), {
      required_error: 'merged is required: the documentIds of the records merged into the survivor',
    })
    .min(1, 'merged lists at least one documentId')
    .max(MERGE_MAX_RECORDS - 1, `a merge takes at most ${MERGE_MAX_RECORDS - 1} merged records`),
  fields: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a field name'),
      documentId('the record to take the field from')
    )
    .optional()
    .describe('per field, the documentId of the record (survivor or merged) to take it from'),
};

const pointList = z.array(documentId('a contact point')).optional();

/** `POST /customers/merge`. */
export const customerMergeBody = z
  .object({
    data: z
      .object({
        ...records,
        keep: z
          .object({ address: pointList, phone: pointList, email: pointList })
          .strict()
          .optional()
          .describe(
            'per kind, the documentIds of the contact points to keep when the pool is over the limits'
          ),
      })
      .strict(),
    dryRun: z.boolean().optional(),
  })
  .strict();

/** `POST /contacts/merge`: contacts have no contact points, so nothing to keep. */
export const contactMergeBody = z
  .object({ data: z.object(records).strict(), dryRun: z.boolean().optional() })
  .strict();

const timestamp = z.string().describe('ISO 8601 date and time');

/** A merge as its routes answer it (the undo's snapshot stays on the server). */
export const mergeSchema = z.object({
  documentId: z.string(),
  object: z.enum(['customers', 'contacts']),
  survivor: z.string(),
  merged: z.array(z.string()),
  fields: z.record(z.string(), z.string()),
  moved: z.record(z.string(), z.number().int()),
  actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  mergedAt: timestamp,
  undoneAt: timestamp.nullable(),
  undoneBy: z.string().nullable(),
});

const mergeMeta = z.object({
  /** The merge's documentId (for its undo); absent on a dry run. */
  merge: z.string().optional(),
  dryRun: z.boolean().optional(),
  moved: z.record(z.string(), z.number().int()),
});

export const customerMergeResponse = envelope(recordOf('Customer'), mergeMeta);
export const contactMergeResponse = envelope(recordOf('Contact'), mergeMeta);
export const mergeUndoResponse = envelope(mergeSchema, z.object({ restored: z.array(z.string()) }));
