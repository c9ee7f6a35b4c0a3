import type { z } from 'zod';
import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';

import { JSON_SCHEMA_OVERRIDES } from '../validation/json-schema';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as JSON Schema (the dialect of OpenAPI 3.1), inlined. A request is described by
 * what it takes (the input of a transform or pipe), an answer by what it is.
 */
export const toJsonSchema = (schema: z.ZodTypeAny, side: 'request' | 'response'): JsonSchema => {
  // Typed loosely: zod's deep generics overflow the checker through the converter's overloads.
  const convert = zodToJsonSchema as (schema: unknown, options: Record<string, unknown>) => unknown;
  const converted = convert(schema, {
    target: 'jsonSchema2019-09',
    $refStrategy: 'none',
    effectStrategy: side === 'request' ? 'input' : 'any',
    pipeStrategy: side === 'request' ? 'input' : 'output',
    override: (def: object) => JSON_SCHEMA_OVERRIDES.get(def) ?? ignoreOverride,
  }) as JsonSchema;
  const { $schema: _dialect, ...rest } = converted;
  return rest;
};
