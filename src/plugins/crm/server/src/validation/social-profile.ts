import { z } from 'zod';

import {
  SOCIAL_LOOKUP_SOURCES,
  socialLookupResultSchema,
  socialProfileLinkSchema,
} from '../../../contracts/social-profile';
import { EMAIL_ADDRESS_MAX_LENGTH } from '../domain';

const emailAddress = (field: string) =>
  z
    .string({ invalid_type_error: `${field} must be an e-mail address` })
    .trim()
    .max(
      EMAIL_ADDRESS_MAX_LENGTH,
      `${field} must be at most ${EMAIL_ADDRESS_MAX_LENGTH} characters`
    )
    .email(`${field} must be a valid e-mail address`)
    .transform((address) => address.toLowerCase());

/** `POST /customers/:id/social-lookup`: another address to look up than the customer's own. */
export const socialLookupBody = z.object({ email: emailAddress('email').optional() });

const optionalName = z.string().nullable().optional();

/**
 * `PUT /customers/:id/social-profile`: the fields taken from what a lookup found, and where from.
 * Other fields pass through to be refused by name (`assertTakeableFields`), as do name fields of
 * the other customer type; the values are judged by the customer rules.
 */
export const socialProfileBody = z.object({
  data: z
    .object({
      avatarUrl: z.string().nullable().optional(),
      socialProfiles: z.array(socialProfileLinkSchema.passthrough()).optional(),
      firstName: optionalName,
      middleName: optionalName,
      lastName: optionalName,
      businessName: optionalName,
    })
    .passthrough(),
  source: z
    .object({
      service: z.enum(SOCIAL_LOOKUP_SOURCES, {
        errorMap: () => ({
          message: `source.service must be one of ${SOCIAL_LOOKUP_SOURCES.join(', ')}`,
        }),
      }),
      email: emailAddress('source.email'),
    })
    .optional(),
});
export type SocialProfileBody = z.output<typeof socialProfileBody>;

export const socialLookupResponse = socialLookupResultSchema;
