import { errors } from '@strapi/utils';

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
