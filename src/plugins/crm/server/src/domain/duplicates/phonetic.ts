import { foldSearchText } from '../search-text';

/**
 * A phonetic code for blocking: names that sound alike, or differ by a typo in a vowel or a doubled
 * letter, get the same code ("Smith" and "Smyth", "Catherine" and "Kathryn", "Meyer" and "Maier",
 * "Schultz" and "Schulz"), so that their records land in one bucket. A simplified Metaphone:
 * consonants map to sound classes in context, vowels are dropped except a leading one, repeats
 * collapse. It is deliberately coarse: the scorer, not the code, decides what is a duplicate.
 */

export const PHONETIC_CODE_LENGTH = 6;

const isVowel = (letter: string) =>
  letter === 'a' ||
  letter === 'e' ||
  letter === 'i' ||
  letter === 'o' ||
  letter === 'u' ||
  letter === 'y';
const isSoftening = (letter: string) => letter === 'e' || letter === 'i' || letter === 'y';

/** Initial clusters whose first letter is silent ("Knight", "Wright", "Gnoll", "Psaltis"). */
const SILENT_FIRST = /^(kn|gn|pn|wr|ps)/;

/**
 * The phonetic code of a name, at most `maxLength` characters (upper-case letters). Text without
 * Latin letters (another script) is returned folded and compacted instead, so it still blocks on
 * its exact spelling.
 */
export function phoneticCode(text: string, maxLength = PHONETIC_CODE_LENGTH): string {
  const folded = foldSearchText(text);
  let word = folded.replace(/[^a-z]+/g, '');
  if (!word) return folded.replace(/[\s\p{P}\p{S}]+/gu, '').slice(0, maxLength);
  if (SILENT_FIRST.test(word)) word = word.slice(1);
  else if (word.startsWith('wh')) word = `w${word.slice(2)}`;
  else if (word[0] === 'x') word = `s${word.slice(1)}`;

  let code = '';
  const emit = (sound: string) => {
    if (code[code.length - 1] !== sound) code += sound;
  };
  const length = word.length;
  for (let i = 0; i < length && code.length < maxLength; i += 1) {
    const letter = word[i];
    const next = i + 1 < length ? word[i + 1] : '';
    const afterNext = i + 2 < length ? word[i + 2] : '';
    switch (letter) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
      case 'y':
        // A leading vowel is kept as one class: "Ellen" and "Allen" block together.
        if (i === 0) emit('A');
        break;
      case 'b':
        if (!(next === '' && word[i - 1] === 'm')) emit('B');
        break;
      case 'c':
        if (next === 'h') {
          emit(afterNext === 'r' ? 'K' : 'X');
          i += 1;
        } else if (next === 'z') {
          emit('X');
          i += 1;
        } else if (isSoftening(next)) emit('S');
        else {
          emit('K');
          if (next === 'k' || next === 'q') i += 1;
        }
        break;
      case 'd':
        if (next === 'g' && isSoftening(afterNext)) {
          emit('J');
          i += 1;
        } else emit('T');
        break;
      case 'g':
        if (next === 'h') {
          // "Ghosh" keeps it; "Knight", "Hugh" do not sound it.
          if (i === 0) emit('K');
          i += 1;
        } else if (next === 'n' && (afterNext === '' || word.slice(i + 2) === 'e')) {
          // "Champagne", "Sign": the g is silent.
        } else if (isSoftening(next)) emit('J');
        else emit('K');
        break;
      case 'h':
        if (i === 0 && isVowel(next)) emit('H');
        break;
      case 'p':
        if (next === 'h' || next === 'f') {
          emit('F');
          i += 1;
        } else emit('P');
        break;
      case 'q':
      case 'k':
        emit('K');
        break;
      case 's':
        if (next === 'c' && afterNext === 'h') {
          emit('X');
          i += 2;
        } else if (next === 'h' || next === 'z') {
          emit('X');
          i += 1;
        } else if (next === 'c' && isSoftening(afterNext)) {
          emit('S');
          i += 1;
        } else emit('S');
        break;
      case 't':
        if (next === 'c' && afterNext === 'h') {
          emit('X');
          i += 2;
        } else if (next === 'z') {
          emit('S');
          i += 1;
        } else {
          emit('T');
          if (next === 'h') i += 1;
        }
        break;
      case 'v':
      case 'f':
        emit('F');
        break;
      case 'w':
        if (i === 0 && isVowel(next)) emit('W');
        break;
      case 'x':
        emit('K');
        emit('S');
        break;
      case 'z':
        emit('S');
        break;
      default:
        // j, l, m, n, r
        emit(letter.toUpperCase());
    }
  }
  return code.slice(0, maxLength);
}
