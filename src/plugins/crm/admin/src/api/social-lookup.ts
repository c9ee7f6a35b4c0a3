import type { CrmSettings, Customer } from '../../../contracts';

/** A public account a profile links to (a service such as `github`, its address, the name on it). */
export interface SocialAccount {
  service: string;
  url: string;
  username?: string;
}

/** What a provider tells of the person behind an e-mail address; every field may be missing. */
export interface FoundProfile {
  firstName?: string;
  lastName?: string;
  displayName?: string;
  jobTitle?: string;
  company?: string;
  location?: string;
  avatarUrl?: string;
  accounts: SocialAccount[];
}

/** One profile found for one address, and where it came from. */
export interface SocialLookupHit {
  email: string;
  source: string;
  profile: FoundProfile;
}

/** `POST /customers/:id/social-lookup`: the profiles found, the addresses tried, the providers that did not answer. */
export interface SocialLookupAnswer {
  data: { found: SocialLookupHit[] };
  meta: { searched: string[]; unavailable: { email: string; source: string }[] };
}

/** The fields a social profile may write: the avatar, the accounts, and the name fields of the customer's type. */
export interface SocialProfileData {
  avatarUrl?: string;
  socialProfiles?: SocialAccount[];
  firstName?: string;
  lastName?: string;
  businessName?: string;
}

/** `PUT /customers/:id/social-profile`: what to take, and the profile it was taken from. */
export interface SocialProfileUpdate {
  data: SocialProfileData;
  source: { service: string; email: string };
}

/** A customer with what a social profile gave it (absent on servers without the feature). */
export type CustomerWithSocial = Customer & {
  avatarUrl?: string | null;
  socialProfiles?: SocialAccount[] | null;
};

/** Whether the server offers social lookups; a server that does not say, does not. */
export const socialLookupEnabled = (settings?: CrmSettings): boolean =>
  (settings as { socialLookup?: { enabled?: boolean } } | undefined)?.socialLookup?.enabled ===
  true;
