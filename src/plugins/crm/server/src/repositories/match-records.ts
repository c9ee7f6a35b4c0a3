import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { MatchRecord } from '../domain/duplicates/types';
import { readTogether } from '../utils/read-together';
import { CONTACT_POINT_UIDS, CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import { linkOf } from './links';

const IDS_PER_STATEMENT = 500;

/** A date column as read: text on SQLite, a Date at local midnight from node-pg. */
const isoDate = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
};

const text = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

/** The identity of a matched record: what the duplicate answers name it by. */
export interface MatchedRecord {
  id: number;
  documentId: string;
  customerNumber?: string | null;
  type?: string;
  record: MatchRecord;
}

/**
 * Customers and contacts as the duplicate matcher reads them, straight from the tables (a scan
 * reads a million): names, dates, ids, and a customer's e-mails, phones and addresses, a contact's
 * company name.
 */
export const createMatchRecords = (strapi: Core.Strapi) => {
  const table = (uid: string) => strapi.db.metadata.get(uid).tableName;

  const pointsOf = async <T>(
    knex: Knex,
    kind: 'email' | 'phone' | 'address',
    columns: string[],
    customerIds: readonly number[]
  ): Promise<Map<number, T[]>> => {
    const relation = linkOf(strapi, CONTACT_POINT_UIDS[kind], 'customer');
    const rows = await knex(`${relation.table} as l`)
      .join(`${table(CONTACT_POINT_UIDS[kind])} as p`, 'p.id', `l.${relation.owner}`)
      .select(`l.${relation.target} as customer_id`, ...columns.map((column) => `p.${column}`))
      .whereIn(`l.${relation.target}`, customerIds)
      .orderBy('p.id');
    const byCustomer = new Map<number, T[]>();
    for (const row of rows as Record<string, unknown>[]) {
      const id = Number(row.customer_id);
      byCustomer.set(id, [...(byCustomer.get(id) ?? []), row as T]);
    }
    return byCustomer;
  };

  const customers = async (knex: Knex, ids: readonly number[]): Promise<MatchedRecord[]> => {
    const found: MatchedRecord[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
      const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
      const readRows = () =>
        knex(table(CUSTOMER_UID))
          .select(
            'id',
            'document_id',
            'customer_number',
            'type',
            'first_name',
            'middle_name',
            'last_name',
            'business_name',
            'date_of_birth',
            'external_id',
            'ssn_hash'
          )
          .whereIn('id', chunk);
      const readEmails = () => pointsOf<{ address: string }>(knex, 'email', ['address'], chunk);
      const readPhones = () => pointsOf<{ number: string }>(knex, 'phone', ['number'], chunk);
      const readAddresses = () =>
        pointsOf<{ line_1: string; city: string; postal_code: string; country: string }>(
          knex,
          'address',
          ['line_1', 'city', 'postal_code', 'country'],
          chunk
        );
      const [rows, emails, phones, addresses] = await readTogether(knex.isTransaction === true, [
        readRows,
        readEmails,
        readPhones,
        readAddresses,
      ]);
      for (const row of rows as Record<string, unknown>[]) {
        const id = Number(row.id);
        found.push({
          id,
          documentId: String(row.document_id),
          customerNumber: text(row.customer_number),
          type: String(row.type),
          record: {
            type: row.type === 'business' ? 'business' : 'individual',
            firstName: text(row.first_name),
            middleName: text(row.middle_name),
            lastName: text(row.last_name),
            businessName: text(row.business_name),
            dateOfBirth: isoDate(row.date_of_birth),
            externalId: text(row.external_id),
            ssnHash: text(row.ssn_hash),
            emails: (emails.get(id) ?? []).map((email) => email.address.toLowerCase()),
            phones: (phones.get(id) ?? []).map((phone) => phone.number),
            addresses: (addresses.get(id) ?? []).map((address) => ({
              line1: address.line_1,
              city: address.city,
              postalCode: address.postal_code,
              country: address.country,
            })),
          },
        });
      }
    }
    return found;
  };

  const contacts = async (knex: Knex, ids: readonly number[]): Promise<MatchedRecord[]> => {
    const company = linkOf(strapi, CONTACT_UID, 'company');
    const found: MatchedRecord[] = [];
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
      const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
      const rows = (await knex(`${table(CONTACT_UID)} as c`)
        .leftJoin(`${company.table} as l`, `l.${company.owner}`, 'c.id')
        .leftJoin(`${table(CUSTOMER_UID)} as k`, 'k.id', `l.${company.target}`)
        .select(
          'c.id',
          'c.document_id',
          'c.first_name',
          'c.middle_name',
          'c.last_name',
          'c.birthday',
          'c.email',
          'c.email_2',
          'c.mobile_phone',
          'c.mobile_phone_2',
          'c.work_phone',
          'c.external_id',
          'k.business_name as company_business',
          'k.first_name as company_first',
          'k.last_name as company_last'
        )
        .whereIn('c.id', chunk)) as Record<string, unknown>[];
      for (const row of rows) {
        const companyName =
          text(row.company_business) ??
          (text([row.company_first, row.company_last].filter(Boolean).join(' ')) || null);
        found.push({
          id: Number(row.id),
          documentId: String(row.document_id),
          record: {
            type: 'contact',
            firstName: text(row.first_name),
            middleName: text(row.middle_name),
            lastName: text(row.last_name),
            dateOfBirth: isoDate(row.birthday),
            externalId: text(row.external_id),
            emails: [row.email, row.email_2]
              .map(text)
              .filter((email): email is string => email !== null)
              .map((email) => email.toLowerCase()),
            phones: [row.mobile_phone, row.mobile_phone_2, row.work_phone]
              .map(text)
              .filter((phone): phone is string => phone !== null),
            addresses: [],
            company: companyName,
          },
        });
      }
    }
    return found;
  };

  return { customers, contacts };
};
