export * from './types';
export {
  compareRecords,
  comparePrepared,
  DEFAULT_DUPLICATE_BLOCK_SCORE,
  DEFAULT_DUPLICATE_THRESHOLD,
} from './compare';
export { prepareRecord } from './prepared-record';
export type { PreparedRecord } from './prepared-record';
export {
  blockingKeys,
  crowdedAbove,
  CROWDED_DECISIVE_KEY_HOLDERS,
  CROWDED_KEY_HOLDERS,
  BLOCKING_KEYS_VERSION,
  preparedBlockingKeys,
  isDecisiveKey,
  keyKindOf,
  sharedKeysWorthComparing,
  isStrongKey,
  DECISIVE_KEY_KINDS,
  MAX_BLOCKING_KEY_LENGTH,
  MAX_BLOCKING_KEYS,
} from './blocking-keys';
export { jaro, jaroWinkler } from './jaro-winkler';
export { phoneticCode } from './phonetic';
export { areGivenNameVariants, canonicalGivenNames } from './given-names';
export { isFreeMailDomain } from './free-mail-domains';
export { businessNameKey } from './business-names';
