import type { Core } from '@strapi/strapi';

import type { CrmPluginConfig } from '../config';
import {
  DEFAULT_DUPLICATE_BLOCK_SCORE,
  DEFAULT_DUPLICATE_THRESHOLD,
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
    };
  },
});
