import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { contactMatchInput, customerMatchInput } from '../domain/duplicate-input';
import type { MatchKind } from '../repositories/match-keys';
import { createMatchRecords } from '../repositories/match-records';
import { duplicateView } from '../services/duplicates';
import { conflict } from '../utils/errors';
import { getService } from '../utils/get-service';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import { withKnex } from '../utils/with-knex';

/** `?allowDuplicate=true`: create even when a duplicate blocks it. Taken off the query Strapi validates. */
export const takeAllowDuplicate = (ctx: Context): boolean => {
  const { allowDuplicate, ...rest } = ctx.query as Record<string, unknown>;
  ctx.query = rest as Context['query'];
  return allowDuplicate === 'true' || allowDuplicate === true;
};

/**
 * What REST creates and updates say of duplicates: a create that a likely duplicate blocks (when
 * the plugin is set to block) is a 409 listing the candidates; every create and update answers its
 * possible duplicates in `meta.possibleDuplicates`.
 */
export const createDuplicateWarnings = (strapi: Core.Strapi) => {
  const duplicates = () => getService(strapi, 'duplicates');
  const settings = () => getService(strapi, 'settings').get();
  const records = createMatchRecords(strapi);

  const inputOf = (kind: MatchKind, data: Record<string, unknown>) =>
    kind === 'customer'
      ? customerMatchInput(data, {
          defaultCountry: settings().defaultCountry,
          hashSsn: (digits) => getService(strapi, 'ssn').cipher().hash(digits),
        })
      : contactMatchInput(data, { defaultCountry: settings().defaultCountry });

  return {
    /** Refuses a create a likely duplicate blocks, unless the request allows it. */
    async guardCreate(kind: MatchKind, data: Record<string, unknown>, allowed: boolean) {
      const { onCreate, blockScore } = settings().duplicates;
      if (onCreate !== 'block' || allowed) return;
      const blocking = await duplicates().candidatesOf(kind, inputOf(kind, data), [], blockScore);
      if (blocking.length === 0) return;
      throw conflict(
        `this ${kind} looks like ${blocking.length === 1 ? 'an existing one' : `${blocking.length} existing ones`}: open it, or create anyway with ?allowDuplicate=true`,
        { duplicates: blocking.map((candidate) => duplicateView(kind, candidate)) }
      );
    },

    /** The possible duplicates of a saved record, as `meta.possibleDuplicates` lists them. */
    async of(kind: MatchKind, documentId: string | undefined) {
      if (!documentId) return [];
      const uid = kind === 'customer' ? CUSTOMER_UID : CONTACT_UID;
      const row = await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'] });
      if (!row) return [];
      const [saved] = await withKnex(strapi, (knex) =>
        kind === 'customer' ? records.customers(knex, [row.id]) : records.contacts(knex, [row.id])
      );
      if (!saved) return [];
      const found = await duplicates().candidatesOf(kind, saved.record, [row.id]);
      return found.map((candidate) => duplicateView(kind, candidate));
    },
  };
};
