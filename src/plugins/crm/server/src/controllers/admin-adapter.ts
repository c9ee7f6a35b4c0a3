import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { CrmContentTypeUid } from '../utils/uids';
import type { CoreControllerApi } from './customer';
import type { InputOptions } from './nested-input';
import { boundedSanitizeQuery } from './query-bounds';

type Action = (ctx: Context) => Promise<unknown>;

/**
 * Runs an action of one of the plugin's content-API controllers for the admin panel: the same code
 * (and so the same services and document-service gates), with only the request and response
 * sanitisers swapped. An admin route is already guarded by the plugin's admin RBAC actions and an
 * admin holds no users-permissions role, so the sanitisers run without content-API credentials:
 * private fields (the SSN ciphertext) are still removed, unknown and non-writable ones refused, and
 * the caller's populate and pagination are bounded as on the content API.
 */
export const runForAdmin = (
  strapi: Core.Strapi,
  controllerName: string,
  modelUid: CrmContentTypeUid,
  action: string
): Action => {
  const options: InputOptions = {};
  const schema = () => strapi.getModel(modelUid);
  const sanitizers: Omit<CoreControllerApi, 'transformResponse'> = {
    validateQuery: async (ctx) => strapi.contentAPI.validate.query(ctx.query, schema(), options),
    sanitizeQuery: boundedSanitizeQuery(
      strapi,
      modelUid,
      async (ctx) =>
        (await strapi.contentAPI.sanitize.query(ctx.query, schema(), options)) as Record<
          string,
          unknown
        >
    ),
    validateInput: async (data) => strapi.contentAPI.validate.input(data, schema(), options),
    sanitizeInput: async (data) =>
      (await strapi.contentAPI.sanitize.input(data, schema(), options)) as Record<string, unknown>,
    sanitizeOutput: async (data) => strapi.contentAPI.sanitize.output(data, schema(), options),
    nestedInputOptions: () => options,
  };
  return (ctx) => {
    const controller = strapi.plugin('crm').controller(controllerName) as Record<string, Action>;
    const handler = controller[action];
    if (typeof handler !== 'function')
      throw new Error(`crm: the ${controllerName} controller has no ${action} action`);
    return handler.call(Object.assign(Object.create(controller), sanitizers), ctx);
  };
};
