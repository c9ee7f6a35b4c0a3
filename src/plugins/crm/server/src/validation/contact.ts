import { z } from 'zod';

import { errors } from '../utils/strapi-utils';
import { pageParams, parseBody } from './parse';

/** `POST /contacts/:id/generate-login`. */
export const generateLoginBody = z.object({
  email: z.string({ required_error: 'email is required' }),
});

/** `POST /contacts/:id/activity`: a comment on the contact. */
export const commentBody = z.object({ data: z.object({ body: z.unknown() }) });

/** `GET /contacts?includeInactive=`: lists show active contacts only unless asked. */
export const contactListQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional() });

export const readIncludeInactive = (query: unknown): boolean => {
  const parsed = contactListQuery.safeParse(query ?? {});
  if (!parsed.success) throw new errors.ValidationError('includeInactive must be true or false');
  return parsed.data.includeInactive === 'true';
};

/** `GET /contacts/:id/activity`: Strapi's `pagination[page]` and `pagination[pageSize]`, or `page` and `pageSize`. */
export const activityQuery = z.object({
  ...pageParams(100, 25),
  pagination: z.object(pageParams(100, 25)).partial().optional(),
});

const activityPage = z.object(pageParams(100, 25));

export const readActivityPage = (
  query: Record<string, unknown>
): { page: number; pageSize: number } => {
  const strapiPagination = query.pagination as Record<string, unknown> | undefined;
  const given = (name: 'page' | 'pageSize') => strapiPagination?.[name] !== undefined;
  return parseBody(
    activityPage,
    {
      page: given('page') ? strapiPagination!.page : query.page,
      pageSize: given('pageSize') ? strapiPagination!.pageSize : query.pageSize,
    },
    ([name]) => (given(name as 'page' | 'pageSize') ? `pagination[${String(name)}]` : String(name))
  );
};
