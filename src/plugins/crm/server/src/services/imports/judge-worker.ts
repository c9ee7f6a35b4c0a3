import { parentPort, workerData } from 'node:worker_threads';

import { judgeBatch } from './judge-thread';
import { createRowJudge, type JudgeSetup } from './row-judge';

/** A worker thread judging batches of an upload's rows (see judge-thread.ts). */
const rows = createRowJudge(workerData as JudgeSetup);

parentPort!.on(
  'message',
  ({ id, records }: { id: number; records: { line: number; cells: string[] }[] }) => {
    try {
      parentPort!.postMessage({ id, batch: judgeBatch(rows, records) });
    } catch (error) {
      parentPort!.postMessage({ id, error: String((error as Error).stack ?? error) });
    }
  }
);
