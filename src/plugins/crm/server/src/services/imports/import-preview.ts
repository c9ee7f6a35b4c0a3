import type { Core } from '@strapi/strapi';

import type { ImportPreview } from '../../../../contracts';
import { getService } from '../../utils/get-service';
import { CUSTOMER_UID } from '../../utils/uids';
import {
  createImportBatch,
  emptyPreviewCarry,
  type BatchJob,
  type CompanyTarget,
} from './import-batch';
import type { Decision } from './import-jobs';

const PAGE = 2000;

/** A customer the import will create: no id yet. */
const NEW_COMPANY = { id: -1 };

/**
 * What a job would do if started now: its valid rows judged page by page as the run judges them,
 * against the records as they are, writing nothing. A company still undecided, or to be created,
 * counts as a new customer.
 */
export const createImportPreview = (strapi: Core.Strapi) => {
  const batches = createImportBatch(strapi);
  const staging = () => getService(strapi, 'import-rows');

  const plannedCompanies = async (
    decisions: Record<string, Decision> | null,
    keys: string[]
  ): Promise<Map<string, CompanyTarget>> => {
    const targets = new Map<string, CompanyTarget>(keys.map((key) => [key, NEW_COMPANY]));
    const linked = Object.entries(decisions ?? {}).filter(
      (entry): entry is [string, { action: 'link'; customer: string }] => entry[1].action === 'link'
    );
    const found = (
      linked.length
        ? await strapi.db.query(CUSTOMER_UID).findMany({
            where: { documentId: { $in: linked.map(([, decision]) => decision.customer) } },
            select: ['id', 'documentId'],
          })
        : []
    ) as { id: number; documentId: string }[];
    const idOf = new Map(found.map((customer) => [customer.documentId, customer.id]));
    for (const [key, decision] of Object.entries(decisions ?? {})) {
      if (decision.action === 'skip') targets.set(key, 'skip');
      if (decision.action === 'link') {
        const id = idOf.get(decision.customer);
        targets.set(key, id === undefined ? 'missing' : { id });
      }
    }
    return targets;
  };

  return {
    async preview(
      job: BatchJob & { decisions: Record<string, Decision> | null }
    ): Promise<ImportPreview> {
      const groups = job.object === 'contacts' ? await staging().unmatchedGroups(job.id) : [];
      const companies = await plannedCompanies(
        job.decisions,
        groups.map((group) => group.key)
      );
      const total: ImportPreview = { create: 0, update: 0, unchanged: 0, ignored: 0 };
      const carry = emptyPreviewCarry();
      for (let after = 0; ;) {
        const rows = await staging().pending(job.id, after, PAGE);
        if (rows.length === 0) break;
        after = rows[rows.length - 1].line;
        const counted = await batches.preview(job, rows, companies, carry);
        for (const key of Object.keys(total) as (keyof ImportPreview)[]) total[key] += counted[key];
      }
      return total;
    },
  };
};
