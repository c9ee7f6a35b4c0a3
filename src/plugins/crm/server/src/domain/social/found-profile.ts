import type { SocialProfile } from './profile-fields';

/** How long a source may take to answer by default: a member of staff waits for it. */
export const DEFAULT_SOCIAL_LOOKUP_TIMEOUT_MS = 3000;

/** What a social profile lookup found of a person, in the CRM's terms; every field is optional. */
export interface FoundProfile {
  firstName?: string;
  lastName?: string;
  displayName?: string;
  jobTitle?: string;
  company?: string;
  location?: string;
  avatarUrl?: string;
  accounts: SocialProfile[];
}
