import type { Core } from '@strapi/strapi';

import {
  CONTACT_FIELD_NAMES,
  DomainValidationError,
  contactListCandidates,
  validateContact,
} from '../domain';
import { getService } from '../utils/get-service';
import { pick } from '../utils/pick';
import { readToOneChange, whereRef } from '../utils/relations';
import { CONTACT_UID, USER_UID } from '../utils/uids';

type Next = () => Promise<unknown>;
type Params = { documentId?: string; data?: Record<string, unknown> };

/**
 * The single write path for contacts: every field through the domain's contact rules,
 * `user` exactly when `isUser`, `company` an existing customer; activity goes with the contact.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings').get();
  const matchKeys = () => getService(strapi, 'duplicates');

  /** Whether the contact will have a user after the write, checking a newly given one exists. */
  const resolveUser = async (value: unknown, current: boolean): Promise<boolean> => {
    const change = readToOneChange(value);
    if (change.kind === 'unchanged') return current;
    if (change.kind === 'clear') return false;
    const where = whereRef(change.ref);
    if (!where || !(await strapi.db.query(USER_UID).findOne({ where, select: ['id'] }))) {
      throw new DomainValidationError({
        path: ['user'],
        rule: 'contact.user',
        message: 'user does not exist',
      });
    }
    return true;
  };

  const write = async (params: Params, current: Record<string, unknown> | null) => {
    const data = { ...(params.data ?? {}) };
    delete data.convertedCustomer; // set by the conversion only
    delete data.displayName; // the CRM's, from the name and the company's
    const hasUser = await resolveUser(data.user, Boolean(current?.user));
    const company = await getService(strapi, 'customer-refs').resolveLocked(
      data.company,
      'company'
    );
    const fields = validateContact(
      {
        ...(current ? pick(current, CONTACT_FIELD_NAMES) : {}),
        ...pick(data, CONTACT_FIELD_NAMES),
      },
      { defaultCountry: settings().defaultCountry, hasUser }
    );
    // An erased person's e-mail or phone may not come back; values the contact keeps pass.
    await getService(strapi, 'erasure-list').assertNotErased(
      contactListCandidates(fields as unknown as Record<string, unknown>).filter(
        (candidate) => !current || candidate.value !== current[candidate.field]
      )
    );
    if (!current || 'externalId' in data)
      await getService(strapi, 'external-ids').assertFree(
        CONTACT_UID,
        fields.externalId,
        current?.id as number | undefined
      );
    const companyId =
      company === undefined
        ? ((current?.company as { id?: number } | null | undefined)?.id ?? null)
        : (company?.id ?? null);
    params.data = {
      ...data,
      ...(current ? pick(fields, Object.keys(data)) : fields),
      displayName: await getService(strapi, 'display-names').ofContact(fields, companyId),
    };
  };

  return {
    async create(params: Params, next: Next) {
      await write(params, null);
      const created = (await next()) as { id?: number } | null;
      if (created?.id) await matchKeys().refresh('contact', [created.id]);
      return created;
    },

    async update(params: Params, next: Next) {
      const find = () =>
        params.documentId
          ? strapi.db.query(CONTACT_UID).findOne({
              where: { documentId: params.documentId },
              populate: { user: { select: ['id'] }, company: { select: ['id'] } },
            })
          : null;
      const before = await find();
      if (!before) return next();
      // Locked, so that an undo or a delete cannot remove the contact while it is being written.
      await getService(strapi, 'customer-locks').lockRows(CONTACT_UID, [before.id]);
      const current = await find();
      if (!current) return next();
      await write(params, current);
      const updated = await next();
      await matchKeys().refresh('contact', [current.id]);
      return updated;
    },

    async delete(params: Params, next: Next) {
      const contact = params.documentId
        ? await strapi.db
            .query(CONTACT_UID)
            .findOne({ where: { documentId: params.documentId }, select: ['id'] })
        : null;
      if (contact) await getService(strapi, 'record-removal').detachContacts([contact.id]);
      return next();
    },
  };
};
