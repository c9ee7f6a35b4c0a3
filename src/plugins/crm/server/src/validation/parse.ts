import { z } from 'zod';

import { MAX_PAGE, pageNumber, wholeNumber } from '../domain';
import { zodValidationError, type IssueName } from '../utils/errors';
import { errors } from '../utils/strapi-utils';
import { describedAs } from './json-schema';

/**
 * Parses a request body or query with zod; a mismatch is a 400 naming each field, as `nameOf` spells
 * it (its path, dotted, by default).
 */
export const parseBody = <Schema extends z.ZodTypeAny>(
  schema: Schema,
  input: unknown,
  nameOf?: IssueName
): z.output<Schema> => {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw zodValidationError(parsed.error, nameOf);
};

/** A query-string number from `min` to `max`: described as an integer, parsed by the domain from any value. */
const queryNumber = <Schema extends z.ZodTypeAny>(
  min: number,
  max: number,
  schema: Schema
): Schema => describedAs(schema, { type: 'integer', minimum: min, maximum: max });

/** `page` and `pageSize` of the routes that page by themselves: a page number, and up to `maxPageSize`. */
export const pageParams = (maxPageSize: number, defaultPageSize: number) => ({
  page: queryNumber(1, MAX_PAGE, pageNumber).default(1),
  pageSize: queryNumber(1, maxPageSize, wholeNumber(1, maxPageSize)).default(defaultPageSize),
});

/** A whole number of the query string from `min` to `max`. */
export const queryWholeNumber = (min: number, max: number) =>
  queryNumber(min, max, wholeNumber(min, max));

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
