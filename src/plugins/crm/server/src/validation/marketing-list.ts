import { z } from 'zod';

/** `POST /marketing-lists/:id/members`. */
export const membersBody = z.object({
  contacts: z
    .array(z.string().min(1))
    .min(1, 'contacts is a list of contact documentIds')
    .max(1000),
});
