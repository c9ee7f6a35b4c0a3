import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Page } from 'playwright-core';

/** The plugin's messages as its translation files hold them (without the `crm.` prefix). */
const TRANSLATIONS = join(__dirname, '..', '..', '..', 'src/plugins/crm/admin/src/translations');
export const messagesOf = (language: string): Record<string, string> =>
  JSON.parse(readFileSync(join(TRANSLATIONS, `${language}.json`), 'utf8')) as Record<
    string,
    string
  >;

/**
 * A message of a language with its placeholders filled (plain `{name}` ones only), e.g.
 * `message(fr, 'import.reference.linkCompany', { company: 'Hooli' })`.
 */
export const message = (
  messages: Record<string, string>,
  key: string,
  values: Record<string, string | number> = {}
): string => {
  const text = messages[key];
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole
  );
};

const literalsOf = (elements: MessageFormatElement[]): string[] =>
  elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return Object.values(element.options).flatMap((option) => literalsOf(option.value));
    if (element.type === TYPE.tag) return literalsOf(element.children);
    return [];
  });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface EnglishFragment {
  key: string;
  english: string;
  fragment: string;
  pattern: RegExp;
}

/**
 * The pieces of English text the plugin's messages are made of, which a page in `language` must
 * not show: the literal parts of each English message (between placeholders, in every plural
 * branch) that the language's message changes. A piece is left out when it is short (under three
 * letters) or when some message of the language holds it too ("Type", "Contacts", "Page" in French),
 * as those prove nothing.
 */
export const englishFragments = (language: string): EnglishFragment[] => {
  const en = messagesOf('en');
  const translated = messagesOf(language);
  const corpus = Object.values(translated).join('\n');
  const seen = new Set<string>();
  const fragments: EnglishFragment[] = [];
  for (const [key, english] of Object.entries(en)) {
    if (translated[key] === english) continue;
    for (const literal of literalsOf(parse(english))) {
      // "Customer {number} ({name}) created" gives "Customer" and "created".
      for (const piece of literal.split(/[()“”"«»:;,.·…?!/]+/)) {
        const fragment = piece.trim();
        if ((fragment.match(/\p{L}/gu) ?? []).length < 3) continue;
        if (corpus.includes(fragment) || seen.has(fragment)) continue;
        seen.add(fragment);
        fragments.push({
          key,
          english,
          fragment,
          pattern: new RegExp(`(?<!\\p{L})${escape(fragment)}(?!\\p{L})`, 'u'),
        });
      }
    }
  }
  return fragments;
};

/** Where the plugin's text is: its page, its dialogs and popovers, its notifications. */
const PLUGIN_TEXT = [
  'main',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="listbox"]',
  '[role="tooltip"]',
  '[role="status"]',
  '[role="alert"]',
];
const ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt', 'aria-valuetext'];

/** The visible text and the accessible names and placeholders the plugin shows now. */
export const pluginText = async (page: Page): Promise<string> =>
  page.evaluate(
    ({ selectors, attributes }) => {
      // Runs in the page; the test project is compiled without the DOM library.
      interface Node {
        innerText: string;
        querySelectorAll(selector: string): ArrayLike<Node>;
        getAttribute(name: string): string | null;
      }
      const dom = globalThis as unknown as {
        document: { querySelectorAll(selector: string): ArrayLike<Node> };
      };
      const texts: string[] = [];
      for (const selector of selectors)
        for (const root of Array.from(dom.document.querySelectorAll(selector))) {
          texts.push(root.innerText);
          for (const element of [root, ...Array.from(root.querySelectorAll('*'))])
            for (const attribute of attributes) {
              const value = element.getAttribute(attribute);
              if (value) texts.push(value);
            }
        }
      return texts.join('\n');
    },
    { selectors: PLUGIN_TEXT, attributes: ATTRIBUTES }
  );

/**
 * Fails when the plugin's part of the page shows a piece of an English message whose translation
 * differs (englishFragments), naming the message and quoting where it appears. `data` lists text
 * that is the user's data (names, file headers, values), removed before looking.
 */
export const expectNoEnglish = async (
  page: Page,
  name: string,
  fragments: EnglishFragment[],
  data: readonly string[] = []
): Promise<void> => {
  let text = await pluginText(page);
  for (const value of [...data].sort((a, b) => b.length - a.length))
    text = text.split(value).join(' ');
  const found = fragments.flatMap(({ key, english, fragment, pattern }) => {
    const match = pattern.exec(text);
    if (!match) return [];
    const around = text
      .slice(Math.max(0, match.index - 40), match.index + fragment.length + 40)
      .replace(/\s+/g, ' ');
    return [`"${fragment}" of ${key} ("${english}") in: …${around}…`];
  });
  if (found.length > 0)
    throw new Error(
      `English text of the plugin on "${name}" (${page.url()}):\n  ${found.join('\n  ')}`
    );
};
