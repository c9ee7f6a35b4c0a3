import { DomainValidationError, type RuleIssue, readTrimmedString } from './errors';

/**
 * A record's id in the system it came from (Salesforce's Contact ID, HubSpot's Record ID, a
 * spreadsheet's id column): free text as that system writes it, unique per record type when set,
 * so that an import can find the record again.
 */
export const EXTERNAL_ID_MAX_LENGTH = 100;

/** The external id as stored: trimmed, null when blank; too long is an issue on `externalId`. */
export function readExternalId(
  record: Record<string, unknown>,
  issues: RuleIssue[]
): string | null {
  return readTrimmedString(record, 'externalId', issues, EXTERNAL_ID_MAX_LENGTH);
}

/** The rule broken when another record of the type already has the external id. */
export function externalIdTaken(
  externalId: string,
  kind: 'contact' | 'customer',
  ownerDocumentId: string
): DomainValidationError {
  return new DomainValidationError({
    path: ['externalId'],
    rule: 'externalId.unique',
    message: `externalId "${externalId}" is already the id of ${kind} ${ownerDocumentId}`,
  });
}
