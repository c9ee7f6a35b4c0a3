import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type request from 'supertest';

/**
 * Checks every answer of the CRM's REST API against its OpenAPI document: the status must be one the
 * operation documents and a JSON body must match that status's schema (JSON Schema 2020-12, by ajv).
 * Bodies of other media types (CSV downloads) are checked for their media type only.
 */

interface OpenApiDocument {
  servers: { url: string }[];
  paths: Record<
    string,
    Record<string, { responses: Record<string, ResponseObject | { $ref: string }> }>
  >;
  components: { responses: Record<string, ResponseObject> };
}
interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
const DOCUMENT_ID = 'https://crm.test/openapi.json';

/** A JSON pointer segment, as a URI fragment holds it. */
const segment = (part: string) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1'));
const pointer = (...parts: string[]) => `#/${parts.map(segment).join('/')}`;

export const createContractChecker = (document: OpenApiDocument) => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const compiled = new Map<string, ValidateFunction>();
  const validatorAt = (at: string) => {
    let validate = compiled.get(at);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}${at}` });
      compiled.set(at, validate);
    }
    return validate;
  };

  const base = document.servers[0].url.replace(/\/$/, '');
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => ({
      path,
      method,
      pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
  );

  /** Where the description of this answer is, or why there is none. */
  const describe = (
    method: string,
    url: string,
    status: number
  ): { at?: string; content?: ResponseObject['content']; problem?: string } => {
    // Left encoded: a segment matches `{id}` as sent, and a malformed escape is the server's to refuse.
    const path =
      url
        .split('?')[0]
        .slice(base.length)
        .replace(/(.)\/$/, '$1') || '/';
    const operation = operations.find(
      (candidate) => candidate.method === method && candidate.pattern.test(path)
    );
    if (!operation) {
      // No such route: Strapi's 404 (or 405) in its error shape.
      return status >= 400
        ? { at: pointer('components', 'schemas', 'Error'), content: { 'application/json': {} } }
        : { problem: 'no operation of the API description matches' };
    }
    const responses = document.paths[operation.path][method].responses;
    let response = responses[String(status)];
    let at = ['paths', operation.path, method, 'responses', String(status)];
    if (!response)
      return {
        problem: `status ${status} is not documented for ${method.toUpperCase()} ${operation.path} (documented: ${Object.keys(responses).join(', ')})`,
      };
    if ('$ref' in response) {
      const name = response.$ref.split('/').pop()!;
      response = document.components.responses[name];
      at = ['components', 'responses', name];
    }
    const json = response.content?.['application/json'];
    return {
      content: response.content,
      ...(json?.schema ? { at: pointer(...at, 'content', 'application/json', 'schema') } : {}),
    };
  };

  const check = (method: string, url: string, response: request.Response) => {
    const where = `${method.toUpperCase()} ${url} → ${response.status}`;
    const { at, content, problem } = describe(method, url, response.status);
    if (problem) throw new Error(`${where}: ${problem}`);
    const mediaType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    const hasBody = response.status !== 204 && response.status !== 304 && Boolean(mediaType);
    if (!hasBody) return;
    if (!content?.[mediaType])
      throw new Error(
        `${where}: answered ${mediaType}, the API description says ${Object.keys(content ?? {}).join(', ') || 'no content'}`
      );
    if (mediaType !== 'application/json' || !at) return;
    const validate = validatorAt(at);
    if (!validate(response.body)) {
      throw new Error(
        `${where}: the answer does not match the API description (${at}):\n  ${ajv.errorsText(validate.errors, { separator: '\n  ' })}\n  body: ${JSON.stringify(response.body).slice(0, 800)}`
      );
    }
  };

  /** The agent with every request to the CRM's REST API checked when its answer arrives. */
  const checking = (agent: request.Agent): request.Agent => {
    for (const method of METHODS) {
      const send = agent[method].bind(agent) as (url: string, ...rest: unknown[]) => request.Test;
      (agent as unknown as Record<string, unknown>)[method] = (url: string, ...rest: unknown[]) => {
        const test = send(url, ...rest);
        if (typeof url === 'string' && url.startsWith(`${base}/`))
          test.expect((response) => check(method, url, response));
        return test;
      };
    }
    return agent;
  };

  return { check, checking };
};

export type ContractChecker = ReturnType<typeof createContractChecker>;
