import { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { callerOf, requestActor } from '../utils/actor';
import { respond } from '../utils/errors';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { pageQuery } from '../validation/admin-pages';
import { decisionsBody, logQuery, mappingBody, modeBody, readUpload } from '../validation/import';
import { parseBody } from '../validation/parse';

/**
 * The import API: integrators call it under /api/crm, the admin panel's
 * wizard under /crm (admin RBAC); both run the same code.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const imports = () => getService(strapi, 'import-jobs');
  const access = (ctx: Context) => ({ caller: callerOf(ctx), actor: requestActor(ctx) });
  /** The job of the route, if the caller may act on it (404 otherwise: another importer's job is not shown). */
  const jobOf = (ctx: Context) => imports().loadFor(ctx.params.id, access(ctx));

  return {
    async create(ctx: Context) {
      // The uploaded files are removed when the request ends (middlewares/remove-uploaded-files).
      const { object, upload, encoding, defaultCountry, sheet } = readUpload(ctx.request);
      const limit = getService(strapi, 'settings').get().importMaxBytes;
      if (upload.size > limit)
        throw new errors.PayloadTooLargeError(
          `the file is larger than the ${Math.round(limit / 1048576)} MB import limit`
        );
      await respond(ctx, 201, () =>
        imports().createFromUpload(
          {
            path: upload.filepath,
            fileName: upload.originalFilename ?? 'import.csv',
            size: upload.size,
            object,
            encoding,
            defaultCountry,
            sheet,
          },
          requestActor(ctx)
        )
      );
    },

    /** `GET …/imports?page=&pageSize=`: the caller's imports (every one, for who may act on all), newest first. */
    async list(ctx: Context) {
      const { page, pageSize } = parseBody(pageQuery, ctx.query);
      const { results, pagination } = await getService(strapi, 'import-list').list(
        access(ctx),
        page,
        pageSize
      );
      ctx.body = { data: results, meta: { pagination } };
    },

    async findOne(ctx: Context) {
      await respond(ctx, 200, async () => imports().viewWithPreview(await jobOf(ctx)));
    },

    async setMode(ctx: Context) {
      const change = parseBody(modeBody, ctx.request.body);
      await respond(ctx, 200, async () => imports().setMode((await jobOf(ctx)).documentId, change));
    },

    async setMapping(ctx: Context) {
      const { mapping, dateFormats } = parseBody(mappingBody, ctx.request.body);
      await respond(ctx, 200, async () =>
        imports().setMapping((await jobOf(ctx)).documentId, mapping, dateFormats)
      );
    },

    async referenceData(ctx: Context) {
      await respond(ctx, 200, async () => imports().referenceData((await jobOf(ctx)).documentId));
    },

    async start(ctx: Context) {
      const actor = requestActor(ctx);
      await respond(ctx, 202, async () =>
        getService(strapi, 'import-runner').start(
          (await jobOf(ctx)).documentId,
          `${actor.type}:${actor.name ?? actor.id}`
        )
      );
    },

    async ignored(ctx: Context) {
      const job = await jobOf(ctx);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="ignored-${(job.fileName ?? 'import.csv').replace(/[^\w.-]+/g, '-')}"`
      );
      ctx.body = Readable.from(imports().ignoredCsv(job.documentId));
    },

    /** `GET …/:id/log?status=invalid,ignored,failed&page=&pageSize=`: the rows' outcomes, page by page. */
    async log(ctx: Context) {
      const query = parseBody(logQuery, ctx.query);
      const { data, meta } = await imports().log((await jobOf(ctx)).documentId, query);
      ctx.body = { data, meta };
    },

    async undo(ctx: Context) {
      await respond(ctx, 200, async () =>
        getService(strapi, 'import-undo').undo((await jobOf(ctx)).documentId)
      );
    },

    async decide(ctx: Context) {
      const { decisions, applyToAll } = parseBody(decisionsBody, ctx.request.body);
      await respond(ctx, 200, async () =>
        imports().decide((await jobOf(ctx)).documentId, decisions, applyToAll)
      );
    },
  };
};
