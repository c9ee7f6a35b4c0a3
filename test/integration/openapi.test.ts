import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { CRM_ROLES } from '../../src/plugins/crm/server/src/permissions';
import { createContractChecker } from '../helpers/contract';
import { useTestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

const app = useTestApp();
const run = promisify(execFile);

interface Route {
  method: string;
  path: string;
  handler: string;
}
type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: {
          name: string;
          in: string;
          required?: boolean;
          schema: Record<string, unknown>;
        }[];
        requestBody?: { content: Record<string, { schema: Record<string, any> }> };
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, Record<string, any>> };
};

const fetchDocument = async (): Promise<Document> => {
  const response = await app.api().get('/api/crm/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.body;
};

describe('GET /api/crm/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    const dir = await mkdtemp(join(tmpdir(), 'crm-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(document));
      const cli = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
      const result = await run(process.execPath, [cli, file]).then(
        ({ stdout }) => JSON.parse(stdout),
        (error: { stdout?: string }) =>
          JSON.parse(error.stdout || '{"valid":false,"errors":"the validator did not run"}')
      );
      expect(result.errors).toBeUndefined();
      expect(result.valid).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('has an operation for every route of the route table, and none other', async () => {
    const document = await fetchDocument();
    const routes = (
      app.strapi.plugin('crm').routes as unknown as Record<string, { routes: Route[] }>
    )['content-api'].routes;
    const served = routes
      .map(
        (route) =>
          `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')} ${route.handler.replace(/^plugin::crm\./, '')}`
      )
      .sort();
    const documented = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.entries(item).map(
          ([method, operation]) => `${method} ${path} ${operation.operationId}`
        )
      )
      .sort();
    expect(routes.length).toBeGreaterThan(60);
    expect(documented).toEqual(served);
  });

  it('takes its parameters, bodies and answers from the zod schemas and the content types', async () => {
    const document = await fetchDocument();
    const search = document.paths['/customers/search'].get;
    const q = search.parameters!.find((parameter) => parameter.name === 'q')!;
    expect(q).toMatchObject({
      in: 'query',
      required: true,
      schema: { type: 'string', maxLength: 200 },
    });
    expect(search.parameters!.find((parameter) => parameter.name === 'pageSize')).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
    });
    const list = document.paths['/customers'].get.parameters!.map((parameter) => parameter.name);
    expect(list).toEqual(
      expect.arrayContaining([
        'filters',
        'sort',
        'pagination[page]',
        'pagination[pageSize]',
        'pagination[start]',
        'pagination[limit]',
        'fields',
        'populate',
      ])
    );
    expect(
      document.paths['/customers/{id}'].get.parameters!.find((parameter) => parameter.in === 'path')
    ).toMatchObject({ name: 'id', required: true, schema: { type: 'string' } });

    const primary =
      document.paths['/customers/{id}/primary'].put.requestBody!.content['application/json'].schema;
    expect(primary.properties.kind).toEqual({
      type: 'string',
      enum: ['address', 'phone', 'email'],
    });
    const upload =
      document.paths['/imports'].post.requestBody!.content['multipart/form-data'].schema;
    expect(upload.required).toEqual(['file', 'object']);
    expect(upload.properties.object.enum).toEqual(['contacts', 'customers']);
    expect(Object.keys(document.paths['/imports'].post.responses)).toEqual(
      expect.arrayContaining(['201', '413'])
    );

    const customer = document.components.schemas.Customer;
    expect(customer.properties.status).toEqual({
      anyOf: [{ type: 'string', enum: ['active', 'inactive'] }, { type: 'null' }],
    });
    expect(customer.properties).not.toHaveProperty('ssnEncrypted');
    const input = document.components.schemas.CustomerInput;
    expect(input.properties).not.toHaveProperty('customerNumber');
    expect(input.properties).toHaveProperty('phones');
    const create = document.paths['/customers'].post;
    expect(create.requestBody!.content['application/json'].schema).toEqual({
      type: 'object',
      properties: { data: { $ref: '#/components/schemas/CustomerInput' } },
      required: ['data'],
    });
    expect(Object.keys(create.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
    ]);
    expect(document.paths['/marketing-lists/{id}/export'].get.responses['200']).toMatchObject({
      content: { 'text/csv': { schema: { type: 'string' } } },
    });
  });

  it('is readable by every CRM role and API tokens, custom ones with any CRM permission', async () => {
    for (const role of CRM_ROLES) {
      const { agent } = await loginAs(app, role);
      expect([role, (await agent().get('/api/crm/openapi.json')).status]).toEqual([role, 200]);
    }
    expect((await (await apiToken(app, 'read-only'))().get('/api/crm/openapi.json')).status).toBe(
      200
    );
    expect((await (await apiToken(app, 'full-access'))().get('/api/crm/openapi.json')).status).toBe(
      200
    );
    const importer = await apiToken(app, 'custom', ['plugin::crm.import.create']);
    expect((await importer().get('/api/crm/openapi.json')).status).toBe(200);
  });

  it('is refused to anonymous callers, other roles, tokens without a CRM permission and bad credentials', async () => {
    const anonymous = await app.anonymous().get('/api/crm/openapi.json');
    expect(anonymous.status).toBe(403);
    expect(anonymous.body).toMatchObject({
      data: null,
      error: { status: 403, name: 'PolicyError' },
    });
    const { agent } = await loginAs(app, 'authenticated');
    expect((await agent().get('/api/crm/openapi.json')).status).toBe(403);
    const other = await apiToken(app, 'custom', ['plugin::users-permissions.user.find']);
    expect((await other().get('/api/crm/openapi.json')).status).toBe(403);
    const wrong = await app
      .anonymous()
      .get('/api/crm/openapi.json')
      .set('Authorization', 'Bearer not-a-token');
    expect(wrong.status).toBe(401);
  });

  it('refuses a body, which a GET does not read, with a 400', async () => {
    const response = await app
      .api()
      .get('/api/crm/openapi.json')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`data=${'z'.repeat(300_000)}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'GET /openapi.json takes no body',
    });
  });
});

describe('the check of answers against the document', () => {
  it('fails with the route, the status and what does not match', async () => {
    const { check } = createContractChecker((await fetchDocument()) as never);
    const answer = (status: number, body: unknown) =>
      ({ status, body, headers: { 'content-type': 'application/json; charset=utf-8' } }) as never;
    expect(() =>
      check(
        'get',
        '/api/crm/customers/abc',
        answer(200, { data: { id: 1, documentId: 'abc' }, meta: {} })
      )
    ).not.toThrow();
    expect(() =>
      check(
        'get',
        '/api/crm/customers/abc',
        answer(200, { data: { id: 1, documentId: 'abc', secret: 'x' }, meta: {} })
      )
    ).toThrow(
      /GET \/api\/crm\/customers\/abc → 200: the answer does not match[\s\S]*additional properties/
    );
    expect(() => check('get', '/api/crm/customers/abc', answer(418, {}))).toThrow(
      /status 418 is not documented/
    );
    expect(() =>
      check(
        'get',
        '/api/crm/customers/abc',
        answer(404, {
          data: null,
          error: { status: 400, name: 'NotFoundError', message: 'x', details: {} },
        })
      )
    ).toThrow(/must be equal to constant/);
    expect(() =>
      check('get', '/api/crm/marketing-lists/abc/export', {
        status: 200,
        body: {},
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      } as never)
    ).not.toThrow();
  });
});
