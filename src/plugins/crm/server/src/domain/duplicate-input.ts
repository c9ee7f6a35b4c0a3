/**
 * A record as a form would create it, read for the duplicate matcher: what can be read is taken
 * (a phone in E.164, an e-mail in lower case, an SSN as its keyed hash), what cannot is left out,
 * as a form being filled in is rarely valid yet.
 */
import type { MatchRecord } from './duplicates/types';
import { normalizeEmailAddress } from './email';
import { normalizePhoneNumber } from './phone';
import { normalizeSsn } from './ssn';

export interface DuplicateInputOptions {
  defaultCountry: string;
  /** The keyed hash of an SSN's digits. */
  hashSsn: (digits: string) => string;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

const items = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter(
        (item): item is Record<string, unknown> =>
          typeof item === 'object' && item !== null && !Array.isArray(item)
      )
    : [];

const attempt = <T>(work: () => T): T | null => {
  try {
    return work();
  } catch {
    return null;
  }
};

const emailOf = (value: unknown) => {
  const raw = text(value);
  return raw === null ? null : attempt(() => normalizeEmailAddress(raw));
};

const phoneOf = (value: unknown, country: string) => {
  const raw = text(value);
  return raw === null ? null : attempt(() => normalizePhoneNumber(raw, country));
};

const present = <T>(values: (T | null)[]): T[] =>
  values.filter((value): value is T => value !== null);

/** A customer's data (nested contact points included) as the matcher reads it. */
export function customerMatchInput(
  data: Record<string, unknown>,
  options: DuplicateInputOptions
): MatchRecord {
  const ssn = text(data.ssn);
  const digits = ssn === null ? null : attempt(() => normalizeSsn(ssn));
  return {
    type: data.type === 'business' ? 'business' : 'individual',
    firstName: text(data.firstName),
    middleName: text(data.middleName),
    lastName: text(data.lastName),
    businessName: text(data.businessName),
    dateOfBirth: text(data.dateOfBirth),
    externalId: text(data.externalId),
    ssnHash: digits === null ? null : options.hashSsn(digits),
    emails: present(items(data.emails).map((email) => emailOf(email.address))),
    phones: present(
      items(data.phones).map((phone) => phoneOf(phone.number, options.defaultCountry))
    ),
    addresses: items(data.addresses).map((address) => ({
      line1: text(address.line1),
      city: text(address.city),
      postalCode: text(address.postalCode),
      country: text(address.country)?.toUpperCase() ?? null,
    })),
  };
}

/** A contact's data as the matcher reads it; `company` is its company's name, when known. */
export function contactMatchInput(
  data: Record<string, unknown>,
  options: Pick<DuplicateInputOptions, 'defaultCountry'>,
  company: string | null = null
): MatchRecord {
  return {
    type: 'contact',
    firstName: text(data.firstName),
    middleName: text(data.middleName),
    lastName: text(data.lastName),
    dateOfBirth: text(data.birthday),
    externalId: text(data.externalId),
    emails: present([emailOf(data.email), emailOf(data.email2)]),
    phones: present(
      [data.mobilePhone, data.mobilePhone2, data.workPhone].map((phone) =>
        phoneOf(phone, options.defaultCountry)
      )
    ),
    addresses: [],
    company,
  };
}

/** A judged import row as the matcher reads it (its SSN by the hash judged with it). */
export function importedMatchRecord(
  object: 'contacts' | 'customers',
  row: object,
  options: Pick<DuplicateInputOptions, 'defaultCountry'>
): MatchRecord {
  const judged = row as {
    contact?: Record<string, unknown>;
    company?: string | null;
    customer?: Record<string, unknown>;
    emails?: unknown;
    phones?: unknown;
    addresses?: unknown;
  };
  if (object === 'contacts')
    return contactMatchInput(judged.contact ?? {}, options, judged.company ?? null);
  const { ssn: _mask, ...customer } = judged.customer ?? {};
  return {
    ...customerMatchInput(
      { ...customer, emails: judged.emails, phones: judged.phones, addresses: judged.addresses },
      { ...options, hashSsn: () => '' }
    ),
    ssnHash: typeof customer.ssnHash === 'string' ? customer.ssnHash : null,
  };
}
