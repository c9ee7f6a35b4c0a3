import { z } from 'zod';

import {
  ERASURE_KEY_MIN_LENGTH,
  MIN_JOB_STALE_MS,
  isSupportedCountry,
  isWebUrl,
  resolveContactPointLimits,
} from '../domain';
import { createFieldCipher } from '../security/field-cipher';

/** A whole number of at least 1, named in the message with the value it got. */
const positiveInteger = (option: string) =>
  z.unknown().superRefine((value, ctx) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${option} must be a positive integer (got ${String(value)})`,
      });
    }
  });

/** A score between 0 and 1. */
const score = (option: string) =>
  z.unknown().superRefine((value, ctx) => {
    if (typeof value !== 'number' || !(value > 0 && value <= 1)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${option} must be a number above 0 and at most 1 (got ${String(value)})`,
      });
    }
  });

/** A check that throws (a domain rule, the cipher's key parser) turned into a zod issue. */
const checkedBy = (option: string, check: (value: unknown) => unknown) =>
  z.unknown().superRefine((value, ctx) => {
    try {
      check(value);
    } catch (error) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${option}: ${(error as Error).message}`,
      });
    }
  });

/**
 * Every option of the plugin (`config/plugins.ts`, `crm.config`), checked at start-up so that a
 * wrong value stops Strapi with a message naming the option and what it expects, not at the first
 * request that uses it. Unknown options are refused too: a misspelt one would otherwise be ignored.
 */
export const pluginConfigSchema = z
  .object({
    defaultCountry: z.unknown().superRefine((value, ctx) => {
      if (typeof value !== 'string' || !isSupportedCountry(value)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `defaultCountry must be a country code such as US (got ${String(value)})`,
        });
      }
    }),
    demoData: z.boolean({ invalid_type_error: 'demoData must be true or false' }),
    contactPointLimits: checkedBy('contactPointLimits', (value) =>
      resolveContactPointLimits(value)
    ),
    networkNodeCap: positiveInteger('networkNodeCap'),
    importMaxBytes: positiveInteger('importMaxBytes'),
    importMaxColumns: positiveInteger('importMaxColumns'),
    // Below a second a node busy with a batch could look dead to the others.
    importStaleMs: z.unknown().superRefine((value, ctx) => {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_JOB_STALE_MS)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `importStaleMs must be a whole number of milliseconds, at least ${MIN_JOB_STALE_MS} (got ${String(value)})`,
        });
    }),
    importRetentionDays: positiveInteger('importRetentionDays'),
    ssnRevealSeconds: positiveInteger('ssnRevealSeconds'),
    searchCountLimit: positiveInteger('searchCountLimit'),
    populateMaxRelated: positiveInteger('populateMaxRelated'),
    mergeUndoDays: positiveInteger('mergeUndoDays'),
    historyRetentionDays: z.unknown().superRefine((value, ctx) => {
      if (value !== null && !(typeof value === 'number' && Number.isInteger(value) && value >= 1))
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `historyRetentionDays must be a positive integer, or null to keep the history for ever (got ${String(value)})`,
        });
    }),
    duplicateThreshold: score('duplicateThreshold'),
    duplicates: z
      .object({
        onCreate: z
          .enum(['warn', 'block'], {
            errorMap: () => ({ message: 'duplicates.onCreate must be warn or block' }),
          })
          .optional(),
        blockScore: score('duplicates.blockScore').optional(),
      })
      .strict(),
    socialLookup: z
      .object({
        enabled: z.boolean({ invalid_type_error: 'socialLookup.enabled must be true or false' }),
        timeoutMs: positiveInteger('socialLookup.timeoutMs'),
        gravatar: z
          .object({
            baseUrl: z.unknown().superRefine((value, ctx) => {
              if (typeof value !== 'string' || !isWebUrl(value))
                ctx.addIssue({
                  code: z.ZodIssueCode.custom,
                  message: `socialLookup.gravatar.baseUrl must be an http or https URL (got ${String(value)})`,
                });
            }),
            apiKey: z.string({ invalid_type_error: 'socialLookup.gravatar.apiKey must be text' }),
          })
          .partial()
          .strict(),
      })
      .partial()
      .strict(),
    // Fails at start-up rather than at the first SSN write.
    encryptionKeys: checkedBy('encryptionKeys', (value) => {
      if (!Array.isArray(value) || !value.every((key) => typeof key === 'string'))
        throw new Error('a list of keys (CRM_ENCRYPTION_KEY)');
      createFieldCipher(value);
    }),
    // Production refuses to start without it, as without the SSN keys: nobody could be erased.
    erasureKey: z.unknown().superRefine((value, ctx) => {
      const missing = value === '' && process.env.NODE_ENV === 'production';
      if (
        typeof value !== 'string' ||
        missing ||
        (value !== '' && value.length < ERASURE_KEY_MIN_LENGTH)
      ) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `erasureKey: CRM_ERASURE_KEY must be a secret of at least ${ERASURE_KEY_MIN_LENGTH} characters${missing ? ' (it is not set)' : ''}`,
        });
      }
    }),
  })
  .strict();

/** Throws one error listing every wrong option. */
export const validatePluginConfig = (config: unknown): void => {
  const parsed = pluginConfigSchema.safeParse(config);
  if (parsed.success) return;
  const messages = parsed.error.issues.map((issue) =>
    issue.code === z.ZodIssueCode.unrecognized_keys
      ? `unknown option(s) of the crm plugin: ${issue.keys.join(', ')}`
      : issue.message
  );
  throw new Error(messages.join('; '));
};
