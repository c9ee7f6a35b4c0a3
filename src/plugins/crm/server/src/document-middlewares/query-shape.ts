import type { Core } from '@strapi/strapi';

import { isPlainObject } from '../utils/relations';
import { errors } from '../utils/strapi-utils';

/**
 * Checks the `filters`, `fields` and `sort` of a document-service call (and those nested in
 * `populate`) against the model, the way Strapi's query engine will read them. Strapi's own query
 * validation refuses unknown keys but passes shapes the engine or the database then fail on as a
 * 500: `$or` given a string, `$between` one value, a word compared with an integer column
 * (PostgreSQL), a pattern operator on a number, an empty field name.
 */

type Path = (string | number)[];
interface Issue {
  path: Path;
  message: string;
}
interface AttributeMeta {
  type: string;
  target?: string;
}

const LOGICAL_OPERATORS = ['$and', '$or'];
const ATTRIBUTE_OPERATORS = [
  '$not',
  '$in',
  '$notIn',
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
];
const PATTERN_OPERATORS = [
  '$startsWith',
  '$endsWith',
  '$startsWithi',
  '$endsWithi',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
];
const PRESENCE_OPERATORS = ['$null', '$notNull'];
const SCALAR_TYPES = [
  'increments',
  'password',
  'email',
  'string',
  'uid',
  'richtext',
  'text',
  'json',
  'enumeration',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'date',
  'time',
  'datetime',
  'timestamp',
  'boolean',
  'blocks',
];
const TEXT_TYPES = ['password', 'email', 'string', 'uid', 'richtext', 'text', 'enumeration'];
const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };
/** What a relation is compared with when it is given a value rather than conditions: the target's id. */
const ROW_ID: AttributeMeta = { type: 'increments' };

const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);
const hasOwn = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** Whether a compared value fits the column: PostgreSQL refuses a word or 1e300 for an integer, where SQLite would compare anyway. */
const valueProblem = (attribute: AttributeMeta, value: unknown): string | undefined => {
  if (!isScalar(value)) return 'takes a single value, not a list or an object';
  if (value === null || typeof value === 'boolean') return undefined;
  const text = String(value).trim();
  switch (attribute.type) {
    case 'increments':
    case 'integer': {
      // Ids reach PostgreSQL as written, which reads decimal digits only ("0x10" and "1e3" are refused).
      const number = Number(text);
      return /^[+-]?\d+$/.test(text) && number >= INT32.min && number <= INT32.max
        ? undefined
        : `expects a whole number, not ${JSON.stringify(value)}`;
    }
    case 'biginteger': {
      if (!/^[+-]?\d+$/.test(text)) return `expects a whole number, not ${JSON.stringify(value)}`;
      const number = BigInt(text);
      return number >= INT64.min && number <= INT64.max
        ? undefined
        : `expects a whole number, not ${JSON.stringify(value)}`;
    }
    case 'float':
    case 'decimal':
      return text !== '' && Number.isFinite(Number(text))
        ? undefined
        : `expects a number, not ${JSON.stringify(value)}`;
    default:
      return undefined;
  }
};

const label = (path: Path) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part)).join('');

export const createQueryShapeCheck = (strapi: Core.Strapi) => {
  const attributesOf = (uid: string): Record<string, AttributeMeta> =>
    (strapi.db.metadata.get(uid) as { attributes: Record<string, AttributeMeta> }).attributes;

  const checkValues = (attribute: AttributeMeta, operand: unknown, path: Path, issues: Issue[]) => {
    for (const [index, value] of (Array.isArray(operand) ? operand : [operand]).entries()) {
      const problem = valueProblem(attribute, value);
      if (problem)
        issues.push({ path: Array.isArray(operand) ? [...path, index] : path, message: problem });
    }
  };

  /** The condition on one column: a value, a list of values, or operators. */
  const checkCondition = (
    attribute: AttributeMeta,
    condition: unknown,
    path: Path,
    issues: Issue[]
  ) => {
    if (!isPlainObject(condition)) return checkValues(attribute, condition, path, issues);
    if (
      attribute.type === 'json' &&
      !Object.keys(condition).every((operator) => PRESENCE_OPERATORS.includes(operator))
    ) {
      issues.push({ path, message: 'a JSON field can only be filtered with $null or $notNull' });
      return;
    }
    for (const [operator, operand] of Object.entries(condition)) {
      const at = [...path, operator];
      if (!ATTRIBUTE_OPERATORS.includes(operator)) {
        issues.push({ path: at, message: `${operator} is not a filter operator` });
      } else if (operator === '$not') {
        checkCondition(attribute, operand, at, issues);
      } else if (operator === '$between') {
        if (!Array.isArray(operand) || operand.length !== 2)
          issues.push({ path: at, message: 'takes a list of two values' });
        else checkValues(attribute, operand, at, issues);
      } else if (PRESENCE_OPERATORS.includes(operator)) {
        if (!isScalar(operand)) issues.push({ path: at, message: 'takes true or false' });
      } else if (PATTERN_OPERATORS.includes(operator) && !TEXT_TYPES.includes(attribute.type)) {
        issues.push({ path: at, message: `${operator} applies to text fields only` });
      } else {
        // A list given to a single-value operator means "any of them", as Strapi reads it.
        checkValues(attribute, operand, at, issues);
      }
    }
  };

  /** A relation is compared with its target's id, or filtered by the target's own fields. */
  const checkRelation = (target: string, condition: unknown, path: Path, issues: Issue[]) => {
    if (!isPlainObject(condition)) return checkValues(ROW_ID, condition, path, issues);
    const keys = Object.keys(condition);
    const operators = keys.filter((key) => key.startsWith('$'));
    if (operators.length === 0) return checkFilters(target, condition, path, issues);
    if (operators.length !== keys.length)
      return issues.push({ path, message: "mixes operators with the related record's fields" });
    if (operators.length > 1) return issues.push({ path, message: 'takes one operator' });
    const [operator] = operators;
    if (LOGICAL_OPERATORS.includes(operator)) return checkFilters(target, condition, path, issues);
    if (isPlainObject(condition[operator]))
      return issues.push({ path: [...path, operator], message: 'takes an id or a list of ids' });
    checkCondition(ROW_ID, condition, path, issues);
  };

  /** A group of conditions on a model's fields, joined by `$and`, `$or`, `$not`. */
  const checkFilters = (uid: string, filters: unknown, path: Path, issues: Issue[]) => {
    if (!isPlainObject(filters)) {
      issues.push({ path, message: 'must be an object of conditions on fields' });
      return;
    }
    const attributes = attributesOf(uid);
    for (const [key, condition] of Object.entries(filters)) {
      const at = [...path, key];
      if (LOGICAL_OPERATORS.includes(key)) {
        if (!Array.isArray(condition))
          issues.push({ path: at, message: `${key} takes a list of conditions` });
        else condition.forEach((item, index) => checkFilters(uid, item, [...at, index], issues));
      } else if (key === '$not') {
        checkFilters(uid, condition, at, issues);
      } else if (key.startsWith('$')) {
        issues.push({
          path: at,
          message: ATTRIBUTE_OPERATORS.includes(key)
            ? `${key} applies to a field`
            : `${key} is not a filter operator`,
        });
      } else if (!hasOwn(attributes, key)) {
        issues.push({ path: at, message: `${key} is not a field` });
      } else if (attributes[key].type === 'relation' && attributes[key].target) {
        checkRelation(attributes[key].target!, condition, at, issues);
      } else if (SCALAR_TYPES.includes(attributes[key].type)) {
        checkCondition(attributes[key], condition, at, issues);
      } else {
        issues.push({ path: at, message: `a ${attributes[key].type} field cannot be filtered` });
      }
    }
  };

  const checkFields = (uid: string, fields: unknown, path: Path, issues: Issue[]) => {
    if (fields === '*') return;
    const names =
      typeof fields === 'string' ? fields.split(',').map((name) => name.trim()) : fields;
    if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
      issues.push({ path, message: 'is a field name or a list of them' });
      return;
    }
    const attributes = attributesOf(uid);
    for (const name of names) {
      if (!hasOwn(attributes, name) || attributes[name].type === 'relation')
        issues.push({ path, message: `${JSON.stringify(name)} is not a field` });
    }
  };

  /**
   * A sort names a field, or a relation then a field of its target (`customer.firstName:desc`).
   * Strapi's query sanitiser turns `customer.firstName:sideways` into the path
   * `customer.firstName.sideways`, which the query engine hands to knex as a direction object.
   */
  const checkSortPath = (uid: string, fieldPath: string, path: Path, issues: Issue[]) => {
    let model = uid;
    const parts = fieldPath.split('.').map((part) => part.trim());
    for (const [index, part] of parts.entries()) {
      const attributes = attributesOf(model);
      const attribute = hasOwn(attributes, part) ? attributes[part] : undefined;
      const last = index === parts.length - 1;
      if (
        !attribute ||
        (attribute.type === 'relation') === last ||
        (attribute.type === 'relation' && !attribute.target)
      ) {
        issues.push({ path, message: `${JSON.stringify(fieldPath)} is not a field to sort by` });
        return;
      }
      if (attribute.target) model = attribute.target;
    }
  };
  const checkDirection = (direction: unknown, path: Path, issues: Issue[]) => {
    if (
      typeof direction !== 'string' ||
      !['asc', 'desc'].includes(direction.trim().toLowerCase())
    ) {
      issues.push({ path, message: 'sorts asc or desc' });
    }
  };
  const checkSortObject = (
    uid: string,
    sort: Record<string, unknown>,
    path: Path,
    issues: Issue[]
  ) => {
    const attributes = attributesOf(uid);
    for (const [field, order] of Object.entries(sort)) {
      const attribute = hasOwn(attributes, field) ? attributes[field] : undefined;
      if (!attribute)
        issues.push({ path: [...path, field], message: `${field} is not a field to sort by` });
      else if (attribute.type === 'relation' && attribute.target && isPlainObject(order))
        checkSortObject(attribute.target, order, [...path, field], issues);
      else if (attribute.type === 'relation')
        issues.push({ path: [...path, field], message: 'sorts by a field of the related record' });
      else checkDirection(order, [...path, field], issues);
    }
  };
  const checkSort = (uid: string, sort: unknown, path: Path, issues: Issue[]) => {
    const entries = Array.isArray(sort) ? sort : [sort];
    for (const [index, entry] of entries.entries()) {
      const at = Array.isArray(sort) ? [...path, index] : path;
      if (isPlainObject(entry)) {
        checkSortObject(uid, entry, at, issues);
      } else if (typeof entry === 'string') {
        for (const segment of entry
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)) {
          const [fieldPath, direction, ...rest] = segment.split(':');
          if (rest.length > 0)
            issues.push({
              path: at,
              message: `${JSON.stringify(segment)}: a sort is a field and one direction, such as "lastName:desc"`,
            });
          else {
            checkSortPath(uid, fieldPath, at, issues);
            if (direction !== undefined) checkDirection(direction, at, issues);
          }
        }
      } else {
        issues.push({
          path: at,
          message: 'is a field name, a list of them or an object of directions',
        });
      }
    }
  };

  /** `populate[relation][filters|fields|populate]` read the same way against the related model. */
  const checkPopulate = (uid: string, populate: unknown, path: Path, issues: Issue[]) => {
    if (!isPlainObject(populate)) return;
    const attributes = attributesOf(uid);
    for (const [key, nested] of Object.entries(populate)) {
      const target = hasOwn(attributes, key) ? attributes[key].target : undefined;
      if (!target || !isPlainObject(nested)) continue;
      if (nested.filters !== undefined)
        checkFilters(target, nested.filters, [...path, key, 'filters'], issues);
      if (nested.fields !== undefined)
        checkFields(target, nested.fields, [...path, key, 'fields'], issues);
      if (nested.sort !== undefined) checkSort(target, nested.sort, [...path, key, 'sort'], issues);
      if (nested.populate !== undefined)
        checkPopulate(target, nested.populate, [...path, key, 'populate'], issues);
    }
  };

  /** Throws a 400 naming each problem of a read's filters, fields, sort and populate. */
  return (
    uid: string,
    params: { filters?: unknown; fields?: unknown; sort?: unknown; populate?: unknown }
  ) => {
    const issues: Issue[] = [];
    if (params.filters !== undefined && params.filters !== null)
      checkFilters(uid, params.filters, ['filters'], issues);
    if (params.fields !== undefined && params.fields !== null)
      checkFields(uid, params.fields, ['fields'], issues);
    if (params.sort !== undefined && params.sort !== null)
      checkSort(uid, params.sort, ['sort'], issues);
    if (params.populate !== undefined) checkPopulate(uid, params.populate, ['populate'], issues);
    if (issues.length === 0) return;
    const details = issues.map(({ path, message }) => ({
      path,
      message: `${label(path)}: ${message}`,
      name: 'ValidationError',
    }));
    throw new errors.ValidationError(details.map((issue) => issue.message).join('; '), {
      errors: details,
    });
  };
};
