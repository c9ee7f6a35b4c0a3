import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { customerFromContact, validateComment, validateEmail, type ContactFields } from '../domain';
import type { Actor } from '../utils/actor';
import { documentData, type StoredDocument } from '../utils/document-params';
import { conflict } from '../utils/errors';
import { getService } from '../utils/get-service';
import { readTogetherIn } from '../utils/read-together';
import { isRowId } from '../utils/relations';
import { errors } from '../utils/strapi-utils';
import {
  ACTIVITY_UID,
  CONNECTION_UID,
  CONTACT_UID,
  CUSTOMER_UID,
  USER_ROLE_UID,
  USER_UID,
} from '../utils/uids';
import type { HistorySession } from './history';

/** The contact actions: generate login, convert to customer, activity feed. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** A transaction whose changes are recorded in the change history, as one session. */
  const recordedTransaction = <T>(work: (session: HistorySession) => Promise<T>) =>
    strapi.db.transaction(() => getService(strapi, 'history').inSession(work));

  const findContact = async (documentId: string, populate: Record<string, unknown> = {}) => {
    const contact = await strapi.db.query(CONTACT_UID).findOne({ where: { documentId }, populate });
    if (!contact) throw new errors.NotFoundError('contact not found');
    return contact;
  };

  /** Sends the new account a reset-password email; an unreachable mail server is logged, not fatal. */
  const sendPasswordSetup = async (user: { id: number; email: string; username: string }) => {
    try {
      const resetPasswordToken = randomBytes(64).toString('hex');
      await strapi.db
        .query(USER_UID)
        .update({ where: { id: user.id }, data: { resetPasswordToken } });
      const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
      const [emailSettings, advanced] = await readTogetherIn(strapi, [
        () => store.get({ key: 'email' }),
        () => store.get({ key: 'advanced' }),
      ]);
      type ResetTemplate = {
        from?: { name?: string; email?: string };
        response_email?: string;
        object?: string;
        message?: string;
      };
      const template: ResetTemplate =
        (emailSettings as { reset_password?: { options?: ResetTemplate } } | null)?.reset_password
          ?.options ?? {};
      await strapi
        .plugin('email')
        .service('email')
        .sendTemplatedEmail(
          {
            to: user.email,
            from: template.from?.email
              ? `${template.from.name} <${template.from.email}>`
              : undefined,
            replyTo: template.response_email,
          },
          {
            subject: template.object ?? 'Set your password',
            text: template.message ?? '',
            html: template.message ?? '',
          },
          {
            URL: (advanced as { email_reset_password?: string } | null)?.email_reset_password ?? '',
            USER: { username: user.username, email: user.email },
            TOKEN: resetPasswordToken,
          }
        );
    } catch (error) {
      strapi.log.warn(
        `[crm] the password email for a new login could not be sent: ${(error as Error).message}`
      );
    }
  };

  /** `{ documentId: "x" }`, `{ documentId: { $eq | $in } }`, `{ id: … }`: the customers a company filter names. */
  const companiesNamed = async (filter: unknown): Promise<number[] | undefined> => {
    if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return undefined;
    const entries = Object.entries(filter as Record<string, unknown>);
    if (entries.length !== 1) return undefined;
    const [key, condition] = entries[0];
    if (key !== 'documentId' && key !== 'id') return undefined;
    let values: unknown[];
    if (typeof condition === 'string' || typeof condition === 'number') values = [condition];
    else if (condition && typeof condition === 'object' && !Array.isArray(condition)) {
      const [operator, operand] = Object.entries(condition as Record<string, unknown>)[0] ?? [];
      if (Object.keys(condition as object).length !== 1) return undefined;
      if (operator === '$eq' && (typeof operand === 'string' || typeof operand === 'number'))
        values = [operand];
      else if (operator === '$in' && Array.isArray(operand) && operand.length <= 100)
        values = operand;
      else return undefined;
    } else return undefined;
    if (key === 'id') {
      const ids = values.map(Number);
      // An id beyond the id column names no company.
      return ids.every(Number.isInteger) ? ids.filter(isRowId) : undefined;
    }
    const rows = await strapi.db
      .query(CUSTOMER_UID)
      .findMany({ where: { documentId: { $in: values.map(String) } }, select: ['id'] });
    return rows.map((row: { id: number }) => row.id);
  };

  return {
    /**
     * A list filtered by company (`filters[company][documentId]=…`) reads the company's contacts
     * from the company link table and filters by their ids: Strapi's relational filter joins the
     * link and customer tables from every contact, which scans all contacts on SQLite. Filters of
     * other shapes are left as they are.
     */
    async companyFilterByLink(filters: Record<string, unknown>): Promise<Record<string, unknown>> {
      if (!('company' in filters)) return filters;
      const companies = await companiesNamed(filters.company);
      if (!companies) return filters;
      const ids = await getService(strapi, 'network-repository').ownersLinkedTo(
        CONTACT_UID,
        'company',
        companies
      );
      if (ids.length > 5000) return filters;
      const { company: _company, ...others } = filters;
      const byId = { id: { $in: ids.length ? ids : [0] } };
      return Object.keys(others).length ? { $and: [others, byId] } : byId;
    },

    /**
     * Creates a confirmed users-permissions account for a contact, with no CRM role (the default
     * Authenticated role), and links it. The password is never returned: the account holder sets
     * one through the reset-password email.
     */
    async generateLogin(contactDocumentId: string, emailInput: unknown) {
      const { address: email } = validateEmail({ address: emailInput });
      const user = await strapi.db.transaction(async () => {
        const contact = await findContact(contactDocumentId, { user: { select: ['id'] } });
        await getService(strapi, 'customer-locks').lockRows(CONTACT_UID, [contact.id]);
        const fresh = await findContact(contactDocumentId, { user: { select: ['id'] } });
        if (fresh.isUser || fresh.user) throw conflict('this contact already has a login');
        const taken = await strapi.db
          .query(USER_UID)
          .findOne({ where: { $or: [{ email }, { username: email }] }, select: ['id'] });
        if (taken) throw conflict('this email is already used by another account');
        const role = await strapi.db
          .query(USER_ROLE_UID)
          .findOne({ where: { type: 'authenticated' }, select: ['id'] });
        const created = await strapi
          .plugin('users-permissions')
          .service('user')
          .add({
            username: email,
            email,
            provider: 'local',
            password: randomBytes(32).toString('base64url'),
            confirmed: true,
            blocked: false,
            role: role?.id,
          });
        await strapi.documents(CONTACT_UID).update({
          documentId: contactDocumentId,
          data: { isUser: true, user: created.id },
        });
        return created as { id: number; email: string; username: string; documentId: string };
      });
      await sendPasswordSetup(user);
      return {
        documentId: user.documentId,
        id: user.id,
        email: user.email,
        username: user.username,
      };
    },

    /**
     * Makes an individual customer from a contact, through the same rules as any customer, connects
     * it to the contact's company as an employee (titled with the job title), and links the contact
     * to it. All in one transaction: a broken rule leaves nothing behind.
     */
    async convert(contactDocumentId: string): Promise<StoredDocument | null> {
      return recordedTransaction(async (session) => {
        const contact = await findContact(contactDocumentId);
        await getService(strapi, 'customer-locks').lockRows(CONTACT_UID, [contact.id]);
        await session.watch(CONTACT_UID, [contact.id]);
        const fresh = await findContact(contactDocumentId, {
          convertedCustomer: { select: ['id'] },
          company: { select: ['id', 'documentId'] },
        });
        if (fresh.convertedCustomer)
          throw conflict('this contact has already been converted to a customer');

        const fields: ContactFields = fresh;
        const customer = (await strapi
          .documents(CUSTOMER_UID)
          .create({ data: documentData(CUSTOMER_UID, customerFromContact(fields)) })) as {
          id: number;
          documentId: string;
        };
        if (fresh.company) {
          await strapi.documents(CONNECTION_UID).create({
            data: {
              customer: fresh.company.documentId,
              connectedCustomer: customer.documentId,
              relationshipType: 'employee',
              title: fields.jobTitle ?? undefined,
            },
          });
        }
        await strapi.db
          .query(CONTACT_UID)
          .update({ where: { id: fresh.id }, data: { convertedCustomer: customer.id } });
        return strapi.documents(CUSTOMER_UID).findOne({
          documentId: customer.documentId,
          populate: ['addresses', 'phones', 'emails'],
        });
      });
    },

    /** The activity feed, newest first. */
    async activity(contactDocumentId: string, page: number, pageSize: number) {
      const contact = await findContact(contactDocumentId);
      // Through the link table: a relational `where` would scan every comment on SQLite.
      const ids = await getService(strapi, 'network-repository').ownersLinkedTo(
        ACTIVITY_UID,
        'contact',
        [contact.id]
      );
      const where = { id: { $in: ids } };
      const [results, total] = await Promise.all([
        strapi.db.query(ACTIVITY_UID).findMany({
          where,
          select: ['documentId', 'body', 'authorType', 'authorId', 'authorName', 'createdAt'],
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(ACTIVITY_UID).count({ where }),
      ]);
      return {
        results,
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /** A comment whose author is the caller, never what the body claims. */
    async comment(contactDocumentId: string, bodyInput: unknown, author: Actor) {
      const body = validateComment(bodyInput);
      const created = await recordedTransaction(async (session) => {
        const contact = await findContact(contactDocumentId);
        // Locked, so that an undo deciding whether to keep the contact sees this comment or waits.
        await getService(strapi, 'customer-locks').lockRows(CONTACT_UID, [contact.id]);
        await findContact(contactDocumentId);
        const comment = await strapi.db.query(ACTIVITY_UID).create({
          data: {
            body,
            contact: contact.id,
            authorType: author.type,
            authorId: author.id,
            authorName: author.name,
          },
        });
        session.created(ACTIVITY_UID, [comment.id]);
        return comment;
      });
      const { documentId, authorType, authorId, authorName, createdAt } = created;
      return { documentId, body, authorType, authorId, authorName, createdAt };
    },
  };
};
