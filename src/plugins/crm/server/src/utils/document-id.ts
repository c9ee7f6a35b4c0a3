import { randomBytes } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHABET = `${LETTERS}0123456789`;
const LENGTH = 24;

/**
 * Document ids in Strapi's own shape (24 lowercase letters and digits, a letter first), for rows
 * written in bulk: Strapi's generator hashes every id (≈25 µs each), this one draws them from one
 * buffer of random bytes. 36 does not divide 256, so the last 4 byte values are drawn again.
 */
export function documentIds(count: number): string[] {
  const ids: string[] = [];
  let bytes = randomBytes(count * LENGTH * 2);
  let at = 0;
  const next = (size: number): number => {
    for (;;) {
      if (at === bytes.length) {
        bytes = randomBytes(bytes.length);
        at = 0;
      }
      const byte = bytes[at++];
      if (byte < 256 - (256 % size)) return byte % size;
    }
  };
  for (let n = 0; n < count; n += 1) {
    let id = LETTERS[next(LETTERS.length)];
    for (let i = 1; i < LENGTH; i += 1) id += ALPHABET[next(ALPHABET.length)];
    ids.push(id);
  }
  return ids;
}
