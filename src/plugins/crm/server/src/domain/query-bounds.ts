import { z } from 'zod';

import { DomainValidationError } from './errors';

/**
 * What one request may ask the database for: how deep and how wide `populate` may reach, and the
 * range of every page number, page size and offset. Strapi's `api.rest.maxLimit` bounds a page of
 * records, not the relations populated on them, and a query string number such as `1e300` is a
 * valid JavaScript number that no SQL offset accepts.
 */

/** `populate[company][populate]=addresses` is two levels. */
export const MAX_POPULATE_DEPTH = 2;
/** Default of the plugin option `populateMaxRelated`. */
export const DEFAULT_POPULATE_MAX_RELATED = 1000;
/** The highest page number any CRM route accepts. */
export const MAX_PAGE = 1_000_000;
/** The highest offset (`pagination[start]`): as deep as the last page of 100 records reaches. */
export const MAX_OFFSET = MAX_PAGE * 100;

const formatCount = (value: number) => value.toLocaleString('en-US');

// ---------------------------------------------------------------------------
// Numbers in query strings
// ---------------------------------------------------------------------------

const DIGITS = /^\d{1,16}$/;

/**
 * A whole number from a query string, from `min` to `max`: digits only, so an exponent (`1e300`),
 * a fraction, a sign, hexadecimal or a repeated parameter (an array) is refused rather than read as
 * some other number. `allowAll` also accepts Strapi's `-1` ("no limit", which Strapi caps itself).
 */
export const wholeNumber = (
  min: number,
  max: number,
  { allowAll = false }: { allowAll?: boolean } = {}
) =>
  z.unknown().transform((value, ctx) => {
    const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
    if (allowAll && text === '-1') return -1;
    const number = typeof text === 'string' && DIGITS.test(text) ? Number(text) : Number.NaN;
    if (!(number >= min && number <= max)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must be a whole number from ${formatCount(min)} to ${formatCount(max)}${allowAll ? ', or -1 for all' : ''}`,
      });
      return z.NEVER;
    }
    return number;
  });

/** A page number, the same on every route: 1 to 1,000,000. */
export const pageNumber = wholeNumber(1, MAX_PAGE);

/**
 * Strapi's own `pagination[page]`, `[pageSize]`, `[start]` and `[limit]`. Strapi caps the page size
 * and limit at `api.rest.maxLimit` itself; these bounds only keep every value a whole number that
 * SQL can take. `withCount` is left to Strapi, which validates it.
 */
const paginationSchema = z
  .object({
    page: pageNumber.optional(),
    pageSize: wholeNumber(1, MAX_PAGE).optional(),
    start: wholeNumber(0, MAX_OFFSET).optional(),
    limit: wholeNumber(1, MAX_PAGE, { allowAll: true }).optional(),
  })
  .passthrough();

/** Refuses a `pagination` query parameter Strapi would turn into a nonsensical or unbounded offset. */
export function assertPagination(pagination: unknown): void {
  if (pagination === undefined) return;
  if (pagination === null || typeof pagination !== 'object' || Array.isArray(pagination)) {
    throw new DomainValidationError({
      path: ['pagination'],
      rule: 'pagination.shape',
      message:
        'pagination is given as pagination[page] and pagination[pageSize], or pagination[start] and pagination[limit]',
    });
  }
  const parsed = paginationSchema.safeParse(pagination);
  if (parsed.success) return;
  throw new DomainValidationError(
    parsed.error.issues.map((issue) => ({
      path: ['pagination', ...issue.path],
      rule: 'pagination.range',
      message: `pagination[${issue.path.join('][')}]: ${issue.message}`,
    }))
  );
}

// ---------------------------------------------------------------------------
// Populate
// ---------------------------------------------------------------------------

/**
 * How many records one populated attribute loads per record it hangs from: `one` (a to-one
 * relation), `bounded` (a to-many relation a rule bounds, such as a customer's contact points) or
 * `unbounded` (every other to-many relation, which grows with the data).
 */
export type RelationSize = 'one' | 'bounded' | 'unbounded';

export interface PopulatableAttribute {
  size: RelationSize;
  /** the model the attribute's records belong to, when there is one (not for polymorphic ones) */
  target?: string;
}
export type ModelRelations = Record<string, PopulatableAttribute>;

/** The fields of a Strapi attribute the size is read from. */
export interface AttributeShape {
  type: string;
  relation?: string;
  target?: string;
  component?: string;
  repeatable?: boolean;
  multiple?: boolean;
}

const TO_MANY_RELATIONS = new Set([
  'oneToMany',
  'manyToMany',
  'manyWay',
  'morphToMany',
  'morphMany',
]);
const POLYMORPHIC_RELATIONS = new Set(['morphToOne', 'morphToMany']);

/**
 * The populatable attributes of a model (relations, components, media, dynamic zones) with their
 * size. `boundedToMany` names the model's to-many attributes that a rule bounds.
 */
export function describeRelations(
  attributes: Record<string, AttributeShape>,
  boundedToMany: readonly string[] = []
): ModelRelations {
  const relations: ModelRelations = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    let toMany: boolean;
    let target: string | undefined;
    switch (attribute.type) {
      case 'relation':
        toMany = TO_MANY_RELATIONS.has(attribute.relation ?? '');
        target = POLYMORPHIC_RELATIONS.has(attribute.relation ?? '') ? undefined : attribute.target;
        break;
      case 'component':
        toMany = attribute.repeatable === true;
        target = attribute.component;
        break;
      case 'media':
        toMany = attribute.multiple === true;
        target = 'plugin::upload.file';
        break;
      case 'dynamiczone':
        toMany = true;
        break;
      default:
        continue;
    }
    relations[name] = {
      size: !toMany ? 'one' : boundedToMany.includes(name) ? 'bounded' : 'unbounded',
      ...(target ? { target } : {}),
    };
  }
  return relations;
}

/** One level of a populate tree: the attributes named, and whether `*` asked for all of them. */
export interface PopulateLevel {
  all: boolean;
  nodes: PopulateNode[];
}

export interface PopulateNode {
  attribute: string;
  /** `populate[x][count]=true`: only the number of related records is loaded */
  countOnly: boolean;
  children: PopulateLevel;
  /** `on` fragments of polymorphic attributes, by model */
  fragments: Record<string, PopulateLevel>;
}

const emptyLevel = (): PopulateLevel => ({ all: false, nodes: [] });
// Strapi's boolean words; any other non-empty string populates the attribute too.
const TRUE_WORDS = new Set(['true', 't', '1']);
const FALSE_WORDS = new Set(['false', 'f', '0', '']);

const mergeLevels = (into: PopulateLevel, from: PopulateLevel): PopulateLevel => {
  into.all ||= from.all;
  for (const node of from.nodes) addNode(into, node);
  return into;
};

const addNode = (level: PopulateLevel, node: PopulateNode) => {
  const same = level.nodes.find((existing) => existing.attribute === node.attribute);
  if (!same) {
    level.nodes.push(node);
    return;
  }
  same.countOnly &&= node.countOnly;
  mergeLevels(same.children, node.children);
  for (const [uid, fragment] of Object.entries(node.fragments)) {
    same.fragments[uid] = mergeLevels(same.fragments[uid] ?? emptyLevel(), fragment);
  }
};

/** `company.addresses` as a chain of nodes. */
const pathNode = (segments: string[]): PopulateNode | null => {
  const [head, ...rest] = segments;
  if (!head) return null;
  const children = emptyLevel();
  if (rest[0] === '*') children.all = true;
  else {
    const child = pathNode(rest);
    if (child) children.nodes.push(child);
  }
  return { attribute: head, countOnly: false, children, fragments: {} };
};

const parsePaths = (paths: string[]): PopulateLevel => {
  const level = emptyLevel();
  for (const path of paths.flatMap((item) => item.split(','))) {
    const segments = path
      .split('.')
      .map((segment) => segment.trim())
      .filter(Boolean);
    if (segments[0] === '*') level.all = true;
    else {
      const node = pathNode(segments);
      if (node) addNode(level, node);
    }
  }
  return level;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value of `populate[attribute]`: true, false, a string, or `{ populate, fields, filters, sort, count, on }`. */
const parseEntry = (attribute: string, value: unknown): PopulateNode | null => {
  const leaf = (): PopulateNode => ({
    attribute,
    countOnly: false,
    children: emptyLevel(),
    fragments: {},
  });
  if (value === true) return leaf();
  if (typeof value === 'string') return FALSE_WORDS.has(value) ? null : leaf();
  if (typeof value === 'number') return value === 0 ? null : leaf();
  if (!isRecord(value)) return null;
  const count = value.count;
  const node = leaf();
  node.countOnly =
    count === true || count === 1 || (typeof count === 'string' && TRUE_WORDS.has(count));
  node.children = parsePopulate(value.populate);
  if (isRecord(value.on)) {
    for (const [uid, fragment] of Object.entries(value.on)) {
      node.fragments[uid] = isRecord(fragment) ? parsePopulate(fragment.populate) : emptyLevel();
    }
  }
  return node;
};

/**
 * Reads a `populate` value in any syntax Strapi accepts into one tree: `*`, `a,b`, `a.b`, arrays of
 * those (`populate[0]=a`), objects (`populate[a]=true`, `populate[a][populate][b]=…`,
 * `populate[a][populate]=*`, `populate[a][fields]=…`, `populate[a][count]=true`) and `on` fragments.
 * Names are not checked here: what is not an attribute of the model is skipped when the tree is
 * judged, as Strapi skips or refuses it.
 */
export function parsePopulate(value: unknown): PopulateLevel {
  if (value === undefined || value === null || value === false) return emptyLevel();
  if (value === true || value === '*') return { all: true, nodes: [] };
  if (typeof value === 'string') return parsePaths([value]);
  if (Array.isArray(value))
    return parsePaths(value.filter((item): item is string => typeof item === 'string'));
  if (!isRecord(value)) return emptyLevel();
  const level = emptyLevel();
  for (const [attribute, entry] of Object.entries(value)) {
    const node = parseEntry(attribute, entry);
    if (node) addNode(level, node);
  }
  return level;
}

/** A first-level relation whose records must be counted before they are loaded. */
export interface CountedRelation {
  attribute: string;
  target?: string;
}

export interface PopulateBoundsOptions {
  maxDepth?: number;
  maxRelated?: number;
  /** How to page through an unbounded relation's records instead, e.g. `GET /api/crm/contacts?filters[…]` */
  pagedAlternative?: (model: string, attribute: string) => string | undefined;
}

const populateIssue = (path: string[], rule: string, message: string) =>
  new DomainValidationError({ path: ['populate', ...path], rule, message });

const insteadHint = (options: PopulateBoundsOptions, model: string, attribute: string) => {
  const alternative = options.pagedAlternative?.(model, attribute);
  return alternative ? `; page through them instead: ${alternative}` : '';
};

/**
 * Judges a populate value against the model's relations: at most `maxDepth` levels, and a relation
 * that no rule bounds only at the first level (nested under another relation it would load its
 * records for every record of that one). Returns the first-level unbounded relations, whose related
 * records must be counted (`assertRelatedWithin`) before they are loaded; count-only entries load
 * no records and are never counted. Throws a DomainValidationError naming the path and the limit.
 */
export function judgePopulate(
  populate: unknown,
  model: string,
  relationsOf: (model: string) => ModelRelations | undefined,
  options: PopulateBoundsOptions = {}
): CountedRelation[] {
  const maxDepth = options.maxDepth ?? MAX_POPULATE_DEPTH;
  const maxRelated = options.maxRelated ?? DEFAULT_POPULATE_MAX_RELATED;
  const counted: CountedRelation[] = [];

  const walk = (level: PopulateLevel, owner: string | undefined, path: string[]) => {
    const relations = owner ? relationsOf(owner) : undefined;
    if (!relations) return;
    const nodes = [...level.nodes];
    if (level.all) {
      for (const attribute of Object.keys(relations)) {
        if (!nodes.some((node) => node.attribute === attribute)) {
          nodes.push({ attribute, countOnly: false, children: emptyLevel(), fragments: {} });
        }
      }
    }
    for (const node of nodes) {
      const relation = relations[node.attribute];
      if (!relation) continue;
      const nodePath = [...path, node.attribute];
      if (nodePath.length > maxDepth) {
        throw populateIssue(
          nodePath,
          'populate.depth',
          `populate goes at most ${maxDepth} levels deep (${nodePath.join('.')} is ${nodePath.length})`
        );
      }
      if (relation.size === 'unbounded' && !node.countOnly) {
        if (path.length > 0) {
          throw populateIssue(
            nodePath,
            'populate.nested',
            `populate of ${nodePath.join('.')} is refused: ${node.attribute} has no size limit, so it can be populated only at ` +
              `the first level, for at most ${formatCount(maxRelated)} related records per request` +
              insteadHint(options, owner!, node.attribute)
          );
        }
        counted.push({
          attribute: node.attribute,
          ...(relation.target ? { target: relation.target } : {}),
        });
      }
      walk(node.children, relation.target, nodePath);
      for (const [fragmentModel, fragment] of Object.entries(node.fragments))
        walk(fragment, fragmentModel, nodePath);
    }
  };

  walk(parsePopulate(populate), model, []);
  return counted;
}

export interface RelatedCount {
  attribute: string;
  count: number;
}

/**
 * Refuses a request whose first-level unbounded relations would load more than `maxRelated`
 * records in all (`counts` are the related records of the request's records, per relation).
 */
export function assertRelatedWithin(
  model: string,
  counts: readonly RelatedCount[],
  maxRelated: number,
  options: PopulateBoundsOptions = {}
): void {
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  if (total <= maxRelated) return;
  const largest = counts.reduce((most, item) => (item.count > most.count ? item : most));
  const each = counts
    .map(({ attribute, count }) => `${attribute}: ${formatCount(count)}`)
    .join(', ');
  throw new DomainValidationError({
    path: ['populate', largest.attribute],
    rule: 'populate.size',
    message:
      `populate would load ${formatCount(total)} related records (${each}), more than the ${formatCount(maxRelated)} ` +
      `a request may load` +
      insteadHint(options, model, largest.attribute),
  });
}
