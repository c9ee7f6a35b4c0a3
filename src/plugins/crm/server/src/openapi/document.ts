import type { Core } from '@strapi/strapi';

import { CONTACT_POINT_KINDS, CONTACT_POINT_PLURALS } from '../domain';
import type { ContentApiRoute } from '../routes/contract';
import { componentName, inputSchema, recordSchema, type Model } from './content-types';
import { toJsonSchema, type JsonSchema } from './json-schema';

/** The error statuses every route may answer, in Strapi's error shape. */
const ERRORS: Record<number, { name: string; description: string }> = {
  400: {
    name: 'BadRequest',
    description: 'The request breaks a rule or does not match its schema',
  },
  401: { name: 'Unauthorized', description: 'Credentials missing or refused' },
  403: { name: 'Forbidden', description: "The caller's role or token may not do this" },
  404: { name: 'NotFound', description: 'No such record (or not one the caller may see)' },
  409: { name: 'Conflict', description: "The request clashes with the record's state" },
  413: {
    name: 'PayloadTooLarge',
    description: 'The body (or the upload) is larger than the limit',
  },
  415: {
    name: 'UnsupportedMediaType',
    description: "The body's content encoding is not one the server reads",
  },
};
// Strapi's body parser answers 413 and 415 on any route, before its action.
const COMMON_ERRORS = [400, 401, 403, 404, 409, 413, 415];

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  description: "Strapi's error shape",
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      properties: {
        status: { type: 'integer' },
        name: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object' },
      },
      // Errors of the body parser (malformed JSON, a broken multipart body) come without details.
      required: ['status', 'name', 'message'],
      additionalProperties: false,
    },
  },
  required: ['data', 'error'],
  additionalProperties: false,
};

const PAGINATION: JsonSchema = {
  anyOf: [
    {
      type: 'object',
      properties: {
        page: { type: 'integer' },
        pageSize: { type: 'integer' },
        pageCount: { type: 'integer' },
        total: { type: 'integer' },
      },
      required: ['page', 'pageSize', 'pageCount', 'total'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        start: { type: 'integer' },
        limit: { type: 'integer' },
        total: { type: 'integer' },
      },
      required: ['start', 'limit', 'total'],
      additionalProperties: false,
    },
  ],
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Strapi's own query parameters of record routes. */
const SHAPE_PARAMETERS = [
  {
    name: 'fields',
    in: 'query',
    description: 'the fields to answer, e.g. `fields[0]=firstName`',
    style: 'deepObject',
    schema: {
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }],
    },
  },
  {
    name: 'populate',
    in: 'query',
    description:
      'the relations to load, e.g. `populate[0]=phones` or `populate[phones][fields][0]=number`',
    style: 'deepObject',
    schema: {
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'object' }],
    },
  },
];
const LIST_PARAMETERS = [
  {
    name: 'filters',
    in: 'query',
    description: "Strapi's filters, e.g. `filters[lastName][$eq]=Lovelace`",
    style: 'deepObject',
    explode: true,
    schema: { type: 'object' },
  },
  {
    name: 'sort',
    in: 'query',
    description: 'e.g. `sort=lastName:asc` or `sort[0]=createdAt:desc`',
    schema: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
  { name: 'pagination[page]', in: 'query', schema: { type: 'integer', minimum: 1 } },
  { name: 'pagination[pageSize]', in: 'query', schema: { type: 'integer', minimum: 1 } },
  { name: 'pagination[start]', in: 'query', schema: { type: 'integer', minimum: 0 } },
  { name: 'pagination[limit]', in: 'query', schema: { type: 'integer', minimum: -1 } },
  { name: 'pagination[withCount]', in: 'query', schema: { type: 'boolean' } },
];

/** `/customers/:id` → `/customers/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

const pascal = (handler: string) =>
  handler
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const queryParameters = (route: ContentApiRoute) => {
  const { query } = route.contract;
  if (!query) return [];
  return Object.entries(query.shape as Record<string, import('zod').ZodTypeAny>).map(
    ([name, schema]) => {
      const json = toJsonSchema(schema, 'request');
      const { description, ...rest } = json;
      const isObject = rest.type === 'object';
      return {
        name,
        in: 'query',
        required: !schema.isOptional(),
        ...(description ? { description } : {}),
        ...(isObject ? { style: 'deepObject', explode: true } : {}),
        schema: rest,
      };
    }
  );
};

/**
 * The OpenAPI 3.1 document of the plugin's content API, made from its route table (each route's
 * contract: zod schemas of queries, bodies and answers) and the content types' models.
 */
export const buildOpenApiDocument = (
  strapi: Core.Strapi,
  routes: readonly ContentApiRoute[],
  version: string
) => {
  const models = new Map<string, Model>(
    Object.entries(strapi.contentTypes)
      .filter(([uid]) => uid.startsWith('plugin::crm.'))
      .map(([uid, model]) => [uid, model as Model])
  );
  const modelOf = (singularName: string) => {
    const model = models.get(`plugin::crm.${singularName}`);
    if (!model) throw new Error(`crm: no content type ${singularName} for the API description`);
    return model;
  };

  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA, Pagination: PAGINATION };
  for (const model of models.values()) {
    const name = componentName(model.info.singularName);
    schemas[name] = recordSchema(model, models);
    const nested =
      model.info.singularName === 'customer'
        ? CONTACT_POINT_KINDS.map((kind) => CONTACT_POINT_PLURALS[kind])
        : [];
    schemas[`${name}Input`] = inputSchema(model, models, nested);
  }

  const responses: Record<string, JsonSchema> = {};
  for (const [status, { name, description }] of Object.entries(ERRORS)) {
    responses[name] = {
      description,
      content: {
        'application/json': {
          schema: {
            allOf: [ref('Error')],
            properties: { error: { properties: { status: { const: Number(status) } } } },
          },
        },
      },
    };
  }

  const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
  const paths: Record<string, Record<string, unknown>> = {};

  for (const route of routes) {
    const { contract } = route;
    const component = pascal(route.handler);
    const parameters: unknown[] = [];
    if (route.path.includes(':id')) {
      parameters.push({
        name: 'id',
        in: 'path',
        required: true,
        description: 'the documentId of the record',
        schema: { type: 'string' },
      });
    }
    let requestBody: unknown;
    const success: Record<string, unknown> = { description: contract.summary };

    if (contract.record) {
      const { type, action } = contract.record;
      const name = componentName(modelOf(type).info.singularName);
      if (action === 'find') parameters.push(...LIST_PARAMETERS);
      if (action !== 'delete') parameters.push(...SHAPE_PARAMETERS);
      if (action === 'find') {
        schemas[`${name}List`] ??= {
          type: 'object',
          properties: {
            data: { type: 'array', items: ref(name) },
            meta: {
              type: 'object',
              properties: { pagination: ref('Pagination') },
              required: ['pagination'],
            },
          },
          required: ['data', 'meta'],
          additionalProperties: false,
        };
        success.content = json(ref(`${name}List`));
      } else if (action !== 'delete') {
        schemas[`${name}Response`] ??= {
          type: 'object',
          properties: { data: ref(name), meta: { type: 'object' } },
          required: ['data', 'meta'],
          additionalProperties: false,
        };
        success.content = json(ref(`${name}Response`));
      }
      if (action === 'create' || action === 'update') {
        requestBody = {
          required: true,
          content: json({
            type: 'object',
            properties: { data: ref(`${name}Input`) },
            required: ['data'],
          }),
        };
      }
    }
    if (contract.shapes) parameters.push(...SHAPE_PARAMETERS);
    parameters.push(...queryParameters(route));
    if (contract.body)
      requestBody = { required: true, content: json(toJsonSchema(contract.body, 'request')) };
    if (contract.upload) {
      const fields = toJsonSchema(contract.upload, 'request') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                file: { type: 'string', contentMediaType: 'text/csv', description: 'the CSV file' },
                ...fields.properties,
              },
              required: ['file', ...(fields.required ?? [])],
            },
          },
        },
      };
    }
    if (contract.success.schema) {
      schemas[`${component}Response`] = toJsonSchema(contract.success.schema, 'response');
      success.content = json(ref(`${component}Response`));
    }
    if (contract.success.zip)
      success.content = {
        ...(success.content as object),
        'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } },
      };
    if (contract.success.csv) {
      success.content = { 'text/csv': { schema: { type: 'string' } } };
      const headers = contract.success.csv.headers ?? {};
      if (Object.keys(headers).length) {
        success.headers = Object.fromEntries(
          Object.entries(headers).map(([header, description]) => [
            header,
            { description, schema: { type: 'integer' } },
          ])
        );
      }
    }

    const operation = {
      operationId: route.handler,
      summary: contract.summary,
      tags: [route.handler.split('.')[0]],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [String(contract.success.status)]: success,
        ...Object.fromEntries(
          COMMON_ERRORS.map((status) => [
            String(status),
            { $ref: `#/components/responses/${ERRORS[status].name}` },
          ])
        ),
      },
    };
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }

  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  return {
    openapi: '3.1.0',
    info: {
      title: 'CRM API',
      version,
      description:
        'The REST API of the CRM plugin. `{id}` is always a documentId. Generated from the route table and its schemas.',
    },
    servers: [{ url: `${prefix}/crm` }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'a users-permissions JWT or an API token',
        },
      },
      schemas,
      responses,
    },
  };
};
