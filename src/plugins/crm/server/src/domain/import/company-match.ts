import { customerDisplayName, formatCustomerNumber, parseCustomerNumber } from '../customer';
import { isFreeMailDomain } from '../duplicates/free-mail-domains';
import { foldSearchText } from '../search-text';

/**
 * Matching an imported row's company to existing customers: by
 * customer number, by name ignoring case, accents, punctuation and legal suffixes, or by the email
 * domain of a business customer; the rest are grouped with near-match suggestions.
 */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'lp',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'pty',
  'pte',
  'kk',
  'sl',
]);

/** Longest company key: what the staging table's key column holds (255), with room to spare. */
export const MAX_COMPANY_KEY = 200;

/** A short stable digest of a text (53-bit, cyrb53), for keys too long to keep whole. */
const digest = (text: string): string => {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
};

/** A key of at most MAX_COMPANY_KEY characters: a long one keeps its start and a digest of the rest. */
export const boundedKey = (key: string): string =>
  key.length <= MAX_COMPANY_KEY ? key : `${key.slice(0, MAX_COMPANY_KEY - 12)}~${digest(key)}`;

/**
 * "ACME, Inc." and "Acme" are one company; "Café Ltd" and "cafe" too. Never longer than
 * MAX_COMPANY_KEY, whatever a name expands to ("&" becomes " and ", ligatures decompose).
 */
export function companyKey(name: string): string {
  const words = foldSearchText(name)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) words.pop();
  return boundedKey(words.join(' '));
}

/** The company domain of an email address, or null for free-mail providers and non-addresses. */
export function companyDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 1) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  // An address at a free-mail provider says nothing about a person's employer.
  return domain && !isFreeMailDomain(domain) ? domain : null;
}

const trigrams = (text: string): Set<string> => {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 2; i += 1) grams.add(padded.slice(i, i + 3));
  return grams;
};

/** The score of two names from their trigram counts: the mean of Jaccard and containment. */
const similarityOf = (shared: number, sizeA: number, sizeB: number): number =>
  (shared / (sizeA + sizeB - shared) + shared / Math.min(sizeA, sizeB)) / 2;

/**
 * Similarity of two company keys, 0 (nothing shared) to 1 (same): the mean of their trigram
 * overlap (Jaccard) and how much of the shorter name the longer one contains, so that
 * "Globex Corp International" still suggests "Globex".
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = trigrams(a);
  const y = trigrams(b);
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return similarityOf(shared, x.size, y.size);
}

export interface KnownCustomer {
  id: number;
  documentId: string;
  customerNumber: string;
  name: string;
  /** Email domains of a business customer's addresses. */
  domains?: readonly string[];
}

export interface CompanyIndex {
  byNumber: Map<string, KnownCustomer>;
  byKey: Map<string, KnownCustomer>;
  byDomain: Map<string, KnownCustomer>;
  all: readonly (KnownCustomer & { key: string })[];
  /** Trigram postings of every key, built on the first suggestion (matching does not need them). */
  grams?: { sizes: number[]; postings: Map<string, number[]> };
  /** The positions in `all` of each customer id, built on the first restricted suggestion. */
  positions?: Map<number, number[]>;
}

export function buildCompanyIndex(customers: readonly KnownCustomer[]): CompanyIndex {
  const index: CompanyIndex = {
    byNumber: new Map(),
    byKey: new Map(),
    byDomain: new Map(),
    all: [],
  };
  const all: (KnownCustomer & { key: string })[] = [];
  for (const customer of customers) {
    const key = companyKey(customer.name);
    index.byNumber.set(customer.customerNumber.toUpperCase(), customer);
    if (key && !index.byKey.has(key)) index.byKey.set(key, customer);
    for (const domain of customer.domains ?? [])
      if (!index.byDomain.has(domain)) index.byDomain.set(domain, customer);
    all.push({ ...customer, key });
  }
  index.all = all;
  return index;
}

export type CompanyMatch = { customer: KnownCustomer; by: 'number' | 'name' | 'domain' } | null;

/** The customer a row's company cell (and email) points to, in the order number, name, domain. */
export function matchCompany(
  index: CompanyIndex,
  company: string | null,
  email?: string | null
): CompanyMatch {
  const text = company?.trim() ?? '';
  if (text) {
    const sequence = parseCustomerNumber(text);
    if (sequence !== null) {
      const byNumber = index.byNumber.get(formatCustomerNumber(sequence));
      if (byNumber) return { customer: byNumber, by: 'number' };
    }
    const byName = index.byKey.get(companyKey(text));
    if (byName) return { customer: byName, by: 'name' };
  }
  const domain = companyDomain(email);
  const byDomain = domain ? index.byDomain.get(domain) : undefined;
  return byDomain ? { customer: byDomain, by: 'domain' } : null;
}

/** How a row's company resolves: the customer it matched, or the key grouping it with its like. */
export type CompanyResolution = { match: CompanyMatch; key: string | null };

/** Spellings a resolver remembers at most, whatever the file. */
const REMEMBERED_COMPANIES = 20000;

/**
 * `matchCompany` for the rows of one file, remembering what each spelling of a company resolved
 * to by number or name (a file names each company on many rows); the email domain, which differs
 * per row, is looked at only when the name matched nothing.
 */
export function createCompanyResolver(
  index: CompanyIndex
): (company: string | null, email?: string | null) => CompanyResolution {
  const byText = new Map<string, CompanyResolution>();
  return (company, email) => {
    const text = company?.trim() ?? '';
    let resolved = byText.get(text);
    if (!resolved) {
      if (byText.size >= REMEMBERED_COMPANIES) byText.clear();
      const match = text ? matchCompany(index, text) : null;
      resolved = { match, key: text ? companyKey(text) || boundedKey(text.toLowerCase()) : null };
      byText.set(text, resolved);
    }
    if (resolved.match) return resolved;
    const byDomain = matchCompany(index, null, email);
    return byDomain ? { match: byDomain, key: null } : resolved;
  };
}

const gramsOf = (index: CompanyIndex): NonNullable<CompanyIndex['grams']> => {
  if (index.grams) return index.grams;
  const sizes: number[] = [];
  const postings = new Map<string, number[]>();
  index.all.forEach((customer, position) => {
    const grams = trigrams(customer.key);
    sizes.push(grams.size);
    for (const gram of grams) {
      const list = postings.get(gram);
      if (list) list.push(position);
      else postings.set(gram, [position]);
    }
  });
  index.grams = { sizes, postings };
  return index.grams;
};

const positionsOf = (index: CompanyIndex): NonNullable<CompanyIndex['positions']> => {
  if (index.positions) return index.positions;
  const positions = new Map<number, number[]>();
  index.all.forEach((customer, position) => {
    const list = positions.get(customer.id);
    if (list) list.push(position);
    else positions.set(customer.id, [position]);
  });
  index.positions = positions;
  return positions;
};

/**
 * Up to `limit` existing customers whose names are close to `company`, best first, with a score.
 * Only customers sharing a trigram with the name are scored (through the postings), so suggesting
 * for hundreds of companies against thousands of customers stays quick.
 *
 * `among` restricts the scoring to these customer ids: the answer is the one an index built from
 * only those customers (in this index's order) would give, so one index over the candidates of
 * many companies serves each company with its own candidates, their trigrams computed once.
 */
export function suggestCompanies(
  index: CompanyIndex,
  company: string,
  limit = 3,
  threshold = 0.3,
  among?: ReadonlySet<number>
) {
  const key = companyKey(company);
  const { sizes, postings } = gramsOf(index);
  let allowed: Uint8Array | null = null;
  if (among) {
    allowed = new Uint8Array(sizes.length);
    const positions = positionsOf(index);
    for (const id of among) for (const position of positions.get(id) ?? []) allowed[position] = 1;
  }
  const wanted = trigrams(key);
  const shared = new Uint16Array(sizes.length); // counts per customer, only `touched` ones non-zero
  const touched: number[] = [];
  for (const gram of wanted) {
    for (const position of postings.get(gram) ?? []) {
      if (allowed !== null && allowed[position] === 0) continue;
      if (shared[position] === 0) touched.push(position);
      shared[position] += 1;
    }
  }
  const suggestions = [];
  for (const position of touched) {
    const customer = index.all[position];
    const score = Number(
      (customer.key === key
        ? 1
        : similarityOf(shared[position], wanted.size, sizes[position])
      ).toFixed(2)
    );
    if (score >= threshold)
      suggestions.push({ customer: customer.documentId, name: customer.name, score });
  }
  return suggestions
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/**
 * What a row offers to find its company by, told without the customers: the customer number its
 * company cell reads as, the cell's name key, its e-mail's company domain, and the key grouping
 * it with the rows naming the same unknown company. The lookups are then made set-based for a
 * whole batch (see `resolveCompanyProbe`), so no copy of every customer is needed.
 */
export interface CompanyProbe {
  number: string | null;
  key: string | null;
  domain: string | null;
  group: string | null;
}

export function companyProbe(company: string | null, email?: string | null): CompanyProbe {
  const text = company?.trim() ?? '';
  const sequence = text ? parseCustomerNumber(text) : null;
  const key = text ? companyKey(text) : '';
  return {
    number: sequence === null ? null : formatCustomerNumber(sequence),
    key: key || null,
    domain: companyDomain(email),
    group: text ? key || boundedKey(text.toLowerCase()) : null,
  };
}

/** The customers found for a batch's probes: by number, by name key and by e-mail domain. */
export interface CompanyLookups {
  byNumber: ReadonlyMap<string, number>;
  byKey: ReadonlyMap<string, number>;
  byDomain: ReadonlyMap<string, number>;
}

/**
 * `matchCompany`'s order on looked-up customers: number, then name, then domain. A matched row
 * keeps no group key; an unmatched one keeps its group for the reference-data decisions.
 */
export function resolveCompanyProbe(
  probe: CompanyProbe,
  found: CompanyLookups
): { customerId: number | null; companyKey: string | null } {
  const customerId =
    (probe.number !== null ? found.byNumber.get(probe.number) : undefined) ??
    (probe.key !== null ? found.byKey.get(probe.key) : undefined) ??
    (probe.domain !== null ? found.byDomain.get(probe.domain) : undefined) ??
    null;
  return { customerId, companyKey: customerId === null ? probe.group : null };
}

/** How many characters of each word of a name key a customer is found by for suggestions. */
export const SUGGESTION_PREFIX = 3;

/** The word starts of a name key that suggestions look candidates up by. */
export function suggestionPrefixes(key: string): string[] {
  return [
    ...new Set(
      key
        .split(' ')
        .filter(Boolean)
        .map((word) => word.slice(0, SUGGESTION_PREFIX))
    ),
  ];
}

/** Kinds of a customer's stored company keys: every customer, name, e-mail domain, word start. */
export type CompanyKeyKind = '#' | 'n' | 'w' | 'p';

/**
 * The keys a customer is found by as a company: its display name's key (any customer, as the
 * import matched by display name), the company domains of a business's e-mail addresses, and the
 * word starts of its name key for near-match suggestions; `#` marks every customer as indexed.
 */
export function customerCompanyKeys(customer: {
  type?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  businessName?: string | null;
  emails?: readonly string[];
}): [CompanyKeyKind, string][] {
  const keys: [CompanyKeyKind, string][] = [['#', '']];
  const key = companyKey(customerDisplayName(customer));
  if (key) {
    keys.push(['n', key]);
    for (const prefix of suggestionPrefixes(key)) keys.push(['p', prefix]);
  }
  if (customer.type === 'business') {
    const domains = new Set(
      (customer.emails ?? [])
        .map((address) => companyDomain(address))
        .filter((domain): domain is string => Boolean(domain))
    );
    for (const domain of domains) keys.push(['w', domain]);
  }
  return keys;
}

/** Raise when the keys `customerCompanyKeys` writes change: the stored ones are written again. */
export const COMPANY_KEYS_VERSION = 1;
