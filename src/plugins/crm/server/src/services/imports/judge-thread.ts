import { Worker } from 'node:worker_threads';

import type { CompanyProbe } from '../../domain';
import type { EncodedRow } from '../../repositories/import-rows';
import { mapInSlices } from '../../utils/event-loop';
import { createRowJudge, type JudgeSetup, type RowJudge } from './row-judge';

/**
 * The worker is an entry of its own in the built package (exports "./judge-worker"): resolved
 * through the package's exports, it is found wherever the bundler put this code.
 */
const WORKER_ENTRY = 'strapi-plugin-crm/judge-worker';

/** Young-generation limit of the validation thread, in MB. */
const YOUNG_GENERATION_MB = 8;

type Records = { line: number; cells: string[] }[];

/** A batch's rows encoded for the staging table, and what each valid contact's company is found by. */
export interface JudgedBatch {
  rows: EncodedRow[];
  companies: (CompanyProbe | null)[];
}

export interface BatchJudge {
  /** The batch's rows judged and encoded for the staging table (companies not matched yet). */
  judge(records: Records): Promise<JudgedBatch>;
  close(): Promise<void>;
}

/** Judges and encodes a batch (either thread). */
export function judgeBatch(rows: RowJudge, records: Records): JudgedBatch {
  const batch: JudgedBatch = { rows: [], companies: [] };
  for (const record of records) {
    const outcome = rows.judge(record);
    batch.rows.push(rows.encode(record, outcome));
    batch.companies.push(outcome.company);
  }
  return batch;
}

/** Rows judged in this thread between two turns of the event loop (some 10 ms of work). */
const SLICE = 250;

/**
 * In this thread: for small files, where starting a worker would cost more than it saves. The
 * event loop gets a turn every `SLICE` rows, so requests are answered meanwhile.
 */
export function judgeHere(setup: JudgeSetup): BatchJudge {
  const rows = createRowJudge(setup);
  return {
    judge: async (records) => {
      const slices: Records[] = [];
      for (let at = 0; at < records.length; at += SLICE) slices.push(records.slice(at, at + SLICE));
      const judged = await mapInSlices(slices, 1, (slice) => judgeBatch(rows, slice));
      return {
        rows: judged.flatMap((batch) => batch.rows),
        companies: judged.flatMap((batch) => batch.companies),
      };
    },
    close: async () => undefined,
  };
}

/**
 * In a worker thread: validation (phone numbers above all) is most of an upload's work, so a
 * large file is judged on a second core while this thread parses the file and writes the rows.
 * The rules are the same domain functions (row-judge.ts); only the thread differs.
 */
export function judgeInWorker(setup: JudgeSetup): BatchJudge {
  // The thread's young generation is kept small: it only turns batches over, and V8's default
  // (sized for a whole application) would add tens of megabytes of resident memory to an upload.
  const worker = new Worker(require.resolve(WORKER_ENTRY), {
    workerData: setup,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const waiting = new Map<
    number,
    { resolve: (batch: JudgedBatch) => void; reject: (error: Error) => void }
  >();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on(
    'message',
    ({ id, batch, error }: { id: number; batch?: JudgedBatch; error?: string }) => {
      const pending = waiting.get(id);
      waiting.delete(id);
      if (error) pending?.reject(new Error(error));
      else pending?.resolve(batch!);
    }
  );
  worker.on('error', failAll);
  worker.on('exit', (code) =>
    failAll(new Error(`the row validation thread stopped (exit code ${code})`))
  );
  return {
    judge(records) {
      if (failure) return Promise.reject(failure);
      const id = (next += 1);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, records });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
