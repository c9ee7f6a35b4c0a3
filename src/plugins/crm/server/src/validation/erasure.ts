import { z } from 'zod';

import { envelope, pagination } from './responses';

/** What an erasure answers: which records it erased and what it removed, never the values. */
export const erasureOutcomeSchema = z.object({
  record: z.object({ kind: z.enum(['customer', 'contact']), documentId: z.string() }),
  alreadyErased: z.boolean(),
  erased: z.object({ customers: z.array(z.string()), contacts: z.array(z.string()) }),
  contactPointsDeleted: z.number().int(),
  listed: z.number().int(),
});

export const erasureResponse = envelope(
  erasureOutcomeSchema,
  z.object({ alreadyErased: z.boolean() })
);

/** An erasure list entry: its kind and date; the list holds no values to show. */
export const erasureListEntrySchema = z.object({
  id: z.number().int(),
  documentId: z.string(),
  kind: z.enum(['email', 'phone']),
  erasedAt: z.string(),
  recordDocumentId: z.string().nullable(),
});

export const erasureListResponse = envelope(
  z.array(erasureListEntrySchema),
  z.object({ pagination })
);

export const erasureListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
