import { z } from 'zod';

import { IMPORT_DECISION_ACTIONS, IMPORT_ROW_STATUSES } from '../../../contracts';
import { IMPORT_OBJECTS } from '../domain';
import { errors } from '../utils/strapi-utils';
import { pageParams, parseBody } from './parse';

/** The form fields of `POST /imports` beside the file. */
export const uploadBody = z.object({
  object: z.enum(IMPORT_OBJECTS, {
    errorMap: () => ({ message: 'object is contacts or customers' }),
  }),
});

interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** The form of `POST /imports`: its `object` field and its one file part named `file`. */
export const readUpload = (request: {
  body?: unknown;
}): { object: z.output<typeof uploadBody>['object']; upload: UploadedFile } => {
  const files = (request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  const uploads =
    files.file === undefined ? [] : Array.isArray(files.file) ? files.file : [files.file];
  const { object } = parseBody(uploadBody, request.body);
  if (uploads.length === 0)
    throw new errors.ValidationError('file is required: a CSV file sent as multipart form data');
  // The parser lists the parts as they finish, so which of several would be imported is chance.
  if (uploads.length > 1)
    throw new errors.ValidationError(
      `one file per import: the request has ${uploads.length} parts named file`
    );
  return { object, upload: uploads[0] };
};

/** `PUT /imports/:id/mapping`: CSV column → field (null: ignored). */
export const mappingBody = z.object({ mapping: z.record(z.string(), z.string().nullable()) });

/** `PUT /imports/:id/reference-data`: what to do with each unmatched company. */
export const decisionsBody = z.object({
  decisions: z
    .array(
      z.object({
        key: z.string(),
        action: z.enum(IMPORT_DECISION_ACTIONS),
        customer: z.string().optional(),
      })
    )
    .default([]),
  applyToAll: z.enum(['create', 'skip']).optional(),
});

export const ROW_STATUSES = IMPORT_ROW_STATUSES;

/** `GET /imports/:id/log?status=invalid,ignored,failed&page=&pageSize=`. */
export const logQuery = z.object({
  status: z
    .string()
    .default('invalid,ignored,failed')
    .describe(`a comma-separated list of ${ROW_STATUSES.join(', ')}`)
    .transform((value) =>
      value
        .split(',')
        .map((status) => status.trim())
        .filter(Boolean)
    )
    .pipe(
      z
        .array(
          z.enum(ROW_STATUSES, {
            errorMap: () => ({ message: `status is one or more of ${ROW_STATUSES.join(', ')}` }),
          })
        )
        .min(1)
    ),
  ...pageParams(500, 50),
});
