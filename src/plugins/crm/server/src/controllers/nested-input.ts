import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { CONTACT_POINT_KINDS, CONTACT_POINT_PLURALS } from '../domain';
import { prefixValidationError } from '../utils/errors';
import { isPlainObject } from '../utils/relations';
import { CONTACT_POINT_UIDS } from '../utils/uids';

/** Options of Strapi's content-API validators and sanitisers (credentials, route, strictParams). */
export type InputOptions = NonNullable<
  Parameters<Core.Strapi['contentAPI']['validate']['input']>[2]
>;

export const contentApiOptions = (strapi: Core.Strapi, ctx: Context): InputOptions => ({
  auth: ctx.state.auth ?? {},
  route: ctx.state.route,
  strictParams: strapi.config.get('api.rest.strictParams') === true,
});

/**
 * Validates and sanitises a customer's nested contact points against their own content types, the
 * way Strapi does for any record, and returns them with the sanitised customer data. Strapi's
 * relation sanitiser would otherwise treat `addresses: [{ line1 }]` as a list of relation ids.
 */
export const sanitizeCustomerInput = async (
  strapi: Core.Strapi,
  ctx: Context,
  data: Record<string, unknown>,
  sanitizeRecord: (record: Record<string, unknown>) => Promise<Record<string, unknown>>,
  options: InputOptions = contentApiOptions(strapi, ctx)
) => {
  const record = { ...data };
  const nested: Record<string, unknown[]> = {};

  for (const kind of CONTACT_POINT_KINDS) {
    const plural = CONTACT_POINT_PLURALS[kind];
    const value = record[plural];
    if (!Array.isArray(value) || !value.every(isPlainObject)) continue;
    delete record[plural];
    const schema = strapi.getModel(CONTACT_POINT_UIDS[kind]);
    nested[plural] = await Promise.all(
      value.map(async (item, index) => {
        const { documentId, customer: _customer, ...fields } = item;
        try {
          await strapi.contentAPI.validate.input(fields, schema, options);
        } catch (error) {
          throw prefixValidationError(error, [plural, index]);
        }
        const clean = (await strapi.contentAPI.sanitize.input(fields, schema, options)) as Record<
          string,
          unknown
        >;
        return documentId === undefined ? clean : { ...clean, documentId };
      })
    );
  }
  return { ...(await sanitizeRecord(record)), ...nested };
};
