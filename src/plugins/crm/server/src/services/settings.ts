import type { Core } from '@strapi/strapi';

import type { CrmPluginConfig } from '../config';
import { resolveContactPointLimits, type ContactPointLimits } from '../domain';

export interface CrmSettings {
  defaultCountry: string;
  limits: ContactPointLimits;
  demoData: boolean;
}

/** The plugin configuration, validated and resolved once. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let resolved: CrmSettings | undefined;
  return {
    get(): CrmSettings {
      if (!resolved) {
        const config = strapi.config.get('plugin::crm') as CrmPluginConfig;
        resolved = {
          defaultCountry: config.defaultCountry.toUpperCase(),
          limits: resolveContactPointLimits(config.contactPointLimits),
          demoData: config.demoData === true,
        };
      }
      return resolved;
    },
  };
};
