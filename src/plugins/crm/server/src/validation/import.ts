import { z } from 'zod';

import { IMPORT_OBJECTS } from '../domain';
import { pageParams } from './parse';

/** The form fields of `POST /imports` beside the file. */
export const uploadBody = z.object({ object: z.enum(IMPORT_OBJECTS, { errorMap: () => ({ message: 'object is contacts or customers' }) }) });

/** `PUT /imports/:id/mapping`: CSV column → field (null: ignored). */
export const mappingBody = z.object({ mapping: z.record(z.string(), z.string().nullable()) });

/** `PUT /imports/:id/reference-data`: what to do with each unmatched company. */
export const decisionsBody = z.object({
  decisions: z
    .array(z.object({ key: z.string(), action: z.enum(['create', 'link', 'skip']), customer: z.string().optional() }))
    .default([]),
  applyToAll: z.enum(['create', 'skip']).optional(),
});

export const ROW_STATUSES = ['valid', 'invalid', 'imported', 'ignored', 'failed'] as const;

/** `GET /imports/:id/log?status=invalid,ignored,failed&page=&pageSize=`. */
export const logQuery = z.object({
  status: z
    .string()
    .default('invalid,ignored,failed')
    .describe(`a comma-separated list of ${ROW_STATUSES.join(', ')}`)
    .transform((value) => value.split(',').map((status) => status.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ROW_STATUSES, { errorMap: () => ({ message: `status is one or more of ${ROW_STATUSES.join(', ')}` }) })).min(1)),
  ...pageParams(500, 50),
});
