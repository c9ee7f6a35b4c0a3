import {
  buildCompanyIndex,
  createCompanyResolver,
  mapRow,
  maskSsnsInText,
  validateImportRow,
  type ContactPointLimits,
  type ContactRow,
  type ImportObject,
  type KnownCustomer,
} from '../../domain';
import type { EncodedRow, RowOutcome } from '../../repositories/import-rows';
import { createFieldCipher } from '../../security/field-cipher';
import { protectCells } from './staged-cells';

/** Everything judging a job's rows needs; plain data, so it can be handed to a worker thread. */
export interface JudgeSetup {
  object: ImportObject;
  headers: string[];
  mapping: Record<string, string | null>;
  defaultCountry: string;
  limits: ContactPointLimits;
  /** The SSN keys (newest first): SSN-shaped cells and the SSN field are stored encrypted. */
  encryptionKeys: string[];
  /** The customers a contact's company can match (contacts jobs only). */
  customers: KnownCustomer[] | null;
}

type Row = { line: number; cells: string[] };

/** A judged row as the staging table stores it: line, cells, status, reason, data, company key, customer. */

export interface RowJudge {
  /** How a row fares with the job's mapping. */
  judge(row: Row): RowOutcome;
  /** A judged row in its stored form: cells (SSNs encrypted) and values as JSON text, cheap to pass between threads. */
  encode(row: Row, outcome: RowOutcome): EncodedRow;
}

/**
 * How each row of a job is judged with a mapping: mapped, validated through the domain rules and,
 * for contacts, its company matched to an existing customer. Reasons never quote an SSN.
 */
export function createRowJudge(setup: JudgeSetup): RowJudge {
  const { object, headers, mapping } = setup;
  const cipher = createFieldCipher(setup.encryptionKeys);
  const resolve =
    object === 'contacts' ? createCompanyResolver(buildCompanyIndex(setup.customers ?? [])) : null;
  const options = {
    defaultCountry: setup.defaultCountry,
    limits: setup.limits,
    encryptSsn: (digits: string) => cipher.encrypt(digits),
  };
  return {
    judge(row) {
      const values: Record<string, string> = {};
      headers.forEach((header, i) => (values[header] = row.cells[i] ?? ''));
      const result = validateImportRow(object, row.line, mapRow(values, mapping), options);
      if (!result.ok) {
        const issues = result.issues.map(({ field, reason }) => ({
          field,
          reason: maskSsnsInText(reason),
        }));
        return {
          status: 'invalid',
          reason: JSON.stringify(issues),
          data: null,
          companyKey: null,
          customerId: null,
        };
      }
      if (!resolve)
        return {
          status: 'valid',
          reason: null,
          data: result.value,
          companyKey: null,
          customerId: null,
        };
      const { company, contact } = result.value as ContactRow;
      const { match, key } = resolve(company, contact.email ?? contact.email2);
      return {
        status: 'valid',
        reason: null,
        data: result.value,
        companyKey: match ? null : key,
        customerId: match?.customer.id ?? null,
      };
    },

    encode: (row, outcome) => [
      row.line,
      JSON.stringify(protectCells(row.cells, cipher)),
      outcome.status,
      outcome.reason,
      outcome.data === null || outcome.data === undefined ? null : JSON.stringify(outcome.data),
      outcome.companyKey,
      outcome.customerId,
    ],
  };
}
