import {
  DEFAULT_DUPLICATE_BLOCK_SCORE,
  DEFAULT_DUPLICATE_THRESHOLD,
  DEFAULT_GRAVATAR_BASE_URL,
  DEFAULT_POPULATE_MAX_RELATED,
  DEFAULT_SOCIAL_LOOKUP_TIMEOUT_MS,
  IMPORT_MAX_COLUMNS,
  SSN_REVEAL_SECONDS,
  type KindLimits,
} from '../domain';
import { validatePluginConfig } from '../validation/plugin-config';

export interface CrmPluginConfig {
  /** ISO country whose national phone formats are accepted without a `+` prefix. */
  defaultCountry: string;
  /** Load demo customers on start-up (set by `npm run develop`, never in production or tests). */
  demoData: boolean;
  /** Per customer type overrides of the contact point limits of the specification. */
  contactPointLimits: { individual?: Partial<KindLimits>; business?: Partial<KindLimits> };
  /** Most customers a network answer holds before it is cut (and says `truncated`). */
  networkNodeCap: number;
  /** Largest CSV file an import accepts, in bytes (Strapi's body parser allows 200 MB by default). */
  importMaxBytes: number;
  /** Most columns an import's header may have; a wider file is refused while its header is read. */
  importMaxColumns: number;
  /** An import whose worker wrote no heartbeat for this long (ms) is taken over by another node. */
  importStaleMs: number;
  /** Days after an import finished (or was undone) when the file's staged cells are purged. */
  importRetentionDays: number;
  /** How long a revealed SSN stays shown, in seconds (one minute by default; CRM_SSN_REVEAL_SECONDS). */
  ssnRevealSeconds: number;
  /**
   * The quick search counts its matches up to this many; past it, the total says "this many or
   * more" (`meta.pagination.totalIsExact: false`), so a two-letter query over a million customers
   * costs no more than a precise one.
   */
  searchCountLimit: number;
  /**
   * Most related records the to-many relations without a size limit (a list's members, a
   * contact's lists and activities) may load through `populate` in one request; past it the
   * request is a 400 pointing to the paged route.
   */
  populateMaxRelated: number;
  /** AES-256-GCM keys for the SSN (CRM_ENCRYPTION_KEY, comma-separated, newest first). */
  encryptionKeys: string[];
  /** Days the change history keeps an entry; null keeps it for ever (CRM_HISTORY_RETENTION_DAYS). */
  historyRetentionDays: number | null;
  /**
   * The key of the erasure list's keyed hashes (CRM_ERASURE_KEY, at least 32 characters). Without
   * it nobody can be erased, and writes are checked against the list only while it is empty.
   */
  erasureKey: string;
  /** Days during which a merge can be undone (`POST /merges/:id/undo`). */
  mergeUndoDays: number;
  /** The score (0 to 1) from which two records are called possible duplicates. */
  duplicateThreshold: number;
  /**
   * What a create does when it finds a duplicate: `warn` (the answer lists them in
   * `meta.possibleDuplicates`) or `block` (a candidate scoring `blockScore` or more makes it a 409,
   * unless the request says `allowDuplicate=true`).
   */
  duplicates: { onCreate?: 'warn' | 'block'; blockScore?: number };
  /**
   * Looking up public social profiles of a customer's e-mail addresses. Off by default: sending a
   * person's address to another service is processing of their personal data, which an admin
   * decides to do (CRM_SOCIAL_LOOKUP=true).
   */
  socialLookup: {
    enabled?: boolean;
    /** How long one source may take to answer, in ms, before it counts as unavailable. */
    timeoutMs?: number;
    /** Gravatar's public profile API; the key (optional) also yields first and last names. */
    gravatar?: { baseUrl?: string; apiKey?: string };
  };
}

const defaults: CrmPluginConfig = {
  defaultCountry: 'US',
  demoData: false,
  contactPointLimits: {},
  encryptionKeys: [],
  erasureKey: '',
  networkNodeCap: 500,
  importMaxBytes: 100 * 1024 * 1024,
  importMaxColumns: IMPORT_MAX_COLUMNS,
  importStaleMs: 60_000,
  importRetentionDays: 30,
  ssnRevealSeconds: SSN_REVEAL_SECONDS,
  searchCountLimit: 1000,
  populateMaxRelated: DEFAULT_POPULATE_MAX_RELATED,
  mergeUndoDays: 30,
  historyRetentionDays: null,
  duplicateThreshold: DEFAULT_DUPLICATE_THRESHOLD,
  duplicates: { onCreate: 'warn', blockScore: DEFAULT_DUPLICATE_BLOCK_SCORE },
  socialLookup: {
    enabled: false,
    timeoutMs: DEFAULT_SOCIAL_LOOKUP_TIMEOUT_MS,
    gravatar: { baseUrl: DEFAULT_GRAVATAR_BASE_URL, apiKey: '' },
  },
};

export default {
  default: defaults,
  validator: validatePluginConfig,
};
