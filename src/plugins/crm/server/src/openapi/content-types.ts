import type { JsonSchema } from './json-schema';

/** An attribute of a content type, as Strapi's model holds it (`content-types/<name>/schema.json`). */
interface Attribute {
  type: string;
  enum?: string[];
  relation?: string;
  target?: string;
  private?: boolean;
  writable?: boolean;
  visible?: boolean;
  maxLength?: number;
  minLength?: number;
  default?: unknown;
  required?: boolean;
}

export interface Model {
  uid: string;
  info: { singularName: string; pluralName: string; displayName?: string; description?: string };
  attributes: Record<string, Attribute>;
}

/** `marketing-list` → `MarketingList`: the component name of a content type. */
export const componentName = (singularName: string) =>
  singularName.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

const scalar = (attribute: Attribute): JsonSchema | undefined => {
  const lengths = {
    ...(attribute.maxLength !== undefined ? { maxLength: attribute.maxLength } : {}),
    ...(attribute.minLength !== undefined ? { minLength: attribute.minLength } : {}),
  };
  switch (attribute.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'email':
    case 'uid':
    case 'password':
      return { type: 'string', ...lengths };
    case 'enumeration':
      return { type: 'string', enum: attribute.enum ?? [] };
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    // PostgreSQL hands big integers over as strings, SQLite as numbers.
    case 'biginteger':
      return { type: ['string', 'integer'] };
    case 'float':
    case 'decimal':
      return { type: 'number' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'time':
      return { type: 'string' };
    case 'json':
      return {};
    default:
      return undefined;
  }
};

const isToMany = (relation: string | undefined) =>
  relation === 'oneToMany' || relation === 'manyToMany';

/** The CRM types a relation can be populated with; others (users, admins) are described as plain objects. */
const relationTarget = (attribute: Attribute, known: ReadonlyMap<string, Model>) => {
  const target = attribute.target ? known.get(attribute.target) : undefined;
  return target ? ref(componentName(target.info.singularName)) : { type: 'object' };
};

/**
 * A record as the API answers it: `id` and `documentId` always, every other field only when the
 * query's `fields` and `populate` ask for it. Private fields are never answered.
 */
export const recordSchema = (model: Model, known: ReadonlyMap<string, Model>): JsonSchema => {
  const properties: Record<string, JsonSchema> = {
    id: { type: 'integer' },
    documentId: { type: 'string' },
    // Answered by the routes that return a record as the document service reads it (no i18n here).
    locale: { type: ['string', 'null'] },
  };
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.private) continue;
    if (attribute.type === 'relation') {
      const target = relationTarget(attribute, known);
      properties[name] = isToMany(attribute.relation)
        ? {
            anyOf: [
              { type: 'array', items: target },
              { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] },
            ],
          }
        : nullable(target);
      continue;
    }
    const schema = scalar(attribute);
    if (schema) properties[name] = attribute.type === 'json' ? schema : nullable(schema);
  }
  return {
    type: 'object',
    description: model.info.description ?? model.info.displayName,
    properties,
    required: ['id', 'documentId'],
    additionalProperties: false,
  };
};

const RELATION_INPUT: JsonSchema = {
  description: "documentId(s) of the related records, or Strapi's `{ connect, disconnect, set }`",
  anyOf: [
    { type: 'string' },
    { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'object' }] } },
    { type: 'object' },
    { type: 'null' },
  ],
};

/**
 * The `data` of a create or update: the writable fields. `nested` names the relations whose
 * items may be written with the record (a customer's contact points): a list of them replaces
 * that kind's points, items with a `documentId` being kept.
 */
export const inputSchema = (
  model: Model,
  known: ReadonlyMap<string, Model>,
  nested: readonly string[] = []
): JsonSchema => {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.private || attribute.writable === false || attribute.visible === false) continue;
    if (['createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations'].includes(name))
      continue;
    if (attribute.type === 'relation') {
      const target = attribute.target ? known.get(attribute.target) : undefined;
      properties[name] =
        nested.includes(name) && target
          ? {
              anyOf: [
                {
                  type: 'array',
                  description: `the ${name} of the record: items with a documentId are kept, others created, those left out deleted`,
                  items: {
                    allOf: [ref(`${componentName(target.info.singularName)}Input`)],
                    properties: { documentId: { type: 'string' } },
                  },
                },
                RELATION_INPUT,
              ],
            }
          : RELATION_INPUT;
      continue;
    }
    const schema = scalar(attribute);
    if (!schema) continue;
    properties[name] = {
      ...(attribute.required ? schema : nullable(schema)),
      ...(attribute.default !== undefined ? { default: attribute.default } : {}),
    };
  }
  const required = Object.entries(model.attributes)
    .filter(
      ([name, attribute]) =>
        attribute.required && attribute.default === undefined && name in properties
    )
    .map(([name]) => name);
  return {
    type: 'object',
    description: `The fields of a ${model.info.singularName} to write${required.length ? `; a create needs ${required.join(', ')}` : ''}`,
    properties,
  };
};
