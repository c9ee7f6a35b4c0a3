// Only the public names of errors.ts: its field readers are shared plumbing for the validators here.
export { DomainValidationError, assertNoIssues } from './errors';
export type { RuleIssue } from './errors';
export * from './countries';
export * from './customer';
export * from './contact-points';
export * from './address';
export * from './phone';
export * from './email';
export * from './ssn';
export * from './external-id';
export * from './connection';
export * from './relationship';
export * from './contact';
export * from './marketing';
export * from './import';
export * from './search-text';
export * from './query-bounds';
