import type { Context, Next } from 'koa';

import { errors } from '../utils/strapi-utils';

type Path = (string | number)[];

/** The path of the first key or string value holding a NUL character; walked without recursion, as bodies nest deep. */
export const findNulCharacter = (input: unknown): Path | undefined => {
  const pending: { value: unknown; path: Path }[] = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: [...path, index] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return [...path, key];
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return undefined;
};

const label = (path: Path) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i ? `.${part}` : part)).join('');

/**
 * Runs before every CRM route's action: refuses text that no database column can hold. PostgreSQL
 * text cannot contain the NUL character (U+0000), so an id, query or body holding one would fail
 * deep in a query as a 500; it is refused here as a 400 on both databases alike. Uploaded files
 * are not part of the body and are judged by the import.
 */
export default () => async (ctx: Context, next: Next) => {
  const sources: [string, unknown][] = [
    ['path', ctx.params],
    ['query', ctx.query],
    ['body', (ctx.request as { body?: unknown }).body],
  ];
  for (const [source, input] of sources) {
    const path = findNulCharacter(input);
    if (path) {
      const where = label([source, ...path]);
      const message = `${where}: text must not contain the NUL character`;
      throw new errors.ValidationError(message, {
        errors: [{ path: [source, ...path], message, name: 'ValidationError' }],
      });
    }
  }
  return next();
};
