import type { Core } from '@strapi/strapi';

import {
  assertTakeableFields,
  storedSocialProfiles,
  unionSocialProfiles,
  validateSocialFields,
  type CustomerType,
  type FoundProfile,
} from '../../domain';
import { getService } from '../../utils/get-service';
import { errors } from '../../utils/strapi-utils';
import { CUSTOMER_UID } from '../../utils/uids';
import type { SocialProfileBody } from '../../validation/social-profile';
import { createGravatarProvider } from './gravatar';
import { SourceUnavailable, type SocialProfileProvider } from './provider';

export const SOCIAL_LOOKUP_OFF_MESSAGE =
  'the social profile lookup is turned off: an admin turns it on with CRM_SOCIAL_LOOKUP=true (plugin option socialLookup.enabled)';

/** What a lookup answers: the profiles found, the addresses searched, and the sources that failed. */
export interface LookupResult {
  found: { email: string; source: SocialProfileProvider['source']; profile: FoundProfile }[];
  searched: string[];
  unavailable: { email: string; source: SocialProfileProvider['source'] }[];
}

interface StoredCustomer {
  id: number;
  documentId: string;
  type: CustomerType;
  emails?: { address: string; isPrimary: boolean; createdAt?: string | Date }[];
}

/**
 * Looks up public profiles of a customer's e-mail addresses and prepares taking what was found.
 * Nothing leaves the machine while the lookup is turned off, and the lookup itself writes nothing:
 * what staff choose to take goes through the customer's normal update.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => getService(strapi, 'settings').get().socialLookup;

  const providers = (): SocialProfileProvider[] => [createGravatarProvider(settings().gravatar)];

  /** The customer, or a 404; then a 403 while the lookup is off (the order lets callers tell). */
  const customerOf = async (documentId: string, populateEmails: boolean) => {
    const customer = (await strapi.db.query(CUSTOMER_UID).findOne({
      where: { documentId },
      select: ['id', 'documentId', 'type'],
      ...(populateEmails
        ? { populate: { emails: { select: ['address', 'isPrimary', 'createdAt'] } } }
        : {}),
    })) as StoredCustomer | null;
    if (!customer) throw new errors.NotFoundError('customer not found');
    // A PolicyError (a ForbiddenError) keeps its message through Strapi's error handling.
    if (!settings().enabled) throw new errors.PolicyError(SOCIAL_LOOKUP_OFF_MESSAGE);
    return customer;
  };

  /** One source asked about one address, within the time allowed; a failure is logged and "unavailable". */
  const ask = async (provider: SocialProfileProvider, email: string) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), settings().timeoutMs);
    try {
      return { profile: await provider.lookup(email, { signal: controller.signal }) };
    } catch (error) {
      const reason =
        error instanceof SourceUnavailable ? error.reason : `failed (${(error as Error).message})`;
      // The address is personal data and stays out of the log.
      strapi.log.warn(`crm: social profile lookup: ${provider.source} ${reason}`);
      return { unavailable: true as const };
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async lookup(documentId: string, email?: string): Promise<LookupResult> {
      const customer = await customerOf(documentId, email === undefined);
      const emails =
        email !== undefined
          ? [email]
          : [...(customer.emails ?? [])]
              .sort(
                (a, b) =>
                  Number(b.isPrimary) - Number(a.isPrimary) ||
                  new Date(a.createdAt ?? 0).getTime() - new Date(b.createdAt ?? 0).getTime()
              )
              .map((point) => point.address)
              .filter((address, index, all) => all.indexOf(address) === index);
      const result: LookupResult = { found: [], searched: emails, unavailable: [] };
      const asked = emails.flatMap((address) =>
        providers().map(async (provider) => ({
          email: address,
          source: provider.source,
          answer: await ask(provider, address),
        }))
      );
      for (const { email: address, source, answer } of await Promise.all(asked)) {
        if ('unavailable' in answer) result.unavailable.push({ email: address, source });
        else if (answer.profile)
          result.found.push({ email: address, source, profile: answer.profile });
      }
      return result;
    },

    /**
     * The customer update that takes the chosen fields: only fields a profile may fill on this
     * customer's type, and its profiles joined to those it has (one per url). The update itself
     * is the caller's, through the normal path, so every customer rule applies and the history
     * records the changed fields; it runs in the caller's transaction, which holds the customer's
     * lock until the update commits.
     */
    async prepareTake(
      documentId: string,
      body: SocialProfileBody
    ): Promise<Record<string, unknown>> {
      const customer = await customerOf(documentId, false);
      const { socialProfiles, ...fields } = body.data;
      assertTakeableFields(customer.type, body.data);
      const data: Record<string, unknown> = { ...fields };
      if (socialProfiles !== undefined) {
        const checked = validateSocialFields({ socialProfiles }).socialProfiles ?? [];
        // The profiles joined are those stored once the customer is locked: two takes at once
        // run one after another and neither loses the other's.
        await getService(strapi, 'customer-locks').lock([customer.id]);
        const stored = (await strapi.db.query(CUSTOMER_UID).findOne({
          where: { id: customer.id },
          select: ['socialProfiles'],
        })) as { socialProfiles?: unknown } | null;
        data.socialProfiles = unionSocialProfiles(
          storedSocialProfiles(stored?.socialProfiles),
          checked
        );
      }
      return data;
    },
  };
};
