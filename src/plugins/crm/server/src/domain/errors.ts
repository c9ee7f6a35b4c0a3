export interface RuleIssue {
  path: (string | number)[];
  message: string;
  rule: string;
}

function copyIssue(issue: RuleIssue): RuleIssue {
  return { path: [...issue.path], message: issue.message, rule: issue.rule };
}

/** The one error type the domain throws for bad input; carries every issue found, not just the first. */
export class DomainValidationError extends Error {
  readonly issues: RuleIssue[];

  constructor(issues: RuleIssue[] | RuleIssue) {
    // Copied so that later mutation of the caller's array cannot change an error already thrown.
    const ownIssues = Array.isArray(issues) ? issues.map(copyIssue) : [copyIssue(issues)];
    super(ownIssues.map((issue) => issue.message).join('; '));
    this.name = 'DomainValidationError';
    this.issues = ownIssues;
  }

  /** Same issues with `prefix` prepended to every path (used for nested items, e.g. ['phones', 1]). */
  withPathPrefix(prefix: (string | number)[]): DomainValidationError {
    return new DomainValidationError(
      this.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }))
    );
  }
}

/** Throws DomainValidationError when non-empty. */
export function assertNoIssues(issues: RuleIssue[]): void {
  if (issues.length > 0) {
    throw new DomainValidationError(issues);
  }
}

// ---------------------------------------------------------------------------
// Shared field readers for the validators in this folder. They are internal:
// index.ts re-exports only the public names above.
// ---------------------------------------------------------------------------

/** @internal */
export function fieldIssue(field: string, rule: string, message: string): RuleIssue {
  return { path: [field], rule, message };
}

/** @internal True when an issue was already recorded for `field`, so "required" is not reported on top of "wrong type". */
export function hasIssueFor(issues: readonly RuleIssue[], field: string): boolean {
  return issues.some((issue) => issue.path.length === 1 && issue.path[0] === field);
}

/** @internal Refuses anything that is not a plain record, because every validator reads fields by name. */
export function ensureRecord(input: unknown, what: string): Record<string, unknown> {
  if (
    input === null ||
    typeof input !== 'object' ||
    Array.isArray(input) ||
    input instanceof Date
  ) {
    throw new DomainValidationError({
      path: [],
      rule: 'field.type',
      message: `${what} must be an object`,
    });
  }
  return input as Record<string, unknown>;
}

/** @internal Characters counted in code points, not UTF-16 units, as databases count them. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/**
 * @internal Reads an optional text field: trimmed, '' / null / undefined -> null.
 * A non-string records a 'field.type' issue and yields null.
 */
export function readTrimmedString(
  input: Record<string, unknown>,
  field: string,
  issues: RuleIssue[],
  maxLength?: number
): string | null {
  const raw = input[field];
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') {
    issues.push(fieldIssue(field, 'field.type', `${field} must be a string`));
    return null;
  }
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (maxLength !== undefined && characterCount(trimmed) > maxLength) {
    issues.push(
      fieldIssue(field, 'field.maxLength', `${field} must be at most ${maxLength} characters`)
    );
  }
  return trimmed;
}

/** @internal Reads a privacy-style flag: missing -> false; only real booleans are accepted. */
export function readBooleanFlag(
  input: Record<string, unknown>,
  field: string,
  issues: RuleIssue[]
): boolean {
  const raw = input[field];
  if (raw === undefined || raw === null) return false;
  if (typeof raw !== 'boolean') {
    issues.push(fieldIssue(field, 'field.type', `${field} must be true or false`));
    return false;
  }
  return raw;
}

/** @internal Reads an enum field: missing or blank -> `fallback`; anything outside `allowed` is an issue. */
export function readEnumValue<T extends string, F extends T | null>(
  input: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  issues: RuleIssue[],
  fallback: F
): T | F {
  const text = readTrimmedString(input, field, issues);
  if (text === null) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    issues.push(fieldIssue(field, 'field.enum', `${field} must be one of: ${allowed.join(', ')}`));
    return fallback;
  }
  return text as T;
}
