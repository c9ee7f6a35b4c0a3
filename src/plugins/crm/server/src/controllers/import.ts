import { Readable } from 'node:stream';

import type { Core } from '@strapi/strapi';
import { errors } from '../utils/strapi-utils';
import type { Context } from 'koa';
import { z } from 'zod';

import { IMPORT_OBJECTS } from '../domain';
import { callerOf, requestActor } from '../utils/actor';
import { respond } from '../utils/errors';
import { getService } from '../utils/get-service';
import { pageParams, parseBody } from './request';

interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

const uploadBody = z.object({ object: z.enum(IMPORT_OBJECTS, { errorMap: () => ({ message: 'object is contacts or customers' }) }) });
const mappingBody = z.object({ mapping: z.record(z.string(), z.string().nullable()) });
const decisionsBody = z.object({
  decisions: z
    .array(z.object({ key: z.string(), action: z.enum(['create', 'link', 'skip']), customer: z.string().optional() }))
    .default([]),
  applyToAll: z.enum(['create', 'skip']).optional(),
});
const ROW_STATUSES = ['valid', 'invalid', 'imported', 'ignored', 'failed'] as const;
const logQuery = z.object({
  status: z
    .string()
    .default('invalid,ignored,failed')
    .transform((value) => value.split(',').map((status) => status.trim()).filter(Boolean))
    .pipe(z.array(z.enum(ROW_STATUSES, { errorMap: () => ({ message: `status is one or more of ${ROW_STATUSES.join(', ')}` }) })).min(1)),
  ...pageParams(500, 50),
});

/**
 * The import API: integrators call it under /api/crm, the admin panel's
 * wizard under /crm (admin RBAC); both run the same code.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const imports = () => getService(strapi, 'importJobs');
  const access = (ctx: Context) => ({ caller: callerOf(ctx), actor: requestActor(ctx) });
  /** The job of the route, if the caller may act on it (404 otherwise: another importer's job is not shown). */
  const jobOf = (ctx: Context) => imports().loadFor(ctx.params.id, access(ctx));

  return {
    async create(ctx: Context) {
      // The uploaded files are removed when the request ends (middlewares/remove-uploaded-files).
      const files = (ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {};
      const uploads = files.file === undefined ? [] : Array.isArray(files.file) ? files.file : [files.file];
      const { object } = parseBody(uploadBody, ctx.request.body);
      if (uploads.length === 0) throw new errors.ValidationError('file is required: a CSV file sent as multipart form data');
      // The parser lists the parts as they finish, so which of several would be imported is chance.
      if (uploads.length > 1) throw new errors.ValidationError(`one file per import: the request has ${uploads.length} parts named file`);
      const [upload] = uploads;
      const limit = getService(strapi, 'settings').get().importMaxBytes;
      if (upload.size > limit) throw new errors.PayloadTooLargeError(`the file is larger than the ${Math.round(limit / 1048576)} MB import limit`);
      await respond(ctx, 201, () =>
        imports().createFromUpload(
          { path: upload.filepath, fileName: upload.originalFilename ?? 'import.csv', size: upload.size, object },
          requestActor(ctx)
        )
      );
    },

    async findOne(ctx: Context) {
      await respond(ctx, 200, async () => imports().view(await jobOf(ctx)));
    },

    async setMapping(ctx: Context) {
      const { mapping } = parseBody(mappingBody, ctx.request.body);
      await respond(ctx, 200, async () => imports().setMapping((await jobOf(ctx)).documentId, mapping));
    },

    async referenceData(ctx: Context) {
      await respond(ctx, 200, async () => imports().referenceData((await jobOf(ctx)).documentId));
    },

    async start(ctx: Context) {
      const actor = requestActor(ctx);
      await respond(ctx, 202, async () => getService(strapi, 'importRunner').start((await jobOf(ctx)).documentId, `${actor.type}:${actor.name ?? actor.id}`));
    },

    async ignored(ctx: Context) {
      const job = await jobOf(ctx);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="ignored-${(job.fileName ?? 'import.csv').replace(/[^\w.-]+/g, '-')}"`);
      ctx.body = Readable.from(imports().ignoredCsv(job.documentId));
    },

    /** `GET …/:id/log?status=invalid,ignored,failed&page=&pageSize=`: the rows' outcomes, page by page. */
    async log(ctx: Context) {
      const query = parseBody(logQuery, ctx.query);
      const { data, meta } = await imports().log((await jobOf(ctx)).documentId, query);
      ctx.body = { data, meta };
    },

    async undo(ctx: Context) {
      await respond(ctx, 200, async () => getService(strapi, 'importUndo').undo((await jobOf(ctx)).documentId));
    },

    async decide(ctx: Context) {
      const { decisions, applyToAll } = parseBody(decisionsBody, ctx.request.body);
      await respond(ctx, 200, async () => imports().decide((await jobOf(ctx)).documentId, decisions, applyToAll));
    },
  };
};
