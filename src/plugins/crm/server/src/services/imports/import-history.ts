import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { SYSTEM_ACTOR, type Actor } from '../../utils/actor';
import { getService } from '../../utils/get-service';
import type { HistoryWriter } from '../history';

/** The job as its history writer needs it: its ids and who created it. */
export interface JobOwner {
  id: number;
  documentId: string;
  ownerType?: Actor['type'] | null;
  ownerId?: string | null;
  ownerName?: string | null;
}

/**
 * "import <job>" on behalf of `actor` (by default the user who created the job); its documentId is
 * the job's, so the history can be filtered by the import as well as by the user.
 */
export const importWriter = (strapi: Core.Strapi, job: JobOwner, actor?: Actor): HistoryWriter => ({
  ...getService(strapi, 'history').onBehalfOf(
    'import',
    String(job.id),
    `import ${job.id}`,
    actor ??
      (job.ownerType
        ? { type: job.ownerType, id: job.ownerId ?? null, name: job.ownerName ?? null }
        : SYSTEM_ACTOR)
  ),
  documentId: job.documentId,
});

/**
 * Runs `work` (inside a transaction) with every change it makes recorded as written by `writer`,
 * in one history session flushed before `work`'s transaction commits.
 */
export const withHistory = <T>(
  strapi: Core.Strapi,
  writer: HistoryWriter,
  work: () => Promise<T>
): Promise<T> => {
  const history = getService(strapi, 'history');
  return history.actingAs(writer, () => history.inSession(() => work()));
};

/** The open history session of the write under way (none outside `withHistory`). */
export const historySession = (strapi: Core.Strapi) =>
  getService(strapi, 'history').currentSession();

/** A transaction whose changes are recorded as written by `writer` (see `withHistory`). */
export const historyTransaction = async <T>(
  strapi: Core.Strapi,
  writer: HistoryWriter,
  work: (trx: Knex) => Promise<T>
): Promise<T> => {
  const result = await strapi.db.transaction(({ trx }) =>
    withHistory(strapi, writer, () => work(trx))
  );
  return result as T;
};
