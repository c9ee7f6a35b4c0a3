import {
  IMPORT_DATE_FIELDS,
  companyProbe,
  googleAddressBlocks,
  googleAddressFieldNames,
  googlePairColumns,
  googlePairFieldNames,
  type GoogleAddressBlock,
  spreadGoogleAddresses,
  spreadGooglePairs,
  mapRow,
  maskSsnsInText,
  readImportCell,
  readImportDate,
  validateImportRow,
  type CompanyProbe,
  type ContactPointLimits,
  type ContactRow,
  type DateOrderVerdict,
  type ImportObject,
  type ImportSource,
} from '../../domain';
import type { EncodedRow, RowOutcome } from '../../repositories/import-rows';
import { createFieldCipher } from '../../security/field-cipher';
import { protectCells } from './staged-cells';

/** Everything judging a job's rows needs; plain data, so it can be handed to a worker thread. */
export interface JudgeSetup {
  object: ImportObject;
  headers: string[];
  mapping: Record<string, string | null>;
  /** The product the file was exported from: Google's e-mail and phone pairs are read by their labels. */
  source?: ImportSource | null;
  defaultCountry: string;
  /** The order of each date column, by header (null: not known, each value read on its own). */
  dateOrders: Record<string, DateOrderVerdict | null>;
  limits: ContactPointLimits;
  /** The SSN keys (newest first): SSN-shaped cells and the SSN field are stored encrypted. */
  encryptionKeys: string[];
  /** The job may update records: rows lacking a required field are kept for the records they match. */
  partial?: boolean;
}

type Row = { line: number; cells: string[] };

/**
 * A judged row: for a valid contact, what its company can be found by. The company is matched
 * afterwards, for a whole batch at once, against the database (services/company-keys.ts); until
 * then the row holds its group key and no customer.
 */
export type JudgedRow = RowOutcome & { company: CompanyProbe | null };

export interface RowJudge {
  /** How a row fares with the job's mapping. */
  judge(row: Row): JudgedRow;
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
  const options = {
    defaultCountry: setup.defaultCountry,
    limits: setup.limits,
    partial: setup.partial ?? false,
    encryptSsn: (digits: string) => cipher.encrypt(digits),
    hashSsn: (digits: string) => cipher.hash(digits),
  };
  const dateColumns = headers
    .filter((header) => IMPORT_DATE_FIELDS[object].includes(mapping[header] ?? ''))
    .map((header) => ({
      header,
      field: mapping[header]!,
      order: setup.dateOrders[header] ?? null,
    }));
  // Google's pairs and address blocks are read by label while their columns fill e-mails,
  // phones and addresses (the automatic mapping); a column the user mapped elsewhere is left to
  // that mapping.
  const pairFields = googlePairFieldNames(object);
  const googlePairs =
    setup.source === 'google'
      ? googlePairColumns(headers).filter((pair) => pairFields.has(mapping[pair.value] ?? ''))
      : [];
  const addressFields = googleAddressFieldNames();
  const addressColumns = (block: GoogleAddressBlock) =>
    Object.values(block.columns).filter((header) => addressFields.has(mapping[header] ?? ''));
  const googleAddresses =
    setup.source === 'google' && object === 'customers'
      ? googleAddressBlocks(headers).filter((block) => addressColumns(block).length > 0)
      : [];
  const asReason = (issues: { field: string; reason: string; warning?: true }[]) =>
    JSON.stringify(issues.map((issue) => ({ ...issue, reason: maskSsnsInText(issue.reason) })));

  return {
    judge(row) {
      const values: Record<string, string> = {};
      headers.forEach((header, i) => (values[header] = row.cells[i] ?? ''));
      const mapped = mapRow(values, mapping);
      const pairWarnings: { field: string; reason: string; warning: true }[] = [];
      if (googlePairs.length) {
        for (const pair of googlePairs) delete mapped[mapping[pair.value]!];
        const { fields, extra } = spreadGooglePairs(values, googlePairs, object);
        for (const [field, raw] of Object.entries(fields))
          mapped[field] = readImportCell(field, raw);
        if (extra.length && object === 'contacts') {
          const others = typeof mapped.otherContacts === 'string' ? [mapped.otherContacts] : [];
          mapped.otherContacts = [...others, ...extra].join('; ');
        } else if (extra.length) {
          pairWarnings.push({
            field: 'emails',
            reason: `no field is left for ${extra.join(', ')}`,
            warning: true,
          });
        }
      }
      if (googleAddresses.length) {
        for (const block of googleAddresses)
          for (const header of addressColumns(block)) delete mapped[mapping[header]!];
        const { fields, extra } = spreadGoogleAddresses(values, googleAddresses);
        for (const [field, raw] of Object.entries(fields))
          mapped[field] = readImportCell(field, raw);
        if (extra.length)
          pairWarnings.push({
            field: 'addresses',
            reason: `no address type is left for ${extra.join('; ')}`,
            warning: true,
          });
      }
      const dateIssues: { line: number; field: string; reason: string }[] = [];
      const warnings: { field: string; reason: string; warning: true }[] = [...pairWarnings];
      for (const { header, field, order } of dateColumns) {
        const date = readImportDate(values[header], order);
        if (date.kind === 'undecided')
          return {
            status: 'pending',
            reason: asReason([
              {
                field,
                reason: `the date order of column "${header}" (day or month first) is not settled`,
              },
            ]),
            data: null,
            companyKey: null,
            customerId: null,
            company: null,
          };
        mapped[field] = date.kind === 'date' ? date.iso : undefined;
        if (date.kind === 'invalid')
          dateIssues.push({ line: row.line, field, reason: date.reason });
        if (date.kind === 'no-year')
          warnings.push({
            field,
            reason: `"${values[header].trim()}" has no year: ${field} is left empty`,
            warning: true,
          });
      }
      const result = validateImportRow(object, row.line, mapped, options);
      if (!result.ok || dateIssues.length) {
        const issues = [...dateIssues, ...(result.ok ? [] : result.issues)].map(
          ({ field, reason }) => ({ field, reason })
        );
        return {
          status: 'invalid',
          reason: asReason(issues),
          data: null,
          companyKey: null,
          customerId: null,
          company: null,
        };
      }
      const reason = warnings.length ? asReason(warnings) : null;
      if (object !== 'contacts')
        return {
          status: 'valid',
          reason,
          data: result.value,
          companyKey: null,
          customerId: null,
          company: null,
        };
      const { company, contact } = result.value as ContactRow;
      const probe = companyProbe(company, contact.email ?? contact.email2);
      return {
        status: 'valid',
        reason,
        data: result.value,
        companyKey: probe.group,
        customerId: null,
        company: probe,
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
