import type { Core } from '@strapi/strapi';
import { strToU8, zipSync } from 'fflate';

import {
  PERSONAL_DATA_EXPORT_ACTION,
  type HistoryEntry,
  type PersonalDataActivity,
  type PersonalDataContact,
  type PersonalDataCustomerRef,
  type PersonalDataExport,
  type PersonalDataFormat,
  type PersonalDataMembership,
  type PersonalDataRecord,
  type PersonalDataSubject,
} from '../../../contracts';
import {
  contactKeys,
  customerKeys,
  exportableFields,
  partyRef,
  personalDataCsvFiles,
  personalDataFilename,
  sharedKeys,
  type PersonKeys,
} from '../domain/personal-data';
import type { Actor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { readTogetherIn } from '../utils/read-together';
import { errors } from '../utils/strapi-utils';
import { AUDIT_LOG_UID, CONTACT_UID, CUSTOMER_UID } from '../utils/uids';

export type PersonalDataKind = 'customer' | 'contact';

type Row = Record<string, unknown>;

const PARTY_FIELDS = ['id', 'documentId', 'type', 'firstName', 'lastName', 'businessName'];
const PARTY_SELECT = [...PARTY_FIELDS, 'customerNumber'];
const HISTORY_PAGE = 500;

/** A stored value as the export shows it: datetimes as ISO strings. */
const scalar = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));
const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

const pick = (row: Row, fields: readonly string[]) =>
  Object.fromEntries(fields.map((field) => [field, scalar(row[field])]));

/** Where-clauses matching records holding one of the keys, by the fields that hold them. */
const keyConditions = (keys: PersonKeys, emailFields: string[], phoneFields: string[]) => [
  ...(keys.emails.length ? emailFields.map((field) => ({ [field]: { $in: keys.emails } })) : []),
  ...(keys.phones.length ? phoneFields.map((field) => ({ [field]: { $in: keys.phones } })) : []),
];
const CONTACT_EMAILS = ['email', 'email2'];
const CONTACT_PHONES = ['mobilePhone', 'mobilePhone2', 'workPhone'];

/**
 * Everything the CRM holds on one person, read in one go: the record, its contact points and
 * links, the contact and customer records that are the same person (same e-mail or phone, or a
 * conversion), their list memberships, activity and history, and the SSN reveals. Each export is
 * audited.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const fieldsOf = (uid: typeof CUSTOMER_UID | typeof CONTACT_UID) => [
    'documentId',
    ...exportableFields(
      strapi.getModel(uid).attributes as Record<string, { type: string; private?: boolean }>
    ).filter((field) => field !== 'documentId'),
  ];

  const contactPopulate = {
    company: { select: PARTY_SELECT },
    convertedCustomer: { select: PARTY_SELECT },
    user: { select: ['username', 'email'] },
    manager: { select: ['username'] },
    marketingLists: { select: ['name', 'channel'] },
    activities: {
      select: ['documentId', 'body', 'authorType', 'authorName', 'createdAt'],
      orderBy: { id: 'desc' as const },
    },
  };

  /** A contact's own fields and its links by name. */
  const contactRecord = (contact: Row): PersonalDataRecord => {
    const user = contact.user as Row | null;
    const manager = contact.manager as Row | null;
    return {
      ...pick(contact, fieldsOf(CONTACT_UID)),
      company: partyRef(contact.company as Row | null),
      convertedCustomer: partyRef(contact.convertedCustomer as Row | null),
      manager: manager ? { name: (manager.username as string) ?? null, number: null } : null,
      user: user
        ? { username: (user.username as string) ?? null, email: (user.email as string) ?? null }
        : null,
    } as PersonalDataRecord;
  };

  const memberships = (contacts: Row[]): PersonalDataMembership[] =>
    contacts.flatMap((contact) =>
      ((contact.marketingLists as Row[] | undefined) ?? []).map((list) => ({
        contactDocumentId: contact.documentId as string,
        list: list.name as string,
        channel: (list.channel as string) ?? null,
      }))
    );

  const activity = (contacts: Row[]): PersonalDataActivity[] =>
    contacts
      .flatMap((contact) =>
        ((contact.activities as Row[] | undefined) ?? []).map((entry) => ({
          contactDocumentId: contact.documentId as string,
          documentId: entry.documentId as string,
          body: entry.body as string,
          authorType: (entry.authorType as string) ?? null,
          authorName: (entry.authorName as string) ?? null,
          createdAt: iso(entry.createdAt),
        }))
      )
      .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));

  /** Contacts holding one of the keys, or converted to `convertedTo`; never `exceptId`. */
  const sameContacts = async (keys: PersonKeys, exceptId?: number, convertedTo?: number) => {
    const or: Row[] = keyConditions(keys, CONTACT_EMAILS, CONTACT_PHONES);
    if (convertedTo !== undefined) or.push({ convertedCustomer: { id: convertedTo } });
    if (!or.length) return [];
    return (await strapi.db.query(CONTACT_UID).findMany({
      where: { $or: or, ...(exceptId === undefined ? {} : { id: { $ne: exceptId } }) },
      populate: contactPopulate,
      orderBy: { id: 'asc' },
    })) as Row[];
  };

  const contactOf =
    (keys: PersonKeys, convertedTo?: number) =>
    (contact: Row): PersonalDataContact => ({
      ...contactRecord(contact),
      shares: sharedKeys(keys, contactKeys(contact)),
      convertedToSubject:
        convertedTo !== undefined && (contact.convertedCustomer as Row | null)?.id === convertedTo,
    });

  /** Customers holding one of the keys, or `alsoId`; never `exceptId`. */
  const sameCustomers = async (keys: PersonKeys, exceptId?: number, alsoId?: number) => {
    const or: Row[] = [
      ...(keys.emails.length ? [{ emails: { address: { $in: keys.emails } } }] : []),
      ...(keys.phones.length ? [{ phones: { number: { $in: keys.phones } } }] : []),
      ...(alsoId === undefined ? [] : [{ id: alsoId }]),
    ];
    if (!or.length) return [];
    return (await strapi.db.query(CUSTOMER_UID).findMany({
      where: { $or: or, ...(exceptId === undefined ? {} : { id: { $ne: exceptId } }) },
      select: PARTY_SELECT,
      populate: { emails: { select: ['address'] }, phones: { select: ['number'] } },
      orderBy: { id: 'asc' },
    })) as Row[];
  };

  const customerRefOf =
    (keys: PersonKeys, convertedFrom?: number) =>
    (customer: Row): PersonalDataCustomerRef => ({
      ...partyRef(customer)!,
      shares: sharedKeys(keys, customerKeys(customer)),
      convertedFromSubject: customer.id === convertedFrom,
    });

  /** The history of each subject (a record and the other records of the person), newest first. */
  const historyOf = async (subjects: string[]): Promise<HistoryEntry[]> => {
    const { repository } = getService(strapi, 'history');
    const entries = new Map<string, HistoryEntry>();
    for (const subjectDocumentId of subjects) {
      for (let page = 1; ; page += 1) {
        const { entries: found } = await repository.list(
          { subjectDocumentId },
          { page, pageSize: HISTORY_PAGE }
        );
        for (const entry of found) entries.set(entry.documentId, entry);
        if (found.length < HISTORY_PAGE) break;
      }
    }
    return [...entries.values()].sort((a, b) => b.at.localeCompare(a.at));
  };

  const ssnReveals = async (customer: Row) => {
    const rows = (await strapi.db.query(AUDIT_LOG_UID).findMany({
      where: { action: 'ssn.reveal', customerDocumentId: customer.documentId },
      orderBy: { id: 'desc' },
    })) as Row[];
    return rows.map((row) => ({
      at: iso(row.createdAt),
      outcome: row.outcome as string,
      reason: (row.reason as string) ?? null,
      actorType: (row.actorType as string) ?? null,
      actorName: (row.actorName as string) ?? null,
      ssn: (customer.ssn as string) ?? null,
    }));
  };

  const subjectOf = (kind: PersonalDataKind, row: Row): PersonalDataSubject => ({
    uid: kind === 'customer' ? CUSTOMER_UID : CONTACT_UID,
    documentId: row.documentId as string,
    label: (row.displayName as string) ?? null,
  });

  const customerExport = async (documentId: string): Promise<PersonalDataExport> => {
    const customer = (await strapi.db.query(CUSTOMER_UID).findOne({
      where: { documentId },
      select: ['id', ...fieldsOf(CUSTOMER_UID)],
      populate: {
        addresses: { orderBy: { id: 'asc' } },
        phones: { orderBy: { id: 'asc' } },
        emails: { orderBy: { id: 'asc' } },
        primaryContact: { select: PARTY_SELECT },
      },
    })) as Row | null;
    if (!customer) throw new errors.NotFoundError('customer not found');
    const keys = customerKeys(customer);
    const [contacts, customers] = await readTogetherIn(strapi, [
      () => sameContacts(keys, undefined, customer.id as number),
      () => sameCustomers(keys, customer.id as number),
    ]);
    const network = getService(strapi, 'network');
    const [connections, relationships] = await readTogetherIn(strapi, [
      () => network.connectionsOf(documentId),
      () => network.relationshipsOf(documentId),
    ]);
    const points = (name: string, fields: string[]) =>
      ((customer[name] as Row[] | undefined) ?? []).map((point) =>
        pick(point, ['documentId', ...fields, 'isPrimary', 'createdAt', 'updatedAt'])
      );
    return {
      subject: subjectOf('customer', customer),
      exportedAt: new Date().toISOString(),
      record: {
        ...pick(customer, fieldsOf(CUSTOMER_UID)),
        primaryContact: partyRef(customer.primaryContact as Row | null),
      } as PersonalDataRecord,
      contactPoints: {
        addresses: points('addresses', [
          'type',
          'line1',
          'line2',
          'city',
          'region',
          'postalCode',
          'country',
        ]),
        phones: points('phones', ['type', 'number']),
        emails: points('emails', ['type', 'address']),
      } as unknown as PersonalDataExport['contactPoints'],
      connections: connections.map(({ customer: other, isPrimaryContact: _, ...rest }) => ({
        ...rest,
        direction: rest.direction as 'outgoing' | 'incoming',
        createdAt: iso(rest.createdAt),
        other: { name: other.name, number: other.customerNumber },
      })),
      relationships: relationships.map(({ customer: other, ...rest }) => ({
        ...rest,
        createdAt: iso(rest.createdAt),
        other: { name: other.name, number: other.customerNumber },
      })),
      contacts: contacts.map(contactOf(keys, customer.id as number)),
      customers: customers.map(customerRefOf(keys)),
      marketingLists: memberships(contacts),
      activity: activity(contacts),
      history: await historyOf([documentId, ...contacts.map((c) => c.documentId as string)]),
      ssnReveals: await ssnReveals(customer),
    };
  };

  const contactExport = async (documentId: string): Promise<PersonalDataExport> => {
    const contact = (await strapi.db.query(CONTACT_UID).findOne({
      where: { documentId },
      select: ['id', ...fieldsOf(CONTACT_UID)],
      populate: contactPopulate,
    })) as Row | null;
    if (!contact) throw new errors.NotFoundError('contact not found');
    const keys = contactKeys(contact);
    const convertedId = (contact.convertedCustomer as Row | null)?.id as number | undefined;
    const [contacts, customers] = await readTogetherIn(strapi, [
      () => sameContacts(keys, contact.id as number),
      () => sameCustomers(keys, undefined, convertedId),
    ]);
    const person = [contact, ...contacts];
    return {
      subject: subjectOf('contact', contact),
      exportedAt: new Date().toISOString(),
      record: contactRecord(contact),
      contactPoints: { addresses: [], phones: [], emails: [] },
      connections: [],
      relationships: [],
      contacts: contacts.map(contactOf(keys)),
      customers: customers.map(customerRefOf(keys, convertedId)),
      marketingLists: memberships(person),
      activity: activity(person),
      history: await historyOf(person.map((c) => c.documentId as string)),
      ssnReveals: [],
    };
  };

  return {
    /** The export of a customer or contact; audited as allowed once it is read. */
    async exportOf(
      kind: PersonalDataKind,
      documentId: string,
      format: PersonalDataFormat,
      actor: Actor
    ): Promise<PersonalDataExport> {
      const data =
        kind === 'customer' ? await customerExport(documentId) : await contactExport(documentId);
      await getService(strapi, 'ssn').audit({
        action: PERSONAL_DATA_EXPORT_ACTION,
        outcome: 'allowed',
        reason: `${kind} as ${format}`,
        customer: {
          documentId,
          customerNumber: kind === 'customer' ? (data.record.customerNumber as string) : null,
        },
        actor,
      });
      return data;
    },

    /** The export as a zip of CSV files, and the name to download it as. */
    zip(data: PersonalDataExport): { filename: string; body: Buffer } {
      const files = personalDataCsvFiles(data);
      const zipped = zipSync(
        Object.fromEntries(
          Object.entries(files).map(([name, csv]) => [name, strToU8(`\ufeff${csv}`)])
        ),
        { level: 6 }
      );
      const number = data.record.customerNumber;
      return {
        filename: personalDataFilename(
          typeof number === 'string' ? number : data.subject.documentId
        ),
        body: Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength),
      };
    },
  };
};
