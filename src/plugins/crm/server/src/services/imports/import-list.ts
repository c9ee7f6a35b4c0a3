import type { Core } from '@strapi/strapi';

import type { ImportSummary } from '../../../../contracts';
import { mayActOnEveryImport } from '../../permissions';
import { IMPORT_JOB_UID } from '../../utils/uids';
import type { JobAccess } from './import-jobs';

interface JobRow {
  documentId: string;
  object: 'contacts' | 'customers';
  fileName: string | null;
  format: string | null;
  stage: string;
  counts: Record<string, number> | null;
  ownerType: string | null;
  ownerId: string | null;
  ownerName: string | null;
  createdAt: string | Date;
  startedAt: string | Date | null;
  finishedAt: string | Date | null;
  undoneAt: string | Date | null;
}

const FIELDS = [
  'documentId',
  'object',
  'fileName',
  'format',
  'stage',
  'counts',
  'ownerType',
  'ownerId',
  'ownerName',
  'createdAt',
  'startedAt',
  'finishedAt',
  'undoneAt',
];

const iso = (value: string | Date | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).toISOString();

const summaryOf = (job: JobRow): ImportSummary => ({
  documentId: job.documentId,
  object: job.object === 'customers' ? 'customer' : 'contact',
  fileName: job.fileName ?? null,
  format: job.format ?? null,
  stage: job.stage,
  counts: job.counts ?? null,
  ownerType: job.ownerType ?? null,
  ownerId: job.ownerId ?? null,
  ownerName: job.ownerName ?? null,
  createdAt: iso(job.createdAt) ?? '',
  startedAt: iso(job.startedAt),
  finishedAt: iso(job.finishedAt),
  undoneAt: iso(job.undoneAt),
});

/**
 * The imports a caller may see, newest first: every job for one who may act on every import
 * (`mayActOnEveryImport`), its own otherwise. Only the columns a summary shows are read.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(access: JobAccess, page: number, pageSize: number) {
    const where = mayActOnEveryImport(access.caller)
      ? {}
      : { ownerType: access.actor.type, ownerId: access.actor.id };
    const jobs = strapi.db.query(IMPORT_JOB_UID);
    const [rows, total] = await Promise.all([
      jobs.findMany({
        where,
        select: FIELDS,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<JobRow[]>,
      jobs.count({ where }),
    ]);
    return {
      results: rows.map(summaryOf),
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
  },
});
