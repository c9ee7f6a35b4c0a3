import type { CsvRecord } from '../../../src/plugins/crm/server/src/services/imports/csv-reader';
import { readXlsx } from '../../../src/plugins/crm/server/src/services/imports/xlsx-reader';

/** Reads a whole workbook's sheet through `readXlsx`: its header, every record and the result. */
export const readWorkbook = async (path: string, sheet?: string) => {
  let headers: string[] = [];
  const records: CsvRecord[] = [];
  const result = await readXlsx(
    path,
    {
      onHeader: (found) => {
        headers = found;
      },
      onBatch: async (batch) => {
        records.push(...batch);
      },
    },
    { batchSize: 100, sheet }
  );
  return { headers, records, result };
};
