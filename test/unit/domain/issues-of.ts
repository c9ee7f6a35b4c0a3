import { DomainValidationError, type RuleIssue } from '../../../src/plugins/crm/server/src/domain';

/** The issues a domain function refused with; fails when it did not refuse. */
export function issuesOf(action: () => unknown): RuleIssue[] {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a DomainValidationError');
}
