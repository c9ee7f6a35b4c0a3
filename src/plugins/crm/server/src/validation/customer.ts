import { z } from 'zod';

import { CONTACT_POINT_KINDS } from '../domain';
import { MAX_NETWORK_DEPTH } from '../services/network';
import { queryWholeNumber } from './parse';

/** `PUT /customers/:id/primary`: which contact point becomes the primary of its kind. */
export const primaryBody = z.object({
  kind: z.enum(CONTACT_POINT_KINDS),
  id: z.string().min(1, 'id is the documentId of the contact point'),
});

/** `PUT /customers/:id/primary-contact`: the connected individual who becomes a business's primary contact. */
export const primaryContactBody = z.object({
  customer: z
    .string({ required_error: 'customer is required: the documentId of a connected individual' })
    .min(1),
});

/** `GET /customers/:id/network?depth=`. */
export const networkQuery = z.object({
  depth: queryWholeNumber(1, MAX_NETWORK_DEPTH).default(1),
});
