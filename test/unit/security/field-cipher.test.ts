import {
  createFieldCipher,
  generateKey,
  parseKey,
} from '../../../src/plugins/crm/server/src/security/field-cipher';

const keyA = generateKey();
const keyB = generateKey();

describe('createFieldCipher', () => {
  it('round-trips a value and never returns the plain text in the token', () => {
    const cipher = createFieldCipher([keyA]);
    const token = cipher.encrypt('123456789');
    expect(token).toMatch(/^v1\.[\w-]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(token).not.toContain('123456789');
    expect(cipher.decrypt(token)).toBe('123456789');
  });

  it('uses a fresh IV every time', () => {
    const cipher = createFieldCipher([keyA]);
    expect(cipher.encrypt('123456789')).not.toBe(cipher.encrypt('123456789'));
  });

  it('refuses a tampered token (authenticated encryption)', () => {
    const cipher = createFieldCipher([keyA]);
    const parts = cipher.encrypt('123456789').split('.');
    const data = Buffer.from(parts[4], 'base64url');
    data[0] ^= 1;
    parts[4] = data.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('encrypts with the first key, reads with any, and says what needs rotating', () => {
    const old = createFieldCipher([keyA]);
    const token = old.encrypt('123456789');
    const rotated = createFieldCipher([keyB, keyA]);
    expect(rotated.decrypt(token)).toBe('123456789');
    expect(rotated.needsRotation(token)).toBe(true);
    const fresh = rotated.encrypt('123456789');
    expect(rotated.needsRotation(fresh)).toBe(false);
    expect(() => createFieldCipher([keyB]).decrypt(token)).toThrow(/no configured key/);
  });

  it('refuses missing or malformed keys', () => {
    expect(() => createFieldCipher([])).toThrow(/CRM_ENCRYPTION_KEY is not set/);
    expect(() => parseKey('too-short')).toThrow(/32-byte/);
    expect(parseKey('a'.repeat(64))).toHaveLength(32);
  });
});
