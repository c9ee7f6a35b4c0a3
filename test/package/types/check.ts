// What a TypeScript app sees of the installed package: the declarations its exports point to.
import type { Core } from '@strapi/strapi';
import admin from 'strapi-plugin-crm/strapi-admin';
import server from 'strapi-plugin-crm/strapi-server';

export const register: (context: { strapi: Core.Strapi }) => void = server.register;
export const bootstrap: (context: { strapi: Core.Strapi }) => Promise<void> = server.bootstrap;
export const validateConfig: (config: unknown) => void = server.config.validator;
export const defaultCountry: string = server.config.default.defaultCountry;
export const serviceNames: string[] = Object.keys(server.services);
export const contentTypeNames: string[] = Object.keys(server.contentTypes);
export const registerAdmin: (app: never) => void = admin.register;
