import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { contactMatchInput, customerMatchInput } from '../domain/duplicate-input';
import type { MatchKind } from '../repositories/match-keys';
import { duplicateView } from '../services/duplicates';
import { requestActor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { CUSTOMER_UID } from '../utils/uids';
import { duplicateCheckBody, scanBody, scanQuery } from '../validation/duplicates';
import { parseBody } from '../validation/parse';

/**
 * Possible duplicates: of a stored customer or contact, and of one about to be created (a form
 * warning before it saves). Both answer `{ data: [{ customer|contact, score, reasons }] }`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const duplicates = () => getService(strapi, 'duplicates');
  const defaultCountry = () => getService(strapi, 'settings').get().defaultCountry;

  const ofRecord = async (ctx: Context, kind: MatchKind) => {
    const found = await duplicates().duplicatesOf(kind, ctx.params.id);
    ctx.body = { data: found.map((candidate) => duplicateView(kind, candidate)), meta: {} };
  };

  /** The name of the company a contact's data names (documentId or id), for the matcher. */
  const companyName = async (value: unknown): Promise<string | null> => {
    const ref =
      typeof value === 'object' && value !== null && 'documentId' in value
        ? (value as { documentId: unknown }).documentId
        : value;
    if (typeof ref !== 'string' && typeof ref !== 'number') return null;
    const company = await strapi.db.query(CUSTOMER_UID).findOne({
      where: typeof ref === 'number' ? { id: ref } : { documentId: ref },
      select: ['businessName', 'firstName', 'lastName'],
    });
    if (!company) return null;
    return (
      company.businessName ??
      ([company.firstName, company.lastName].filter(Boolean).join(' ') || null)
    );
  };

  const check = async (ctx: Context, kind: MatchKind) => {
    const { data } = parseBody(duplicateCheckBody, ctx.request.body);
    const record =
      kind === 'customer'
        ? customerMatchInput(data, {
            defaultCountry: defaultCountry(),
            hashSsn: (digits) => getService(strapi, 'ssn').cipher().hash(digits),
          })
        : contactMatchInput(
            data,
            { defaultCountry: defaultCountry() },
            await companyName(data.company)
          );
    const found = await duplicates().candidatesOf(kind, record);
    ctx.body = { data: found.map((candidate) => duplicateView(kind, candidate)), meta: {} };
  };

  return {
    customerDuplicates: (ctx: Context) => ofRecord(ctx, 'customer'),
    contactDuplicates: (ctx: Context) => ofRecord(ctx, 'contact'),
    customerCheck: (ctx: Context) => check(ctx, 'customer'),
    contactCheck: (ctx: Context) => check(ctx, 'contact'),

    async startScan(ctx: Context) {
      const { object } = parseBody(scanBody, ctx.request.body);
      ctx.status = 202;
      ctx.body = {
        data: await getService(strapi, 'duplicate-scans').start(object, requestActor(ctx)),
        meta: {},
      };
    },

    async readScan(ctx: Context) {
      const { page, pageSize } = parseBody(scanQuery, ctx.query);
      ctx.body = await getService(strapi, 'duplicate-scans').read(ctx.params.id, page, pageSize);
    },
  };
};
