import { isFetchError } from '@strapi/strapi/admin';

/** What a refused request said, in Strapi's error shape: its message and each field's message by path. */
export interface ServerError {
  status?: number;
  message: string;
  /** Keyed by the error's `details.errors[].path` joined with dots, e.g. `lastName`, `phones.1.number`. */
  fieldErrors: Record<string, string>;
}

interface DetailedError {
  path?: (string | number)[];
  message?: string;
}

export const pathKey = (path: readonly (string | number)[]) => path.join('.');

/** Reads `{ error: { status, message, details: { errors } } }` from a failed fetch (or any thrown value). */
export const readServerError = (error: unknown): ServerError => {
  if (isFetchError(error)) {
    const body = error.response?.data?.error as { status?: number; message?: string; details?: { errors?: DetailedError[] } } | undefined;
    const fieldErrors: Record<string, string> = {};
    for (const item of body?.details?.errors ?? []) {
      if (!item.path?.length || !item.message) continue;
      const key = pathKey(item.path);
      // The server prefixes nested messages with their position; the field shows only the rule.
      fieldErrors[key] ??= item.message.replace(/^[\w.[\]]+: /, '');
    }
    return { status: body?.status ?? error.status, message: body?.message || error.message, fieldErrors };
  }
  return { message: error instanceof Error ? error.message : String(error), fieldErrors: {} };
};
