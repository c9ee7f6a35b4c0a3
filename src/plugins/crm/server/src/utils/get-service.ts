import type { Core } from '@strapi/strapi';

import type services from '../services';

type PluginServices = { [Name in keyof typeof services]: ReturnType<(typeof services)[Name]> };

export const getService = <Name extends keyof PluginServices>(
  strapi: Core.Strapi,
  name: Name
): PluginServices[Name] => strapi.plugin('crm').service(name) as PluginServices[Name];
