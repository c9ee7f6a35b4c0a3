import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  // Five login attempts per address in five minutes; the browser tests, which log in many times, turn it off.
  rateLimit: {
    enabled: env.bool('ADMIN_RATE_LIMIT', true),
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // The crm plugin runs from its build: `npm run develop` rebuilds it on a change of its sources and
  // then touches crm-plugin-build.stamp, which restarts Strapi on the new build (not on the sources).
  watchIgnoreFiles: ['**/src/plugins/crm/**'],
  flags: {
    nps: env.bool('FLAG_NPS', true),
    promoteEE: env.bool('FLAG_PROMOTE_EE', true),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;
