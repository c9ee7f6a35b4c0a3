import { createHash } from 'node:crypto';

import { z } from 'zod';

import type { FoundProfile } from './found-profile';
import {
  SOCIAL_SERVICE_MAX_LENGTH,
  SOCIAL_URL_MAX_LENGTH,
  isWebUrl,
  type SocialProfile,
} from './profile-fields';

export const DEFAULT_GRAVATAR_BASE_URL = 'https://api.gravatar.com/v3';

/** The hash Gravatar files a profile under: SHA-256 of the trimmed, lower-cased address, in hex. */
export const gravatarHash = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

const optionalText = z.string().nullish();

/**
 * The part of Gravatar's profile answer (`GET /profiles/{hash}`) the CRM reads. Other fields pass
 * through unread; a field read here of another type makes the whole answer malformed.
 */
export const gravatarProfileSchema = z
  .object({
    hash: z.string(),
    display_name: optionalText,
    profile_url: optionalText,
    avatar_url: optionalText,
    location: optionalText,
    job_title: optionalText,
    company: optionalText,
    first_name: optionalText,
    last_name: optionalText,
    verified_accounts: z
      .array(
        z
          .object({
            service_type: optionalText,
            service_label: optionalText,
            url: optionalText,
            is_hidden: z.boolean().nullish(),
          })
          .passthrough()
      )
      .nullish(),
  })
  .passthrough();
export type GravatarProfile = z.infer<typeof gravatarProfileSchema>;

const text = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const accountsOf = (profile: GravatarProfile): SocialProfile[] =>
  (profile.verified_accounts ?? []).flatMap((account) => {
    const url = text(account.url);
    const service = text(account.service_label) ?? text(account.service_type);
    // A hidden account is one its owner chose not to show; other schemes are no web page. Gravatar
    // names no user name, and one guessed from the url would often be wrong.
    if (account.is_hidden === true || !url || !service || !isWebUrl(url)) return [];
    // What the customer's rule would refuse could not be taken, so it is not offered.
    if (url.length > SOCIAL_URL_MAX_LENGTH || service.length > SOCIAL_SERVICE_MAX_LENGTH) return [];
    return [{ service, url }];
  });

/**
 * A Gravatar profile in the CRM's terms. First and last name come only with an authenticated
 * request; without them a display name of two or more words is split, its last word taken as the
 * last name and the rest as the first name — a guess that fits most Western names, which the
 * person taking it can correct.
 */
export function profileFromGravatar(profile: GravatarProfile): FoundProfile {
  const displayName = text(profile.display_name);
  let firstName = text(profile.first_name);
  let lastName = text(profile.last_name);
  if (!firstName && !lastName && displayName) {
    const words = displayName.split(/\s+/);
    if (words.length >= 2) {
      lastName = words.at(-1);
      firstName = words.slice(0, -1).join(' ');
    }
  }
  const avatar = text(profile.avatar_url);
  const found: FoundProfile = {
    ...(firstName ? { firstName } : {}),
    ...(lastName ? { lastName } : {}),
    ...(displayName ? { displayName } : {}),
    ...(text(profile.job_title) ? { jobTitle: text(profile.job_title) } : {}),
    ...(text(profile.company) ? { company: text(profile.company) } : {}),
    ...(text(profile.location) ? { location: text(profile.location) } : {}),
    ...(avatar && avatar.length <= SOCIAL_URL_MAX_LENGTH && isWebUrl(avatar)
      ? { avatarUrl: avatar }
      : {}),
    accounts: accountsOf(profile),
  };
  return found;
}
