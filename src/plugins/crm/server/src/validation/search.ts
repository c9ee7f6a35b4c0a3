import { z } from 'zod';

import { pageParams } from './parse';

/** `?q=&page=&pageSize=` of the quick search, for the content API and the admin panel alike. */
export const searchQuery = z.object({
  q: z.string({ required_error: 'q is required' }).trim().min(1, 'q is required').max(200),
  ...pageParams(100, 25),
});
