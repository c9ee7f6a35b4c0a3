import type { Core } from '@strapi/strapi';

import type { CrmPluginConfig } from '../config';
import {
  DEFAULT_DUPLICATE_BLOCK_SCORE,
  DEFAULT_DUPLICATE_THRESHOLD,
  DEFAULT_GRAVATAR_BASE_URL,
  DEFAULT_SOCIAL_LOOKUP_TIMEOUT_MS,
  resolveContactPointLimits,
  type ContactPointLimits,
} from '../domain';

export interface CrmSettings {
  defaultCountry: string;
  limits: ContactPointLimits;
  demoData: boolean;
  networkNodeCap: number;
  importMaxBytes: number;
  importMaxColumns: number;
  importStaleMs: number;
  importRetentionDays: number;
  ssnRevealSeconds: number;
  searchCountLimit: number;
  populateMaxRelated: number;
  mergeUndoDays: number;
  historyRetentionDays: number | null;
  duplicateThreshold: number;
  duplicates: { onCreate: 'warn' | 'block'; blockScore: number };
  socialLookup: {
    enabled: boolean;
    timeoutMs: number;
    gravatar: { baseUrl: string; apiKey: string };
  };
}

/** The plugin configuration, resolved on each read (cheap) so it always reflects `strapi.config`. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  get(): CrmSettings {
    const config = strapi.config.get('plugin::crm') as CrmPluginConfig;
    return {
      defaultCountry: config.defaultCountry.toUpperCase(),
      limits: resolveContactPointLimits(config.contactPointLimits),
      demoData: config.demoData === true,
      networkNodeCap: config.networkNodeCap,
      importMaxBytes: config.importMaxBytes,
      importMaxColumns: config.importMaxColumns,
      importStaleMs: config.importStaleMs,
      importRetentionDays: config.importRetentionDays,
      ssnRevealSeconds: config.ssnRevealSeconds,
      searchCountLimit: config.searchCountLimit,
      populateMaxRelated: config.populateMaxRelated,
      mergeUndoDays: config.mergeUndoDays ?? 30,
      historyRetentionDays: config.historyRetentionDays ?? null,
      duplicateThreshold: config.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD,
      duplicates: {
        onCreate: config.duplicates?.onCreate ?? 'warn',
        blockScore: config.duplicates?.blockScore ?? DEFAULT_DUPLICATE_BLOCK_SCORE,
      },
      socialLookup: {
        enabled: config.socialLookup?.enabled === true,
        timeoutMs: config.socialLookup?.timeoutMs ?? DEFAULT_SOCIAL_LOOKUP_TIMEOUT_MS,
        gravatar: {
          baseUrl: config.socialLookup?.gravatar?.baseUrl || DEFAULT_GRAVATAR_BASE_URL,
          apiKey: config.socialLookup?.gravatar?.apiKey ?? '',
        },
      },
    };
  },
});
