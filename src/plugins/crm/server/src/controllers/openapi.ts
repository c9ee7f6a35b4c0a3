import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { buildOpenApiDocument } from '../openapi/document';
import { CONTENT_API_ROUTES } from '../routes/content-api';
import { errors } from '../utils/strapi-utils';

/** The version of the REST contract: raised when a path, field or shape changes. */
const API_VERSION = '1.0.0';

/** `GET /openapi.json`: the API's description, built on the first request (routes and types are fixed once started). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return {
    async document(ctx: Context) {
      // A body would go unread (Strapi parses none on a GET), and a client still sending it while
      // the large answer is written can see its connection cut: it is refused instead.
      if (ctx.request.length || ctx.get('transfer-encoding'))
        throw new errors.ValidationError('GET /openapi.json takes no body');
      document ??= buildOpenApiDocument(strapi, CONTENT_API_ROUTES, API_VERSION);
      ctx.body = document;
    },
  };
};
