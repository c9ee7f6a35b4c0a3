import type { z } from 'zod';

/**
 * What a content-API route takes and answers, beside its method, path and handler: the API's
 * description (`openapi/`) is generated from it, and the controllers parse with the same schemas.
 */
export interface RouteContract {
  summary: string;
  /** A record route of a content type (`customer`, `marketing-list`): parameters, body and answer come from its schema. */
  record?: { type: string; action: 'find' | 'findOne' | 'create' | 'update' | 'delete' };
  /** Strapi's `fields` and `populate`, for routes that answer records of `type` chosen otherwise. */
  shapes?: string;
  /** The route's own query parameters. */
  query?: z.AnyZodObject;
  /** A JSON body. */
  body?: z.ZodTypeAny;
  /** A multipart form: its text fields, beside the file part named `file`. */
  upload?: z.AnyZodObject;
  /** The status and schema of a success; `csv` for a CSV download, no schema for an empty answer. */
  success: {
    status: number;
    schema?: z.ZodTypeAny;
    csv?: { headers?: Record<string, string> };
    /** Also answers a zip download (`application/zip`) beside the JSON schema. */
    zip?: boolean;
  };
}

export interface ContentApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  auth?: { scope: string[] };
  /** Strapi's route config, when the route is not guarded the usual way (the role table). */
  config?: { auth: false; policies: string[]; middlewares: string[] };
  contract: RouteContract;
}
