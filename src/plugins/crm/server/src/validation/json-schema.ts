import type { z } from 'zod';

/**
 * JSON schemas that stand in for a zod schema in the API's description, where zod cannot say it:
 * a query-string number the domain parses from any value, a record whose shape comes from its
 * content type. Keyed by the zod schema's definition, which the converter hands over.
 */
export const JSON_SCHEMA_OVERRIDES = new WeakMap<object, Record<string, unknown>>();

export const describedAs = <Schema extends z.ZodTypeAny>(
  schema: Schema,
  jsonSchema: Record<string, unknown>
): Schema => {
  JSON_SCHEMA_OVERRIDES.set(schema._def, jsonSchema);
  return schema;
};
