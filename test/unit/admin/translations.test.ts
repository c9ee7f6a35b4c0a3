import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

import * as contracts from '../../../src/plugins/crm/contracts';
import { IMPORT_FIELDS } from '../../../src/plugins/crm/server/src/domain/import/fields';

// Every message of the admin pages is written `formatMessage({ id: 'crm.…', defaultMessage: '…' })`
// (or as a descriptor `{ id: 'crm.…', defaultMessage: '…' }` handed to it later, as intlLabel or a
// step's label). The translation files name them without the `crm.` prefix: en.json must hold each
// of them, with the text the source gives by default, and nothing else; fr.json and de.json must
// hold the same messages, translated, with the same placeholders.
const adminRoot = join(__dirname, '../../../src/plugins/crm/admin/src');
const PREFIX = 'crm.';
const LANGUAGES = ['fr', 'de'] as const;
type Messages = Record<string, string>;
const load = (language: string): Messages =>
  JSON.parse(readFileSync(join(adminRoot, `translations/${language}.json`), 'utf8')) as Messages;
const en = load('en');
const translated = Object.fromEntries(LANGUAGES.map((language) => [language, load(language)]));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });

const MESSAGE =
  /id:\s*(?:'(crm\.[^']+)'|"(crm\.[^"]+)")(?:,\s*defaultMessage:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"))?/g;
// An id built in code, such as `crm.value.${value}`: its possible ids are listed in BUILT_IDS.
const BUILT = /`(crm\.[^`]*\$\{[^`]*)`/g;
const used = new Map<string, string | undefined>();
const built = new Map<string, string>(); // template -> first file using it
for (const file of sourceFiles(adminRoot)) {
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(MESSAGE)) {
    const text = match[3] ?? match[4];
    used.set(match[1] ?? match[2], text?.replace(/\\(['"])/g, '$1'));
  }
  for (const match of source.matchAll(BUILT))
    if (!built.has(match[1])) built.set(match[1], file.slice(adminRoot.length + 1));
}

// Stored values are named by `crm.value.<value>` (useValueLabel): one message per value of the
// lists the pages show.
const SHOWN_LISTS: readonly (readonly string[])[] = [
  contracts.CUSTOMER_TYPES,
  contracts.GENDERS,
  contracts.MARITAL_STATUSES,
  contracts.PREFERRED_CONTACTS,
  contracts.CUSTOMER_STATUSES,
  ...Object.values(contracts.CONTACT_POINT_TYPES),
  contracts.CONNECTION_TYPES,
  contracts.LOOSE_TYPES,
];
/** Every id the code builds from a prefix and a value, by the template it builds it with. */
const BUILT_IDS: Record<string, readonly string[]> = {
  'crm.value.${value}': SHOWN_LISTS.flat().map((value) => `crm.value.${value}`),
  // What an import maps columns to and finds records by (useFieldLabel).
  'crm.import.field.${field}': [
    ...new Set([
      ...Object.values(IMPORT_FIELDS).flatMap((fields) => Object.keys(fields)),
      ...Object.values(contracts.IMPORT_MATCH_KEYS).flat(),
    ]),
  ].map((field) => `crm.import.field.${field}`),
};
const valueIds = new Set(BUILT_IDS['crm.value.${value}']);
const builtIds = new Set(Object.values(BUILT_IDS).flat());
const codeIds = [...new Set([...used.keys(), ...builtIds])].sort();

const idsOf = (messages: Messages) => new Set(Object.keys(messages).map((key) => PREFIX + key));
const inFile = idsOf(en);

/** The placeholders of a message with their kind (`count:plural`, `name:argument`), nested included. */
const placeholders = (message: string): string[] => {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
        continue;
      }
      found.add(`${element.value}:${TYPE[element.type]}`);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...found].sort();
};

/** Whether a message has any words of its own (not only placeholders, numbers and punctuation). */
const hasWords = (message: string) => /\p{L}{2,}/u.test(message.replace(/\{[^{}]*\}/g, ''));

// Words that are the same in the language and in English, each for a reason: a name, or a word
// the language shares with English in this sense.
const SAME_AS_ENGLISH: Record<(typeof LANGUAGES)[number], readonly string[]> = {
  fr: [
    'CRM', // the product's name
    'Action', // table header: the same word in French
    'Actions',
    'Contacts', // a CRM contact is "un contact"
    'Fax',
    'Notes', // an import field
    'Garage', // an address type
    'Score', // the duplicate score column
    'Type',
    'Validation', // the import step
  ],
  de: [
    'CRM',
    'Fax',
    'Garage',
    'Import', // "der Import"
    'Investor', // a loose relationship type
    'Name', // search result column
    'Region', // address field
    'Status',
  ],
};

describe('admin translations: the messages the code uses', () => {
  it('finds the messages of the admin source', () => {
    expect(used.size).toBeGreaterThan(100);
  });

  it('knows every id the code builds from a prefix (list its ids in BUILT_IDS)', () => {
    const unknown = [...built]
      .filter(([template]) => !(template in BUILT_IDS))
      .map(([template, file]) => `${template} (${file})`);
    expect(unknown).toEqual([]);
  });

  it.each(['en', ...LANGUAGES])(
    '%s.json holds every message id the admin code uses',
    (language) => {
      const ids = language === 'en' ? inFile : idsOf(translated[language]);
      expect(codeIds.filter((id) => !ids.has(id))).toEqual([]);
    }
  );

  it('en.json holds no message the admin does not use', () => {
    expect([...inFile].filter((id) => !used.has(id) && !builtIds.has(id)).sort()).toEqual([]);
  });

  it('en.json says what the source says by default', () => {
    const differing = [...used]
      .filter(([id, text]) => text !== undefined && en[id.slice(PREFIX.length)] !== text)
      .map(([id, text]) => `${id}: en.json "${en[id.slice(PREFIX.length)]}", code "${text}"`);
    expect(differing).toEqual([]);
  });

  it('names each shown value as the pages did before it had a message', () => {
    for (const id of valueIds) {
      const value = id.slice('crm.value.'.length);
      expect(en[`value.${value}`]).toBe(
        value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ')
      );
    }
  });
});

describe.each(LANGUAGES)('admin translations: %s.json', (language) => {
  const messages = translated[language];

  it('holds every message of en.json', () => {
    // Listed with their English text, ready to translate.
    expect(
      Object.keys(en)
        .filter((key) => !(key in messages))
        .map((key) => `${key}: "${en[key]}"`)
    ).toEqual([]);
  });

  it('holds no message en.json does not have', () => {
    expect(Object.keys(messages).filter((key) => !(key in en))).toEqual([]);
  });

  it('translates every message (the same text as English only for the words listed)', () => {
    const allowed = new Set(SAME_AS_ENGLISH[language]);
    const untranslated = Object.keys(en).filter(
      (key) =>
        messages[key] !== undefined &&
        messages[key].trim() === en[key].trim() &&
        hasWords(en[key]) &&
        !allowed.has(en[key])
    );
    expect(untranslated.map((key) => `${key}: "${en[key]}"`)).toEqual([]);
  });

  it('uses no listed word that English no longer uses as such', () => {
    const englishTexts = new Set(Object.values(en));
    expect(SAME_AS_ENGLISH[language].filter((word) => !englishTexts.has(word))).toEqual([]);
  });

  it('keeps the placeholders of each English message, as valid ICU messages', () => {
    const differing = Object.keys(en)
      .filter((key) => messages[key] !== undefined)
      .flatMap((key) => {
        let theirs: string[];
        try {
          theirs = placeholders(messages[key]);
        } catch (error) {
          return [`${key}: not a valid message (${(error as Error).message})`];
        }
        const ours = placeholders(en[key]);
        return ours.join() === theirs.join()
          ? []
          : [`${key}: en {${ours.join(', ')}}, ${language} {${theirs.join(', ')}}`];
      });
    expect(differing).toEqual([]);
  });

  it('keeps the spaces English messages begin or end with (they are joined to others)', () => {
    const edge = (text: string) => [/^\s/.test(text), /\s$/.test(text)].join();
    expect(
      Object.keys(en).filter(
        (key) => messages[key] !== undefined && edge(messages[key]) !== edge(en[key])
      )
    ).toEqual([]);
  });
});
