import { errors } from './strapi-utils';
import type { Context } from 'koa';

import { DomainValidationError, type RuleIssue } from '../domain';

const toDetails = (issues: RuleIssue[]) => ({
  errors: issues.map((issue) => ({
    path: issue.path,
    message: issue.message,
    name: 'ValidationError',
    rule: issue.rule,
  })),
});

/** A broken rule of the domain becomes Strapi's ValidationError: a 400 naming the rule. */
export const toStrapiError = (error: unknown): unknown => {
  if (error instanceof DomainValidationError) {
    return new errors.ValidationError(error.message, toDetails(error.issues));
  }
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
    const label = prefix.map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part)).join('');
    const nested = (details.errors ?? []).map((item) => ({ ...item, path: [...prefix, ...(item.path ?? [])] }));
    return new errors.ValidationError(`${label}: ${error.message}`, { ...details, errors: nested });
  }
  return error;
};

export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

/** The request clashes with the record's state: a contact converted twice, an email already taken. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export const conflict = (message: string) => new ConflictError(message);

/**
 * Runs a controller's use case and answers `{ data, meta }` with `status`: a broken rule becomes
 * Strapi's 400, a conflict its 409 (`ctx.conflict`), in Strapi's error shape.
 */
export const respond = async (
  ctx: Context,
  status: number,
  work: () => Promise<unknown>
): Promise<void> => {
  try {
    const data = await work();
    ctx.status = status;
    ctx.body = { data, meta: {} };
  } catch (error) {
    // Strapi adds an error method per HTTP status to Koa's context.
    if (error instanceof ConflictError) return (ctx as Context & { conflict(message: string): void }).conflict(error.message);
    throw toStrapiError(error);
  }
};
