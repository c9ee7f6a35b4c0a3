import type { CrmSettings, SocialLookupAnswer, SocialProfileLink } from '../../../contracts';

export type { FoundProfile, SocialLookupAnswer, SocialProfileLink } from '../../../contracts';

/** One profile found for one address, and where it came from. */
export type SocialLookupHit = SocialLookupAnswer['data']['found'][number];

/** The fields a social profile may write: the avatar, the accounts, and the name fields of the customer's type. */
export interface SocialProfileData {
  avatarUrl?: string;
  socialProfiles?: SocialProfileLink[];
  firstName?: string;
  lastName?: string;
  businessName?: string;
}

/** `PUT /customers/:id/social-profile`: what to take, and the profile it was taken from. */
export interface SocialProfileUpdate {
  data: SocialProfileData;
  source: { service: string; email: string };
}

/** Whether the server offers social lookups; a server that does not say, does not. */
export const socialLookupEnabled = (settings?: Partial<CrmSettings>): boolean =>
  settings?.socialLookup?.enabled === true;
