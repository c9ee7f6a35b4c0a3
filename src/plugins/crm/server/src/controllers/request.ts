import { errors } from '../utils/strapi-utils';
import { z } from 'zod';

import { pageNumber, wholeNumber } from '../domain';

/**
 * Parses a request body or query with zod; a mismatch is a 400 naming each field, as `nameOf` spells
 * it (its path, dotted, by default).
 */
export const parseBody = <Schema extends z.ZodTypeAny>(
  schema: Schema,
  input: unknown,
  nameOf: (path: (string | number)[]) => string = (path) => path.join('.')
): z.output<Schema> => {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path,
    message: issue.path.length ? `${nameOf(issue.path)}: ${issue.message}` : issue.message,
    name: 'ValidationError',
  }));
  throw new errors.ValidationError(issues.map((issue) => issue.message).join('; '), { errors: issues });
};

/** `page` and `pageSize` of the routes that page by themselves: a page number, and up to `maxPageSize`. */
export const pageParams = (maxPageSize: number, defaultPageSize: number) => ({
  page: pageNumber.default(1),
  pageSize: wholeNumber(1, maxPageSize).default(defaultPageSize),
});

/**
 * The record of a create or update: `data` must be an object of fields. Strapi's core controllers
 * would take a list for several records and validate it element by element, recursing once per
 * level of nesting (a list nested a few thousand deep overflows the stack).
 */
export const requireData = (body: unknown): Record<string, unknown> => {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new errors.ValidationError('Missing "data" payload in the request body');
  }
  return data as Record<string, unknown>;
};

/** `?q=&page=&pageSize=` of the quick search, for the content API and the admin panel alike. */
export const searchQuery = z.object({
  q: z.string({ required_error: 'q is required' }).trim().min(1, 'q is required').max(200),
  ...pageParams(100, 25),
});
