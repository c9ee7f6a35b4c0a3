import { toJsonSchema } from '../../../src/plugins/crm/server/src/openapi/json-schema';
import { networkQuery } from '../../../src/plugins/crm/server/src/validation/customer';
import { logQuery } from '../../../src/plugins/crm/server/src/validation/import';
import { recordOf } from '../../../src/plugins/crm/server/src/validation/responses';
import { searchQuery } from '../../../src/plugins/crm/server/src/validation/search';

describe('request and answer schemas as JSON Schema', () => {
  it('describes a query-string number by its range, though zod parses it from any value', () => {
    expect(toJsonSchema(networkQuery, 'request')).toEqual({
      type: 'object',
      properties: { depth: { type: 'integer', minimum: 1, maximum: 3, default: 1 } },
      additionalProperties: false,
    });
    const search = toJsonSchema(searchQuery, 'request') as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(search.required).toEqual(['q']);
    expect(search.properties.pageSize).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 25,
    });
  });

  it('describes a request by what it takes: the log takes a comma-separated text, not the list it becomes', () => {
    const log = toJsonSchema(logQuery, 'request') as {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(log.properties.status).toMatchObject({
      type: 'string',
      default: 'invalid,ignored,failed',
    });
    expect(log.properties.pageSize).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 500,
      default: 50,
    });
  });

  it('refers a record to its content type', () => {
    expect(toJsonSchema(recordOf('Customer'), 'response')).toEqual({
      $ref: '#/components/schemas/Customer',
    });
  });
});
