import { validateAddress, type AddressFields } from '../address';
import { type ContactFields, validateContact } from '../contact';
import { checkContactPointSet, type ContactPointLimits } from '../contact-points';
import {
  type CustomerFields,
  formatCustomerNumber,
  parseCustomerNumber,
  validateCustomer,
} from '../customer';
import { validateEmail } from '../email';
import { DomainValidationError, type RuleIssue } from '../errors';
import { validatePhone } from '../phone';
import { foldSearchText } from '../search-text';
import { isMaskedSsn, maskSsn, normalizeSsn } from '../ssn';
import { countryCodeOf } from './country-names';
import type { ImportObject } from './fields';

/** A problem with one row, as the import log lists it. */
export interface RowIssue {
  line: number;
  field: string;
  reason: string;
}

const BOOLEAN_FIELDS = new Set([
  'doNotEmail',
  'doNotCall',
  'active',
  'noEmail',
  'noMail',
  'noPhoneCalls',
]);
/** Yes and no as spreadsheets and the exports write them, in the import's seven languages. */
const TRUE = new Set([
  'true',
  'yes',
  'y',
  '1',
  'x',
  'on',
  'oui',
  'vrai',
  'ja',
  'wahr',
  'si',
  'verdadero',
  'vero',
  'sim',
  'verdadeiro',
  'waar',
]);
const FALSE = new Set([
  'false',
  'no',
  'n',
  '0',
  'off',
  'non',
  'faux',
  'nein',
  'falsch',
  'falso',
  'nao',
  'nee',
  'onwaar',
]);

/** Spreadsheet spellings of yes and no; anything else is left for the validator to refuse. */
export function parseBooleanCell(value: string): boolean | string | undefined {
  const text = foldSearchText(value);
  if (text === '') return undefined;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return value;
}

/** The fields that hold a country: exports write its name, the rules want its code. */
const COUNTRY_FIELDS = new Set(['country', 'workCountry', 'mailingCountry']);

/** How address books write a gender; "Unspecified" (Outlook) says none. */
const GENDER_SPELLINGS: Record<string, string | undefined> = {
  unspecified: undefined,
  unknown: undefined,
  m: 'male',
  f: 'female',
};

/**
 * One cell as the value of its field: yes/no for flags, a country's code for its name, a gender
 * by its spellings, blanks as undefined, anything else as written (for the validator to judge).
 */
export function readImportCell(field: string, raw: string): unknown {
  const text = raw.trim().toLowerCase();
  if (BOOLEAN_FIELDS.has(field)) return parseBooleanCell(raw);
  if (raw.trim() === '') return undefined;
  if (COUNTRY_FIELDS.has(field)) return countryCodeOf(raw);
  if (field === 'gender') return text in GENDER_SPELLINGS ? GENDER_SPELLINGS[text] : text;
  return raw;
}

/** The row's cells under their target fields (unmapped columns dropped, blanks as undefined). */
export function mapRow(
  values: Record<string, string>,
  mapping: Record<string, string | null>
): Record<string, unknown> {
  const mapped: Record<string, unknown> = {};
  for (const [header, field] of Object.entries(mapping))
    if (field) mapped[field] = readImportCell(field, values[header] ?? '');
  return mapped;
}

const toRowIssues = (line: number, issues: RuleIssue[], prefix?: string): RowIssue[] =>
  issues.map((issue) => ({
    line,
    field: prefix ?? String(issue.path[0] ?? ''),
    reason: issue.message,
  }));

export interface ContactRow {
  contact: ContactFields;
  company: string | null;
  /** The import fields whose cells were not empty: what an update of a matched record takes. */
  given?: string[];
  /** Required fields the row lacks (a partial row): it can update a record, not create one. */
  requires?: RowIssue[];
}

export interface CustomerRow {
  /** With the SSN as its mask, ciphertext (`ssnEncrypted`) and keyed hash, never the number. */
  customer: CustomerFields & {
    ssn?: string | null;
    ssnEncrypted?: string | null;
    ssnHash?: string | null;
  };
  addresses: AddressFields[];
  phones: { type: string; number: string }[];
  emails: { type: string; address: string }[];
  /** The customer number the file names, to find the customer by (never written: the CRM assigns them). */
  customerNumber?: string | null;
  /** The import fields whose cells were not empty: what an update of a matched record takes. */
  given?: string[];
  /** Required fields the row lacks (a partial row): it can update a record, not create one. */
  requires?: RowIssue[];
}

/** The business customer an import creates for an unmatched company, through the customer rules. */
export function companyCustomer(name: string): CustomerFields {
  return validateCustomer({ type: 'business', businessName: name });
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; issues: RowIssue[] };

/**
 * Checks one mapped row through the same rules as every other write (one gate): a contact row
 * through the contact rules, a customer row through the customer and contact point rules.
 */
export interface ImportRowOptions {
  defaultCountry: string;
  /** The contact point limits of the plugin's configuration, as REST applies them. */
  limits: ContactPointLimits;
  /** Encrypts an SSN's nine digits for storage (the SSN field of customers). */
  encryptSsn: (digits: string) => string;
  /** The keyed hash of an SSN's nine digits (compared by the duplicate matcher); none when absent. */
  hashSsn?: (digits: string) => string;
  today?: Date;
  /**
   * The job may update records (update and upsert modes): a required field left empty does not
   * make the row invalid, as the record it matches has one; the row carries it in `requires`, and
   * cannot create a record.
   */
  partial?: boolean;
}

/** What fills a required field while the rest of a partial row is checked (never stored). */
const REQUIRED_STAND_IN = 'x';
const isRequiredRule = (rule: string) => rule.endsWith('.required');

/**
 * Runs `validate`; for a partial row, once more with stand-ins for the required fields it lacks,
 * those reported as `requires`.
 */
function deferRequired<T>(
  partial: boolean | undefined,
  fields: Record<string, unknown>,
  validate: (fields: Record<string, unknown>) => T
): { value: T; requires: RuleIssue[] } {
  try {
    return { value: validate(fields), requires: [] };
  } catch (error) {
    if (
      !partial ||
      !(error instanceof DomainValidationError) ||
      !error.issues.every((issue) => isRequiredRule(issue.rule))
    )
      throw error;
    const filled = { ...fields };
    for (const issue of error.issues) filled[String(issue.path[0])] = REQUIRED_STAND_IN;
    return { value: validate(filled), requires: error.issues };
  }
}

export function validateImportRow(
  object: ImportObject,
  line: number,
  mapped: Record<string, unknown>,
  options: ImportRowOptions
): RowResult<ContactRow | CustomerRow> {
  const attempt = <T>(
    field: string | undefined,
    work: () => T
  ): { value?: T; issues: RowIssue[] } => {
    try {
      return { value: work(), issues: [] };
    } catch (error) {
      if (error instanceof DomainValidationError)
        return { issues: toRowIssues(line, error.issues, field) };
      throw error;
    }
  };

  if (object === 'contacts') {
    const { company, ...fields } = mapped;
    const result = attempt(undefined, () =>
      deferRequired(options.partial, fields, (checked) =>
        validateContact(checked, {
          defaultCountry: options.defaultCountry,
          hasUser: false,
          today: options.today,
        })
      )
    );
    const name = typeof company === 'string' && company.trim() !== '' ? company.trim() : null;
    // The company may have to be created as a customer: its name must be one a customer can have.
    const companyIssues =
      name === null ? [] : attempt('company', () => companyCustomer(name)).issues;
    if (result.issues.length || companyIssues.length)
      return { ok: false, issues: [...result.issues, ...companyIssues] };
    const { value: contact, requires } = result.value!;
    return {
      ok: true,
      value: {
        contact,
        company: name,
        given: givenFields(mapped),
        ...(requires.length ? { requires: toRowIssues(line, requires) } : {}),
      },
    };
  }

  const issues: RowIssue[] = [];
  const { ssn: ssnCell, customerNumber: numberCell, ...customerCells } = mapped;
  const sequence = numberCell === undefined ? null : parseCustomerNumber(String(numberCell));
  if (numberCell !== undefined && sequence === null)
    issues.push({
      line,
      field: 'customerNumber',
      reason: `"${String(numberCell).trim()}" is not a customer number (like C-000042)`,
    });
  const checked = attempt(undefined, () =>
    deferRequired(options.partial, customerCells, (cells) =>
      validateCustomer(cells, { today: options.today })
    )
  );
  const customer = { value: checked.value?.value, issues: checked.issues };
  const requires = checked.value?.requires ?? [];
  issues.push(...customer.issues);
  // A mask (what an ignored-rows file shows) carries no number: the row is taken without one.
  const ssn =
    ssnCell === undefined || isMaskedSsn(String(ssnCell).trim())
      ? undefined
      : attempt('ssn', () => normalizeSsn(ssnCell));
  issues.push(...(ssn?.issues ?? []));
  const phones: { type: string; number: string }[] = [];
  for (const [field, type] of [
    ['homePhone', 'home'],
    ['cellPhone', 'cell'],
    ['workPhone', 'work'],
    ['faxNumber', 'fax'],
  ] as const) {
    if (mapped[field] === undefined) continue;
    const phone = attempt(field, () =>
      validatePhone({ type, number: mapped[field] }, { defaultCountry: options.defaultCountry })
    );
    issues.push(...phone.issues);
    if (phone.value) phones.push(phone.value);
  }
  const emails: { type: string; address: string }[] = [];
  for (const [field, type] of [
    ['email', 'personal'],
    ['workEmail', 'work'],
  ] as const) {
    if (mapped[field] === undefined) continue;
    const email = attempt(field, () => validateEmail({ type, address: mapped[field] }));
    issues.push(...email.issues);
    if (email.value) emails.push(email.value);
  }
  const addresses: AddressFields[] = [];
  // The address block of each type: the plain one is the physical address.
  for (const [prefix, type] of [
    ['', 'physical'],
    ['work', 'work'],
    ['mailing', 'mailing'],
  ] as const) {
    const name = (field: string) =>
      prefix ? `${prefix}${field.charAt(0).toUpperCase()}${field.slice(1)}` : field;
    const cells = {
      line1: mapped[name('addressLine1')],
      line2: mapped[name('addressLine2')],
      city: mapped[name('city')],
      region: mapped[name('region')],
      postalCode: mapped[name('postalCode')],
      country: mapped[name('country')],
    };
    if (Object.values(cells).every((value) => value === undefined)) continue;
    const address = attempt(undefined, () => validateAddress({ type, ...cells }));
    issues.push(
      ...address.issues.map((issue) => ({
        ...issue,
        field:
          issue.field === 'line1'
            ? name('addressLine1')
            : issue.field === 'line2'
              ? name('addressLine2')
              : name(issue.field),
      }))
    );
    if (address.value) addresses.push(address.value);
  }
  if (customer.value) {
    const sets = [
      ['address', addresses],
      ['phone', phones],
      ['email', emails],
    ] as const;
    for (const [kind, points] of sets) {
      for (const issue of checkContactPointSet(customer.value.type, kind, points, options.limits)) {
        issues.push({ line, field: String(issue.path[0] ?? kind), reason: issue.message });
      }
    }
  }
  if (issues.length) return { ok: false, issues };
  const digits = ssn?.value;
  const secret = digits
    ? {
        ssn: maskSsn(digits),
        ssnEncrypted: options.encryptSsn(digits),
        ...(options.hashSsn ? { ssnHash: options.hashSsn(digits) } : {}),
      }
    : {};
  return {
    ok: true,
    value: {
      customer: { ...customer.value!, ...secret },
      ...(requires.length ? { requires: toRowIssues(line, requires) } : {}),
      addresses,
      phones,
      emails,
      customerNumber: sequence === null ? null : formatCustomerNumber(sequence),
      given: givenFields(mapped),
    },
  };
}

/** The mapped fields whose cells hold something. */
const givenFields = (mapped: Record<string, unknown>): string[] =>
  Object.keys(mapped).filter((field) => mapped[field] !== undefined);
