import { z } from 'zod';

import { HISTORY_ACTIONS, HISTORY_ACTOR_TYPES } from '../../../contracts';
import { historyDateBound } from '../domain/history/query';
import { errors } from '../utils/strapi-utils';
import { describedAs } from './json-schema';
import { pageParams, parseBody } from './parse';
import { envelope, pagination } from './responses';

/** A date bound of the query (`from`, `to`): see `historyDateBound`. */
const dateBound = (bound: 'from' | 'to') =>
  describedAs(
    z.unknown().transform((value, ctx) => {
      const date = typeof value === 'string' ? historyDateBound(value, bound) : null;
      if (!date) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'must be an ISO date (2026-03-01) or date and time (2026-03-01T10:30:00Z)',
        });
        return z.NEVER;
      }
      return date;
    }),
    {
      type: 'string',
      description:
        bound === 'from'
          ? 'entries at or after this ISO date or date and time'
          : 'entries at or before this ISO date (the whole day) or date and time',
    }
  );

/**
 * `GET /customers/:id/history` and `GET /contacts/:id/history`: a page (`page`, `pageSize` or
 * Strapi's `pagination[…]`), entries that changed `field`, written by `actor` (its id or
 * documentId), between `from` and `to`.
 */
export const historyQuery = z.object({
  ...pageParams(100, 25),
  pagination: z.object(pageParams(100, 25)).partial().optional(),
  field: z
    .string({ invalid_type_error: 'must be a field name such as lastName' })
    .regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'must be a field name such as lastName')
    .optional(),
  actor: z
    .string({ invalid_type_error: "must be the actor's id or documentId" })
    .min(1, "must be the actor's id or documentId")
    .max(255, "must be the actor's id or documentId")
    .optional(),
  from: dateBound('from').optional(),
  to: dateBound('to').optional(),
});

export interface HistoryListQuery {
  page: number;
  pageSize: number;
  field?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

/** The query of a history read; a 400 naming each wrong parameter. */
export const readHistoryQuery = (query: Record<string, unknown>): HistoryListQuery => {
  const strapiPagination = query.pagination as Record<string, unknown> | undefined;
  const given = (name: string) =>
    (name === 'page' || name === 'pageSize') &&
    strapiPagination !== null &&
    typeof strapiPagination === 'object' &&
    strapiPagination[name] !== undefined;
  const { pagination: _pagination, ...parsed } = parseBody(
    historyQuery,
    {
      ...query,
      page: given('page') ? strapiPagination!.page : query.page,
      pageSize: given('pageSize') ? strapiPagination!.pageSize : query.pageSize,
      pagination: undefined,
    },
    ([name]) => (given(String(name)) ? `pagination[${String(name)}]` : String(name))
  );
  if (parsed.from && parsed.to && parsed.from > parsed.to)
    throw new errors.ValidationError('from: must not be after to', {
      errors: [{ path: ['from'], message: 'from: must not be after to', name: 'ValidationError' }],
    });
  return parsed;
};

const relationSchema = z.object({ documentId: z.string(), label: z.string().nullable() });
const valueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  relationSchema,
  z.array(relationSchema),
]);
const actorRefSchema = z.object({
  type: z.enum(HISTORY_ACTOR_TYPES),
  id: z.string().nullable(),
  name: z.string().nullable(),
});

/** One entry of a record's history (`HistoryEntry`). */
export const historyEntrySchema = z.object({
  documentId: z.string(),
  at: z.string(),
  action: z.enum(HISTORY_ACTIONS),
  record: z.object({ uid: z.string(), documentId: z.string(), label: z.string().nullable() }),
  actor: actorRefSchema.extend({ onBehalfOf: actorRefSchema.optional() }),
  origin: z.string().optional(),
  changes: z.array(z.object({ field: z.string(), before: valueSchema, after: valueSchema })),
});

export const historyListResponse = envelope(z.array(historyEntrySchema), z.object({ pagination }));

/**
 * A revert answers the entry it wrote (null if the revert changed nothing) and which entry it
 * reverted and which record it wrote (a re-created record has a new documentId).
 */
export const historyRevertResponse = envelope(
  historyEntrySchema.nullable(),
  z.object({
    reverted: z.string(),
    record: z.object({ uid: z.string(), documentId: z.string() }),
  })
);
