import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) of single field values under keys from the environment.
 * A token names the key that made it (`v1.<keyId>.<iv>.<tag>.<ciphertext>`), so several keys can
 * be configured at once: new values use the first, reads find theirs, and rotation re-encrypts.
 */
export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** True when the token was not made with the current (first) key. */
  needsRotation(token: string): boolean;
  /**
   * A keyed hash of a value (HMAC-SHA-256 under a key derived from the current key): equal values
   * hash alike, so they can be compared without decrypting; rotation computes them anew.
   */
  hash(plain: string): string;
  readonly currentKeyId: string;
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/** A key is 32 bytes, given as base64 (44 characters) or hex (64 characters). */
export const parseKey = (text: string): Buffer => {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      'CRM_ENCRYPTION_KEY must hold 32-byte keys in base64 or hex, separated by commas (newest first)'
    );
  }
  return key;
};

export const generateKey = (): string => randomBytes(KEY_BYTES).toString('base64');

export const createFieldCipher = (keyTexts: readonly string[]): FieldCipher => {
  if (keyTexts.length === 0)
    throw new Error('CRM_ENCRYPTION_KEY is not set: the CRM cannot store an SSN without it');
  const keys = keyTexts.map(parseKey).map((key) => ({ id: keyIdOf(key), key }));
  const [current] = keys;
  // Never the encryption key itself: a hash must not help to decrypt.
  const hashKey = createHmac('sha256', current.key).update('crm field hash').digest();

  const parse = (token: string) => {
    const parts = token.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('not an encrypted field value');
    const [, keyId, iv, tag, data] = parts;
    return {
      keyId,
      iv: Buffer.from(iv, 'base64url'),
      tag: Buffer.from(tag, 'base64url'),
      data: Buffer.from(data, 'base64url'),
    };
  };

  return {
    currentKeyId: current.id,

    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        VERSION,
        current.id,
        iv.toString('base64url'),
        tag.toString('base64url'),
        data.toString('base64url'),
      ].join('.');
    },

    decrypt(token) {
      const { keyId, iv, tag, data } = parse(token);
      const match = keys.find((candidate) => candidate.id === keyId);
      if (!match) throw new Error(`no configured key can decrypt this value (key ${keyId})`);
      const decipher = createDecipheriv('aes-256-gcm', match.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },

    needsRotation(token) {
      return parse(token).keyId !== current.id;
    },

    hash(plain) {
      return createHmac('sha256', hashKey).update(plain, 'utf8').digest('base64url');
    },
  };
};
