import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { IMPORT_JOB_UID } from '../utils/uids';

/** What a node reads of a job it runs. */
/**
 * A batch found at its end that its job is no longer this node's: the node stalled past the stale
 * time and another took the job over. The batch rolls back; its work stays for the new owner.
 */
export class JobTakenOver extends Error {
  constructor() {
    super('the job was taken over by another node');
  }
}

export interface JobOwner {
  stage: string;
  workerId: string | null;
  heartbeatAt: Date | null;
}

/**
 * The row-locked reads and writes of import jobs that the background runner needs: claiming a
 * job, its decisions read under lock, its owner, its heartbeat with progress. A lock is a row lock
 * on PostgreSQL; SQLite's one connection runs one transaction at a time already.
 */
export const createImportJobClaims = (strapi: Core.Strapi) =>
  createJobClaims(strapi, IMPORT_JOB_UID);

/**
 * The same claims over any background job type with `stage`, `worker_id`, `heartbeat_at` and
 * `progress` columns (imports, duplicate scans).
 */
export const createJobClaims = (strapi: Core.Strapi, uid: string) => {
  const table = () => strapi.db.metadata.get(uid).tableName;
  const locked = <T>(query: Knex.QueryBuilder): PromiseLike<T> =>
    strapi.db.dialect.client === 'sqlite' ? query : query.forUpdate();

  return {
    /**
     * Takes a running job for `workerId` when nobody else holds it, or its holder's heartbeat is
     * older than `staleMs`; true when `workerId` now holds it.
     */
    async claim(jobId: number, workerId: string, staleMs: number): Promise<boolean> {
      return strapi.db.transaction(async ({ trx }) => {
        const job = await locked<{ worker_id: string | null; heartbeat_at: unknown } | undefined>(
          trx(table())
            .where({ id: jobId, stage: 'running' })
            .first('id', 'worker_id', 'heartbeat_at')
        );
        if (!job) return false;
        const heartbeat = job.heartbeat_at ? new Date(job.heartbeat_at as string).getTime() : 0;
        if (job.worker_id && job.worker_id !== workerId && Date.now() - heartbeat < staleMs)
          return false;
        await trx(table())
          .where({ id: jobId })
          .update({ worker_id: workerId, heartbeat_at: new Date() });
        return true;
      });
    },

    /** The job's decisions, locked until the transaction `trx` ends. */
    async lockedDecisions<T>(trx: Knex, jobId: number): Promise<T | null> {
      const job = await locked<{ decisions: unknown } | undefined>(
        trx(table()).where({ id: jobId }).first('decisions')
      );
      const stored = job?.decisions ?? null;
      return (typeof stored === 'string' ? JSON.parse(stored) : stored) as T | null;
    },

    /** The job's stage and the node that holds it. */
    async owner(jobId: number): Promise<JobOwner | null> {
      const row = await strapi.db
        .connection(table())
        .where({ id: jobId })
        .first('stage', 'worker_id', 'heartbeat_at');
      return row
        ? {
            stage: row.stage,
            workerId: row.worker_id ?? null,
            heartbeatAt: row.heartbeat_at ? new Date(row.heartbeat_at) : null,
          }
        : null;
    },

    /**
     * Writes the heartbeat of a job `workerId` still holds, outside any batch's transaction;
     * false when the job has been taken over or has ended.
     */
    async touch(jobId: number, workerId: string): Promise<boolean> {
      const updated = await strapi.db
        .connection(table())
        .where({ id: jobId, stage: 'running', worker_id: workerId })
        .update({ heartbeat_at: new Date() });
      return Number(updated) > 0;
    },

    /**
     * Writes the heartbeat and the progress in the batch's transaction, if `workerId` still holds
     * the running job; else throws `JobTakenOver`, which rolls the batch back. The update locks
     * the job's row until the batch commits, so a takeover either came before (and is found here)
     * or waits for the batch, and then finds a fresh heartbeat.
     */
    async beat(
      trx: Knex,
      jobId: number,
      workerId: string,
      progress: { done: number; total: number }
    ): Promise<void> {
      const updated = await trx(table())
        .where({ id: jobId, stage: 'running', worker_id: workerId })
        .update({ heartbeat_at: new Date(), progress: JSON.stringify(progress) });
      if (Number(updated) === 0) throw new JobTakenOver();
    },
  };
};
