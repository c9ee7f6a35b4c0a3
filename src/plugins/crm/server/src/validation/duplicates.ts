import { z } from 'zod';

import { pageParams } from './parse';

/** `POST …/duplicate-check`: a record as it would be created (nested contact points included). */
export const duplicateCheckBody = z.object({
  data: z.record(z.string(), z.unknown(), {
    invalid_type_error: 'data is the record as it would be created (an object)',
    required_error: 'data is the record as it would be created (an object)',
  }),
});

/** `POST /duplicate-scans`: which records to scan. */
export const scanBody = z.object({
  object: z.enum(['customers', 'contacts'], {
    errorMap: () => ({ message: 'object is customers or contacts' }),
  }),
});

/** `GET /duplicate-scans/:id?page=&pageSize=`: a page of the clusters. */
export const scanQuery = z.object({ ...pageParams(100, 20) });
