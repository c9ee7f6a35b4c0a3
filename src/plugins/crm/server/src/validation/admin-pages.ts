import { z } from 'zod';

import { MARKETING_CHANNELS } from '../domain';
import { pageParams } from './parse';

/** `true` or `false` of a query string. */
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** `?page=&pageSize=` of the admin pages' lists. */
export const pageQuery = z.object(pageParams(100, 20));

/** `GET /crm/contacts?q=&company=&includeInactive=&page=&pageSize=`. */
export const contactsQuery = z.object({
  q: z.string().trim().max(200, 'q is at most 200 characters').optional(),
  company: z.string().trim().min(1, 'company is a customer documentId').max(100).optional(),
  includeInactive: flag.optional(),
  ...pageParams(100, 20),
});

/** `GET /crm/contacts/export?contacts=<id>&contacts=<id>`: one id, or several. */
export const contactExportQuery = z.object({
  contacts: z
    .union([z.string().min(1), z.array(z.string().min(1))], {
      errorMap: () => ({ message: 'contacts is a list of contact documentIds' }),
    })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(z.string().min(1))
        .min(1, 'contacts is a list of contact documentIds')
        .max(1000, 'contacts: at most 1000 at a time')
    ),
});

/** `GET /crm/marketing-lists/:id/members?page=&pageSize=&reachable=`. */
export const listMembersQuery = z.object({
  reachable: flag.optional(),
  ...pageParams(100, 20),
});

/** `POST /crm/marketing-lists`: a new, empty list. */
export const createListBody = z.object({
  data: z.object({
    name: z
      .string({ required_error: 'name is required' })
      .trim()
      .min(1, 'name is required')
      .max(100, 'name is at most 100 characters'),
    channel: z.enum(MARKETING_CHANNELS, {
      errorMap: () => ({ message: `channel is one of ${MARKETING_CHANNELS.join(', ')}` }),
    }),
  }),
});
