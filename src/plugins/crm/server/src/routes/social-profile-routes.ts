import { recordResponse } from '../validation/responses';
import {
  socialLookupBody,
  socialLookupResponse,
  socialProfileBody,
} from '../validation/social-profile';
import type { ContentApiRoute } from './contract';

/** What a social profile lookup needs: the right to change the customer (the role table's `writeCustomers`). */
const WRITE_CUSTOMERS = { scope: ['plugin::crm.customer.update'] };

/**
 * The social profile lookup of a customer and taking what it found, served to the content API
 * (/api/crm) and to the admin panel (/crm, `plugin::crm.manage`) with the same handlers. Both are
 * a 403 while the lookup is turned off (`socialLookup.enabled`).
 */
export const SOCIAL_PROFILE_ROUTES: readonly ContentApiRoute[] = [
  {
    method: 'POST',
    path: '/customers/:id/social-lookup',
    handler: 'customer.socialLookup',
    auth: WRITE_CUSTOMERS,
    contract: {
      summary:
        "Look up public social profiles of the customer's e-mail addresses, or of another one (writes nothing)",
      body: socialLookupBody,
      success: { status: 200, schema: socialLookupResponse },
    },
  },
  {
    method: 'PUT',
    path: '/customers/:id/social-profile',
    handler: 'customer.takeSocialProfile',
    auth: WRITE_CUSTOMERS,
    contract: {
      summary:
        'Take chosen fields of a found social profile: name fields, avatarUrl, socialProfiles (added to those held)',
      body: socialProfileBody,
      success: { status: 200, schema: recordResponse('Customer') },
    },
  },
];
