import { randomBytes } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHABET = `${LETTERS}0123456789`;
const LENGTH = 24;
/** Milliseconds plus 10·36⁸ read as 9 base-36 digits: "a…" until 2059, a letter until 4300. */
const TIME_OFFSET = 10 * 36 ** 8;
const TIME_LENGTH = 9;
const SEQUENCE_LENGTH = 4;
const SEQUENCE_LIMIT = 36 ** SEQUENCE_LENGTH;
const RANDOM_LENGTH = LENGTH - TIME_LENGTH - SEQUENCE_LENGTH;

// The last prefix given in this process, so that ids keep their order within a millisecond and
// when the clock steps back.
let lastTime = 0;
let sequence = 0;

const nextPrefix = (): string => {
  const now = Date.now();
  if (now > lastTime) {
    lastTime = now;
    sequence = 0;
  } else if (++sequence === SEQUENCE_LIMIT) {
    lastTime += 1;
    sequence = 0;
  }
  return (
    (lastTime + TIME_OFFSET).toString(36) + sequence.toString(36).padStart(SEQUENCE_LENGTH, '0')
  );
};

/**
 * Document ids in Strapi's own shape (24 lowercase letters and digits, a letter first), for rows
 * written in bulk. They begin with the time and a counter, so that ids given later sort later:
 * thousands of rows then land at the end of every index on their documentId (their own, and the
 * history's on the record it is about) instead of on pages all over it, which would make each
 * batch rewrite most of those indexes once they are large. The other 11 characters are random
 * (some 57 bits), drawn from one buffer of random bytes: Strapi's generator hashes every id
 * (≈25 µs each). 36 does not divide 256, so the last 4 byte values are drawn again.
 */
export function documentIds(count: number): string[] {
  const ids: string[] = [];
  let bytes = randomBytes(count * RANDOM_LENGTH * 2);
  let at = 0;
  const next = (): number => {
    for (;;) {
      if (at === bytes.length) {
        bytes = randomBytes(bytes.length);
        at = 0;
      }
      const byte = bytes[at++];
      if (byte < 256 - (256 % ALPHABET.length)) return byte % ALPHABET.length;
    }
  };
  for (let n = 0; n < count; n += 1) {
    let id = nextPrefix();
    for (let i = 0; i < RANDOM_LENGTH; i += 1) id += ALPHABET[next()];
    ids.push(id);
  }
  return ids;
}
