import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

import { createRowJudge, encodeStagedRow, type EncodedRow, type JudgeSetup } from './row-judge';

/** Young-generation limit of the validation thread, in MB. */
const YOUNG_GENERATION_MB = 8;
/** How the share of each batch judged on this thread moves: every 200 ms at most, by 5%, up to 60%. */
const BALANCE_EVERY_MS = 200;
const SHARE_STEP = 0.05;
const MAX_SHARE = 0.6;

type Records = { line: number; cells: string[] }[];

export interface BatchJudge {
  /** The batch's rows judged and encoded for the staging table. */
  judge(records: Records): Promise<EncodedRow[]>;
  close(): Promise<void>;
}

/** In this thread: for small files, where starting a worker would cost more than it saves. */
export function judgeHere(setup: JudgeSetup): BatchJudge {
  const judge = createRowJudge(setup);
  return {
    judge: async (records) => records.map((record) => encodeStagedRow(record, judge(record))),
    close: async () => undefined,
  };
}

/**
 * In a worker thread: validation (phone numbers above all) is most of an upload's work, so a
 * large file is judged on a second core while this thread parses the file and writes the rows.
 * This thread judges a share of each batch too, sized so that both threads are equally busy (when
 * it waits on the database, it has time to spare). The rules are the same domain functions
 * (row-judge.ts); only the thread differs.
 */
export function judgeInWorker(setup: JudgeSetup): BatchJudge {
  // The thread's young generation is kept small: it only turns batches over, and V8's default
  // (sized for a whole application) would add tens of megabytes of resident memory to an upload.
  const worker = new Worker(join(__dirname, 'judge-worker.js'), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const local = createRowJudge(setup);
  const waiting = new Map<number, { resolve: (rows: EncodedRow[]) => void; reject: (error: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;

  // The fraction of each batch judged on this thread, moved toward whichever thread is less busy.
  let share = 0.2;
  let since = { at: performance.now(), loop: performance.eventLoopUtilization(), workerBusyMs: 0 };
  const balance = (workerBusyMs: number) => {
    since.workerBusyMs += workerBusyMs;
    const elapsed = performance.now() - since.at;
    if (elapsed < BALANCE_EVERY_MS) return;
    const busyHere = performance.eventLoopUtilization(since.loop).utilization;
    const busyThere = since.workerBusyMs / elapsed;
    share = Math.min(MAX_SHARE, Math.max(0, share + (busyHere < busyThere ? SHARE_STEP : -SHARE_STEP)));
    since = { at: performance.now(), loop: performance.eventLoopUtilization(), workerBusyMs: 0 };
  };

  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', ({ id, rows, busyMs, error }: { id: number; rows?: EncodedRow[]; busyMs?: number; error?: string }) => {
    const pending = waiting.get(id);
    waiting.delete(id);
    if (error) return pending?.reject(new Error(error));
    balance(busyMs ?? 0);
    pending?.resolve(rows!);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the row validation thread stopped (exit code ${code})`)));
  const inWorker = (records: Records): Promise<EncodedRow[]> => {
    if (records.length === 0) return Promise.resolve([]);
    const id = (next += 1);
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, records });
    });
  };
  return {
    async judge(records) {
      if (failure) throw failure;
      const split = Math.round(records.length * share);
      const fromWorker = inWorker(records.slice(split));
      fromWorker.catch(() => undefined); // awaited below, after this thread's share
      const judgedHere = records.slice(0, split).map((record) => encodeStagedRow(record, local(record)));
      return judgedHere.concat(await fromWorker);
    },
    async close() {
      await worker.terminate();
    },
  };
}
