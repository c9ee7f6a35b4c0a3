/**
 * The social profile lookup (`POST /customers/:id/social-lookup`) and taking what it found
 * (`PUT /customers/:id/social-profile`): the answer's shape as zod schemas, which the server
 * describes its API from; the admin reads the inferred types only (`api.ts`).
 */
import { z } from 'zod';

/** The lookup's sources; one for now. */
export const SOCIAL_LOOKUP_SOURCES = ['gravatar'] as const;

/** A link to a person's profile elsewhere, as a customer's `socialProfiles` holds it. */
export const socialProfileLinkSchema = z.object({
  service: z.string(),
  url: z.string(),
  username: z.string().optional(),
});

/** What a source found of a person, in the CRM's terms. */
export const foundProfileSchema = z.object({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  displayName: z.string().optional(),
  jobTitle: z.string().optional(),
  company: z.string().optional(),
  location: z.string().optional(),
  avatarUrl: z.string().optional(),
  accounts: z.array(socialProfileLinkSchema),
});

const source = z.enum(SOCIAL_LOOKUP_SOURCES);

export const socialLookupResultSchema = z.object({
  data: z.object({
    found: z.array(z.object({ email: z.string(), source, profile: foundProfileSchema })),
  }),
  meta: z.object({
    /** Every address looked up, primary first. */
    searched: z.array(z.string()),
    /** Addresses a source could not answer for (it failed or took too long): not "not found". */
    unavailable: z.array(z.object({ email: z.string(), source })),
  }),
});
