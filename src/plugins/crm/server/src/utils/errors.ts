import type { Context } from 'koa';
import { ZodError } from 'zod';

import { DomainValidationError, type RuleIssue } from '../domain';
import { errors } from './strapi-utils';

const toDetails = (issues: RuleIssue[]) => ({
  errors: issues.map((issue) => ({
    path: issue.path,
    message: issue.message,
    name: 'ValidationError',
    rule: issue.rule,
  })),
});

/** How a field is named in a message: its path, dotted, unless the parser spells it otherwise. */
export type IssueName = (path: (string | number)[]) => string;

/** A request that does not match its zod schema: a 400 naming each field. */
export const zodValidationError = (
  error: ZodError,
  nameOf: IssueName = (path) => path.join('.')
) => {
  const issues = error.issues.map((issue) => ({
    path: issue.path,
    message: issue.path.length ? `${nameOf(issue.path)}: ${issue.message}` : issue.message,
    name: 'ValidationError',
  }));
  return new errors.ValidationError(issues.map((issue) => issue.message).join('; '), {
    errors: issues,
  });
};

/** A broken rule of the domain, or a request refused by its zod schema, becomes Strapi's ValidationError: a 400. */
export const toStrapiError = (error: unknown): unknown => {
  if (error instanceof DomainValidationError) {
    return new errors.ValidationError(error.message, toDetails(error.issues));
  }
  if (error instanceof ZodError) return zodValidationError(error);
  return error;
};

/** Runs `work`, translating domain errors on the way out. */
export const translatingDomainErrors = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw toStrapiError(error);
  }
};

/** Re-throws a rule error raised for a nested item with the item's position in front of its paths. */
export const prefixValidationError = (error: unknown, prefix: (string | number)[]): unknown => {
  if (error instanceof DomainValidationError) return error.withPathPrefix(prefix);
  if (error instanceof errors.ValidationError) {
    const details = (error.details ?? {}) as { errors?: { path?: (string | number)[] }[] };
    const label = prefix
      .map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part))
      .join('');
    const nested = (details.errors ?? []).map((item) => ({
      ...item,
      path: [...prefix, ...(item.path ?? [])],
    }));
    return new errors.ValidationError(`${label}: ${error.message}`, { ...details, errors: nested });
  }
  return error;
};

export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

/** The request clashes with the record's state: a contact converted twice, an email already taken. */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** What the client needs to settle it (the records it clashes with), as `error.details`. */
    readonly details?: Record<string, unknown>
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new ConflictError(message, details);

/**
 * The error boundary of every CRM route's action: a broken rule or a refused request becomes
 * Strapi's 400, a conflict its 409, both in Strapi's error shape; Strapi's own errors (not found,
 * forbidden, …) pass through to its error middleware, which shapes them the same way.
 */
export const withErrorBoundary = async (
  ctx: Context,
  next: () => Promise<unknown>
): Promise<unknown> => {
  try {
    return await next();
  } catch (error) {
    // Strapi adds an error method per HTTP status to Koa's context; it answers `{ data: null, error }`.
    if (error instanceof ConflictError)
      return (ctx as Context & { conflict(message: string, details?: object): void }).conflict(
        error.message,
        error.details
      );
    throw toStrapiError(error);
  }
};

/** Answers `{ data, meta }` with `status`. */
export const respond = async (
  ctx: Context,
  status: number,
  work: () => Promise<unknown>
): Promise<void> => {
  const data = await work();
  ctx.status = status;
  ctx.body = { data, meta: {} };
};
