import { Worker } from 'node:worker_threads';

import type { CompanyProbe } from '../../domain';
import type { EncodedRow } from '../../repositories/import-rows';
import { mapYielding } from '../../utils/event-loop';
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

/** A row judged and encoded for the staging table, and what its company is found by. */
const judgeRecord = (rows: RowJudge, record: Records[number]) => {
  const outcome = rows.judge(record);
  return { row: rows.encode(record, outcome), company: outcome.company };
};

/** Judges and encodes a batch (either thread). */
export function judgeBatch(rows: RowJudge, records: Records): JudgedBatch {
  const batch: JudgedBatch = { rows: [], companies: [] };
  for (const record of records) {
    const { row, company } = judgeRecord(rows, record);
    batch.rows.push(row);
    batch.companies.push(company);
  }
  return batch;
}

/**
 * In this thread: for small files, where starting a worker would cost more than it saves. The
 * event loop gets a turn whenever a slice of time is over, so requests are answered meanwhile.
 */
export function judgeHere(setup: JudgeSetup): BatchJudge {
  const rows = createRowJudge(setup);
  return {
    judge: async (records) => {
      const judged = await mapYielding(records, (record) => judgeRecord(rows, record));
      return {
        rows: judged.map((one) => one.row),
        companies: judged.map((one) => one.company),
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
