import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import * as contracts from '../../../src/plugins/crm/contracts';

// Every message of the admin pages is written `formatMessage({ id: 'crm.…', defaultMessage: '…' })`;
// the English file must hold each of them, with the same text, and nothing else.
const adminRoot = join(__dirname, '../../../src/plugins/crm/admin/src');
const en = JSON.parse(readFileSync(join(adminRoot, 'translations/en.json'), 'utf8')) as Record<
  string,
  string
>;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });

const MESSAGE =
  /id:\s*'(crm\.[^']+)'(?:,\s*defaultMessage:\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"))?/g;
const used = new Map<string, string | undefined>();
for (const file of sourceFiles(adminRoot)) {
  for (const match of readFileSync(file, 'utf8').matchAll(MESSAGE)) {
    const text = match[2] ?? match[3];
    used.set(match[1], text?.replace(/\\(['"])/g, '$1'));
  }
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
const valueIds = new Set(SHOWN_LISTS.flat().map((value) => `crm.value.${value}`));

const inFile = new Set(Object.keys(en).map((key) => `crm.${key}`));

describe('admin translations (en.json)', () => {
  it('finds the messages of the admin source', () => {
    expect(used.size).toBeGreaterThan(100);
  });

  it('hold every message id the admin uses', () => {
    expect([...used.keys(), ...valueIds].filter((id) => !inFile.has(id)).sort()).toEqual([]);
  });

  it('hold no message the admin does not use', () => {
    expect([...inFile].filter((id) => !used.has(id) && !valueIds.has(id)).sort()).toEqual([]);
  });

  it('say in English what the source says by default', () => {
    const differing = [...used]
      .filter(([id, text]) => text !== undefined && en[id.slice('crm.'.length)] !== text)
      .map(([id]) => id);
    expect(differing).toEqual([]);
  });

  it('name each shown value as the pages did before it had a message', () => {
    for (const id of valueIds) {
      const value = id.slice('crm.value.'.length);
      expect(en[`value.${value}`]).toBe(
        value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ')
      );
    }
  });
});
