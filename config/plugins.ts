import { createSecretKey, type KeyObject } from 'node:crypto';

import type { Core } from '@strapi/strapi';

/**
 * The users' token secret as a key object. Given a string, jsonwebtoken first tries to read it as a
 * PEM public key on every verification, which throws, before it takes it as an HMAC key: an error
 * made and caught on each authenticated request, about 5% of the CPU time of a customer read.
 * Unset, users-permissions makes one at start-up (and writes it to .env) as before.
 */
const jwtSecretKey = (secret: string | undefined): KeyObject | undefined =>
  secret ? createSecretKey(Buffer.from(secret)) : undefined;

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: jwtSecretKey(env('JWT_SECRET')),
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: [
          'image/*',
          'video/*',
          'audio/*',
          'application/pdf',
          'text/plain',
          'text/csv',
        ],
        deniedTypes: [
          'image/svg+xml',
          'application/x-msdownload',
          'application/x-sh',
          'text/x-shellscript',
        ],
      },
    },
  },
  // The npm package strapi-plugin-crm (the workspace src/plugins/crm), loaded from its built dist/.
  crm: {
    enabled: true,
    config: {
      defaultCountry: env('CRM_DEFAULT_COUNTRY', 'US'),
      demoData: env.bool('CRM_DEMO_DATA', false),
      encryptionKeys: env.array('CRM_ENCRYPTION_KEY', []),
      // The key of the erasure list's hashes of erased people's e-mails and phone numbers.
      erasureKey: env('CRM_ERASURE_KEY', ''),
      // Seconds a revealed SSN stays shown; the browser tests shorten it.
      ssnRevealSeconds: env.int('CRM_SSN_REVEAL_SECONDS', 60),
      // The quick search counts matches up to this many (its total says "this many or more" past it).
      searchCountLimit: env.int('CRM_SEARCH_COUNT_LIMIT', 1000),
      // Milliseconds without a heartbeat after which another node takes a running import or
      // duplicate scan over (README, Running several nodes).
      importStaleMs: env.int('CRM_IMPORT_STALE_MS', 60000),
      // Days after which a finished import's staged cells are purged.
      importRetentionDays: env.int('CRM_IMPORT_RETENTION_DAYS', 30),
      // Days the change history keeps an entry; unset or 0 keeps it for ever.
      historyRetentionDays: env.int('CRM_HISTORY_RETENTION_DAYS', 0) || null,
      // A create that looks like an existing record: "warn" (meta.possibleDuplicates) or "block" (409).
      duplicates: { onCreate: env('CRM_DUPLICATES_ON_CREATE', 'warn') as 'warn' | 'block' },
      // Public social profiles of customers' e-mail addresses, off unless an admin turns it on:
      // each lookup sends a person's address (hashed) to the service.
      socialLookup: {
        enabled: env.bool('CRM_SOCIAL_LOOKUP', false),
        timeoutMs: env.int('CRM_SOCIAL_LOOKUP_TIMEOUT_MS', 3000),
        gravatar: {
          baseUrl: env('CRM_SOCIAL_GRAVATAR_URL', 'https://api.gravatar.com/v3'),
          apiKey: env('CRM_SOCIAL_GRAVATAR_KEY', ''),
        },
      },
    },
  },
});

export default config;
