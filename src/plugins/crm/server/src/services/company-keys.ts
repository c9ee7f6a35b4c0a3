import type { Core } from '@strapi/strapi';

import {
  COMPANY_KEYS_VERSION,
  buildCompanyIndex,
  companyKey,
  customerCompanyKeys,
  customerDisplayName,
  resolveCompanyProbe,
  suggestCompanies,
  suggestionPrefixes,
  type CompanyKeyKind,
  type CompanyProbe,
} from '../domain';
import { createCompanyKeys } from '../repositories/company-keys';
import { BoundedCache } from '../utils/bounded-cache';
import { sliceIsOver, yieldToEventLoop } from '../utils/event-loop';

const REBUILD_BATCH = 5000;
/** From this many customers a rebuild drops the indexes and builds them once at the end. */
const BULK_REBUILD = 100_000;
const STORE_KEY = 'company-keys';
/**
 * Lookups one import remembers at most (number, name key or domain, each with the customer it
 * found or none): a file names each company on many rows. Some 50,000 entries of at most 200
 * characters stay under about 25 MB at the very worst, a few MB with real names.
 */
export const COMPANY_LOOKUPS_REMEMBERED = 50_000;
/** Candidates read per word start of a suggested name: common starts are cut there. */
const CANDIDATES_PER_PREFIX = 200;
/**
 * Companies suggested for together: their candidates (at most 200 per distinct word start) and
 * those candidates' trigrams are held at once.
 */
const COMPANIES_PER_SUGGESTION = 500;

/** A customer suggested for a company, with how close its name is (0.3 to 1). */
export type Suggestion = ReturnType<typeof suggestCompanies>[number];

/** How a judged contact's company resolved: its customer, or the key grouping it with its like. */
export type SettledCompany = { customerId: number | null; companyKey: string | null };

/**
 * The company keys of customers (repositories/company-keys.ts), kept by the same write paths as
 * the search index (search-index.ts `refresh` and `remove`), written at start-up when they do
 * not hold exactly the customers; and an import's company resolution through them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const keys = createCompanyKeys(strapi);
  const store = () => strapi.store({ type: 'plugin', name: 'crm' });

  const keysOf = async (knex: Parameters<typeof keys.sourceOf>[0], ids: readonly number[]) => {
    const written = new Map<number, [CompanyKeyKind, string][]>();
    for (const customer of await keys.sourceOf(knex, ids))
      written.set(customer.id, customerCompanyKeys(customer));
    return written;
  };

  return {
    ensure: () => keys.ensure(),

    /** Rewrites the keys of these customers from the tables (those that no longer exist go). */
    async refresh(customerIds: readonly number[]): Promise<void> {
      const ids = [
        ...new Set(customerIds.map(Number).filter((id) => Number.isInteger(id) && id > 0)),
      ];
      if (ids.length === 0) return;
      await keys.withKnex(async (knex) => {
        for (let i = 0; i < ids.length; i += REBUILD_BATCH) {
          const chunk = ids.slice(i, i + REBUILD_BATCH);
          const write = async (trx: typeof knex) =>
            keys.replace(trx, chunk, await keysOf(trx, chunk));
          if (knex.isTransaction) await write(knex);
          else await keys.inOwnTransaction(write);
        }
      });
    },

    remove: (customerIds: readonly number[]) => keys.remove(customerIds.map(Number)),

    /** Whether the keys hold exactly the customers, written by the current rules. */
    async inStep(): Promise<boolean> {
      const recorded = (await store().get({ key: STORE_KEY })) as { rule?: number } | null;
      return recorded?.rule === COMPANY_KEYS_VERSION && (await keys.inStep());
    },

    /** Writes the keys of every customer again, batch by batch (start-up, after drift). */
    async rebuild(onProgress?: (done: number) => void): Promise<number> {
      await keys.clear();
      const writeAll = async () => {
        let done = 0;
        for (let after = 0; ;) {
          const ids = await keys.customerIdsAfter(after, REBUILD_BATCH);
          if (ids.length === 0) return done;
          await keys.inOwnTransaction(async (trx) => keys.replace(trx, [], await keysOf(trx, ids)));
          after = ids[ids.length - 1];
          done += ids.length;
          onProgress?.(done);
        }
      };
      const total = (await keys.customerIdsAfter(0, BULK_REBUILD)).length;
      const done = total >= BULK_REBUILD ? await keys.withoutIndexes(writeAll) : await writeAll();
      await keys.analyze();
      await store().set({
        key: STORE_KEY,
        value: { rule: COMPANY_KEYS_VERSION, writtenAt: new Date().toISOString() },
      });
      return done;
    },

    /**
     * A resolver for one import's validation: each batch's companies are looked up set-based
     * (numbers through the customers' unique index, name keys and domains through the keys'
     * index), remembered in a bounded cache; domains only for the rows their company cell did not
     * match. What it remembers is the database as it was when first asked, as the judge of a
     * whole file saw it before.
     */
    createResolver() {
      const remembered = new BoundedCache<string, number | null>(COMPANY_LOOKUPS_REMEMBERED);
      const known = async (
        kind: 'number' | 'n' | 'w',
        wanted: readonly string[]
      ): Promise<Map<string, number>> => {
        const found = new Map<string, number>();
        const missing: string[] = [];
        for (const value of new Set(wanted)) {
          const cached = remembered.get(`${kind}:${value}`);
          if (cached === undefined) missing.push(value);
          else if (cached !== null) found.set(value, cached);
        }
        if (missing.length) {
          const looked =
            kind === 'number' ? await keys.byNumber(missing) : await keys.lookup(kind, missing);
          for (const value of missing) {
            const id = looked.get(value) ?? null;
            remembered.set(`${kind}:${value}`, id);
            if (id !== null) found.set(value, id);
          }
        }
        return found;
      };

      return {
        /** The customer or group key of each probe (null for rows that name no company to match). */
        async settle(probes: readonly (CompanyProbe | null)[]): Promise<(SettledCompany | null)[]> {
          const present = probes.filter((probe): probe is CompanyProbe => probe !== null);
          if (present.length === 0) return probes.map(() => null);
          const byNumber = await known(
            'number',
            present.flatMap((probe) => (probe.number === null ? [] : [probe.number]))
          );
          const byKey = await known(
            'n',
            present.flatMap((probe) => (probe.key === null ? [] : [probe.key]))
          );
          const empty = new Map<string, number>();
          const byDomain = await known(
            'w',
            present.flatMap((probe) =>
              probe.domain !== null &&
              resolveCompanyProbe(probe, { byNumber, byKey, byDomain: empty }).customerId === null
                ? [probe.domain]
                : []
            )
          );
          return probes.map((probe) =>
            probe === null ? null : resolveCompanyProbe(probe, { byNumber, byKey, byDomain })
          );
        },
      };
    },

    /**
     * For each company, up to `limit` customers whose names are close to it, best first: its
     * candidates share a word start with it (read through the index, a bounded number per start),
     * scored by the domain's `suggestCompanies` among them alone. Set-based: the word starts of a
     * chunk of companies are read in few statements, their candidates' names once, and one index
     * over all of them gives each candidate's trigrams once for every company that shares it.
     */
    async suggestMany(companies: readonly string[], limit = 3): Promise<Suggestion[][]> {
      const answer: Suggestion[][] = [];
      for (let i = 0; i < companies.length; i += COMPANIES_PER_SUGGESTION) {
        const chunk = companies.slice(i, i + COMPANIES_PER_SUGGESTION);
        const prefixesOf = chunk.map((company) => suggestionPrefixes(companyKey(company)));
        const byPrefix = await keys.withPrefixes(prefixesOf.flat(), CANDIDATES_PER_PREFIX);
        const ids = [...new Set([...byPrefix.values()].flat())].sort((a, b) => a - b);
        const summaries = ids.length ? await keys.summaries(ids) : [];
        const index = buildCompanyIndex(
          summaries
            .sort((a, b) => a.id - b.id)
            .map((customer) => ({
              id: customer.id,
              documentId: customer.documentId,
              customerNumber: customer.customerNumber,
              name: customerDisplayName(customer),
            }))
        );
        // Scoring hundreds of names is long work: the event loop gets a turn between names.
        for (const [n, company] of chunk.entries()) {
          if (sliceIsOver()) await yieldToEventLoop();
          const among = new Set(prefixesOf[n].flatMap((prefix) => byPrefix.get(prefix) ?? []));
          answer.push(among.size ? suggestCompanies(index, company, limit, undefined, among) : []);
        }
      }
      return answer;
    },
  };
};
