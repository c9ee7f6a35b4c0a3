import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { customerNumberSequence, customerSearchText, type SearchPlan } from '../domain';
import { IDS_PER_STATEMENT, createSearchRepository, type IndexRow } from '../repositories/search';
import { getService } from '../utils/get-service';

export type { IndexRow } from '../repositories/search';

/** Customers without a readable customer number sort after all others, by id. */
const UNNUMBERED = 1_000_000_000_000;
const REBUILD_BATCH = 5000;

export interface SearchHits {
  /** document ids of the page, in rank order */
  documentIds: string[];
  /** matches counted, up to the count limit */
  total: number;
  /** false when there are more matches than the count limit (the total is then that limit) */
  exact: boolean;
}

/**
 * The customer search index: one row per customer with its folded searchable text
 * (`customerSearchText`), its document id and the number of its customer number (the order within
 * a rank), kept by the search repository (a trigram index on either database). Every write path of
 * customers and contact points calls `refresh` in its transaction; `remove` when customers go.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createSearchRepository(strapi);
  const countLimit = () => getService(strapi, 'settings').get().searchCountLimit;

  /** The index rows of these customers, made from what the tables hold. */
  const rowsOf = async (knex: Knex, customerIds: readonly number[]): Promise<IndexRow[]> => {
    if (customerIds.length === 0) return [];
    const { customers, emails, phones } = await repository.sourceOf(knex, customerIds);
    return customers.map((customer) => {
      const id = Number(customer.id);
      return {
        customer_id: id,
        document_id: String(customer.document_id),
        customer_number: (customer.customer_number as string | null) ?? null,
        number_seq: customerNumberSequence(customer.customer_number) ?? UNNUMBERED + id,
        search_text: customerSearchText({
          customerNumber: customer.customer_number as string | null,
          firstName: customer.first_name as string | null,
          middleName: customer.middle_name as string | null,
          lastName: customer.last_name as string | null,
          businessName: customer.business_name as string | null,
          emails: emails.get(id) ?? [],
          phones: phones.get(id) ?? [],
        }),
      };
    });
  };

  return {
    /** Whether the index holds exactly the customers (same count, same highest id). */
    async inStep(): Promise<boolean> {
      const { customers, indexed } = await repository.counts();
      return customers.count === indexed.count && customers.top === indexed.top;
    },

    /** How many customers a rebuild would index. */
    async customerCount(): Promise<number> {
      return (await repository.counts()).customers.count;
    },

    /** Writes the index rows of all customers again, batch by batch (start-up, after drift). */
    async rebuild(onProgress?: (done: number) => void): Promise<number> {
      await repository.clear();
      let done = 0;
      for (let after = 0; ;) {
        const ids = await repository.customerIdsAfter(after, REBUILD_BATCH);
        if (ids.length === 0) break;
        await repository.inOwnTransaction(async (trx) =>
          repository.replaceRows(trx, [], await rowsOf(trx, ids))
        );
        after = ids[ids.length - 1];
        done += ids.length;
        onProgress?.(done);
      }
      await repository.analyze();
      return done;
    },

    /** Rewrites the index rows of these customers from the tables (those that no longer exist go). */
    async refresh(customerIds: readonly number[]): Promise<void> {
      const ids = [
        ...new Set(customerIds.map(Number).filter((id) => Number.isInteger(id) && id > 0)),
      ];
      if (ids.length === 0) return;
      await repository.withKnex(async (knex) => {
        for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
          const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
          await repository.replaceRows(knex, chunk, await rowsOf(knex, chunk));
        }
      });
      // The stored display names, the company keys and the duplicate matcher's keys follow every
      // write the index follows.
      await getService(strapi, 'display-names').refresh('customer', ids);
      await getService(strapi, 'company-keys').refresh(ids);
      await getService(strapi, 'duplicates').refresh('customer', ids);
    },

    /** Drops the index rows of customers that are gone. */
    async remove(customerIds: readonly number[]): Promise<void> {
      const ids = [...new Set(customerIds.map(Number))];
      if (ids.length) await repository.withKnex((knex) => repository.deleteRows(knex, ids));
      if (ids.length) await getService(strapi, 'duplicates').remove('customer', ids);
      if (ids.length) await getService(strapi, 'company-keys').remove(ids);
    },

    /** The stored row of one customer (tests and drift checks). */
    rowOf: (customerId: number) => repository.rowOf(customerId),

    /** What the rows of these customers should be, read from the tables (tests and drift checks). */
    expectedRows: (customerIds: readonly number[]) =>
      repository.withKnex((knex) => rowsOf(knex, customerIds)),

    /**
     * One page of matches in rank order — exact customer number or email, then word starts, then
     * the rest, each by customer number — and their total, counted up to the count limit.
     */
    async search(plan: SearchPlan, offset: number, limit: number): Promise<SearchHits> {
      const cap = countLimit();
      // Past the count limit nothing is served: the pages end where the (capped) total says.
      const servable = Math.max(0, Math.min(limit, cap - offset));
      const hasExact = repository.hasExactCandidates(plan);
      // Without an exact candidate, the word starts of a page past the limit can be read with the
      // sample: nothing ranks before them.
      const sample = await repository.rankedSample(
        plan,
        cap,
        offset,
        servable,
        !hasExact && servable > 0
      );
      if (sample.matched <= cap)
        return { documentIds: sample.documentIds, total: sample.matched, exact: true };

      // More matches than the limit: exact ones are looked up, then pages read in number order.
      const exact = hasExact ? await repository.exactMatches(plan) : [];
      const excluded = exact.map((hit) => hit.customerId);
      const documentIds = exact.slice(offset, offset + servable).map((hit) => hit.documentId);
      const wanted = servable - documentIds.length;
      const prefixedStart = Math.max(0, offset - exact.length);
      const prefixedPage =
        wanted > 0
          ? (sample.densePrefixed ??
            (await repository.page(plan, 'prefixed', excluded, prefixedStart, wanted)))
          : null;
      let prefixedCount = Infinity; // the page is full (or had no room): no rest on it
      if (prefixedPage && prefixedPage.length < wanted) {
        prefixedCount =
          prefixedPage.length > 0 || prefixedStart === 0
            ? prefixedStart + prefixedPage.length
            : await repository.count(plan, 'prefixed', excluded, cap + 1);
      }
      if (prefixedPage) documentIds.push(...prefixedPage);
      const stillWanted = servable - documentIds.length;
      if (stillWanted > 0 && Number.isFinite(prefixedCount)) {
        const restStart = Math.max(0, offset - exact.length - prefixedCount);
        documentIds.push(
          ...(await repository.page(plan, 'rest', excluded, restStart, stillWanted))
        );
      }
      return { documentIds, total: cap, exact: false };
    },
  };
};
