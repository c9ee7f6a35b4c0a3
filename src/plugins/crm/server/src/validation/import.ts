import { z } from 'zod';

import {
  DATE_ORDERS,
  IMPORT_DECISION_ACTIONS,
  IMPORT_EMPTY_CELLS,
  IMPORT_MODES,
  IMPORT_ROW_OUTCOMES,
  IMPORT_ROW_STATUSES,
  IMPORT_WITHIN_FILE,
} from '../../../contracts';
import { IMPORT_OBJECTS, isSupportedCountry } from '../domain';
import { errors } from '../utils/strapi-utils';
import { pageParams, parseBody } from './parse';

/** The form fields of `POST /imports` beside the file. */
export const uploadBody = z.object({
  object: z.enum(IMPORT_OBJECTS, {
    errorMap: () => ({ message: 'object is contacts or customers' }),
  }),
  /** The file's text encoding as a WHATWG label (utf-8, utf-16le, windows-1252…); told from the file when absent. */
  encoding: z
    .string({ invalid_type_error: 'encoding is a label such as utf-8 or windows-1252' })
    .trim()
    .min(1, 'encoding is a label such as utf-8 or windows-1252')
    .max(40, 'encoding is a label such as utf-8 or windows-1252')
    .optional(),
  /** The worksheet of a workbook: its name or 1-based position; the first when absent. */
  sheet: z
    .string({ invalid_type_error: 'sheet is a sheet name or a position such as 1' })
    .trim()
    .min(1, 'sheet is a sheet name or a position such as 1')
    .max(100, 'sheet is a sheet name or a position such as 1')
    .optional(),
  /** The country national phone numbers are read in (ISO 3166 code); the plugin's when absent. */
  defaultCountry: z
    .string({ invalid_type_error: 'defaultCountry is a country code such as US' })
    .trim()
    .toUpperCase()
    .refine(isSupportedCountry, {
      message: 'defaultCountry is a country code such as US, FR or DE',
    })
    .optional(),
});

interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** The form of `POST /imports`: its `object` field and its one file part named `file`. */
export const readUpload = (request: {
  body?: unknown;
}): z.output<typeof uploadBody> & { upload: UploadedFile } => {
  const files = (request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
  const uploads =
    files.file === undefined ? [] : Array.isArray(files.file) ? files.file : [files.file];
  const fields = parseBody(uploadBody, request.body);
  if (uploads.length === 0)
    throw new errors.ValidationError('file is required: a CSV file sent as multipart form data');
  // The parser lists the parts as they finish, so which of several would be imported is chance.
  if (uploads.length > 1)
    throw new errors.ValidationError(
      `one file per import: the request has ${uploads.length} parts named file`
    );
  return { ...fields, upload: uploads[0] };
};

/**
 * `PUT /imports/:id/mapping`: column → field (null: ignored), and the order of date columns
 * (`DMY`, `MDY` or `YMD`, by header), which settles an ambiguous one.
 */
export const mappingBody = z.object({
  mapping: z.record(z.string(), z.string().nullable()).default({}),
  dateFormats: z
    .record(
      z.string(),
      z.enum(DATE_ORDERS, {
        errorMap: () => ({ message: `a date order is one of ${DATE_ORDERS.join(', ')}` }),
      })
    )
    .optional(),
});

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

/**
 * `PUT /imports/:id/mode`: how rows that are records the CRM has are treated; each setting
 * optional (the others keep their value). Which keys may be used is checked against the job.
 */
export const modeBody = z
  .object({
    mode: z
      .enum(IMPORT_MODES, {
        errorMap: () => ({ message: `mode is one of ${IMPORT_MODES.join(', ')}` }),
      })
      .optional(),
    matchBy: z
      .array(z.string({ invalid_type_error: 'matchBy is a list of keys such as ["email"]' }), {
        invalid_type_error: 'matchBy is a list of keys such as ["email"]',
      })
      .optional(),
    withinFile: z
      .enum(IMPORT_WITHIN_FILE, {
        errorMap: () => ({ message: `withinFile is one of ${IMPORT_WITHIN_FILE.join(', ')}` }),
      })
      .optional(),
    emptyCells: z
      .enum(IMPORT_EMPTY_CELLS, {
        errorMap: () => ({ message: `emptyCells is one of ${IMPORT_EMPTY_CELLS.join(', ')}` }),
      })
      .optional(),
    fuzzy: z.boolean({ invalid_type_error: 'fuzzy is true or false' }).optional(),
  })
  .strict();

/** What the log can be filtered by: a row's status, or an imported row's outcome. */
export const ROW_STATUSES = [...IMPORT_ROW_STATUSES, ...IMPORT_ROW_OUTCOMES] as const;

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
