/**
 * Countries as exports write them: by name (Outlook's "United States of America", Google's
 * "Germany"), in the import's seven languages, or by the usual short forms. Names come from the
 * runtime's own country names (Intl.DisplayNames), so none is kept here by hand but the aliases.
 */
import { ISO_COUNTRY_CODES } from '../countries';
import { foldSearchText } from '../search-text';

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];

/** Short forms no country list spells out. */
const ALIASES: Record<string, string> = {
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  'united states of america': 'US',
  america: 'US',
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  holland: 'NL',
  deutschland: 'DE',
  brd: 'DE',
};

const fold = (text: string) =>
  foldSearchText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

let byName: Map<string, string> | null = null;
const names = (): Map<string, string> => {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  for (const language of LANGUAGES) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (const code of ISO_COUNTRY_CODES) {
      const name = display.of(code);
      if (name && !byName.has(fold(name))) byName.set(fold(name), code);
    }
  }
  return byName;
};

/** The ISO 3166-1 alpha-2 code of a country written by name; the text itself when none is known. */
export function countryCodeOf(text: string): string {
  const trimmed = text.trim();
  if (ISO_COUNTRY_CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return names().get(fold(trimmed)) ?? trimmed;
}
