import { isFetchError } from '@strapi/strapi/admin';

import { pathKey } from './paths';

export { pathKey };

interface DetailedError {
  path?: (string | number)[];
  message?: string;
}

/** The HTTP status of a failed request, when it reached the server. */
export const statusOf = (error: unknown): number | undefined =>
  isFetchError(error) ? (error.response?.data?.error?.status ?? error.status) : undefined;

/**
 * Each field's message of a refused request (Strapi's `error.details.errors`), keyed by its path
 * joined with dots (`lastName`, `phones.1.number`), so a form shows it beside the field it names.
 */
export const fieldErrorsOf = (error: unknown): Record<string, string> => {
  const fields: Record<string, string> = {};
  if (!isFetchError(error)) return fields;
  const details = error.response?.data?.error?.details as { errors?: DetailedError[] } | undefined;
  for (const item of details?.errors ?? []) {
    if (!item.path?.length || !item.message) continue;
    // The server prefixes nested messages with their position; the field shows only the rule.
    fields[pathKey(item.path)] ??= item.message.replace(/^[\w.[\]]+: /, '');
  }
  return fields;
};

/** The `error.details` of a refused request (what the server says beside its message), if any. */
export const detailsOf = <T extends object>(error: unknown): Partial<T> =>
  (isFetchError(error) ? (error.response?.data?.error?.details as Partial<T> | undefined) : {}) ??
  {};
