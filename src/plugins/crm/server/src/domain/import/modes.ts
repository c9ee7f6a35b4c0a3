/**
 * How an import treats rows that are records the CRM already has: its mode, the keys it finds
 * them by, what it does with rows of the file that share a key, and whether an empty cell of a
 * matched row empties the field.
 */
import {
  IMPORT_EMPTY_CELLS,
  IMPORT_MATCH_KEYS,
  IMPORT_MODES,
  IMPORT_WITHIN_FILE,
  type ImportEmptyCells,
  type ImportMatchKey,
  type ImportMode,
  type ImportWithinFile,
} from '../../../../contracts';
import { DomainValidationError, type RuleIssue } from '../errors';
import type { ImportObject } from './fields';
import { DEFAULT_MATCH_BY } from './match-keys';

export { IMPORT_EMPTY_CELLS, IMPORT_MODES, IMPORT_WITHIN_FILE };
export type { ImportEmptyCells, ImportMode, ImportWithinFile };

export interface ImportModeSettings {
  mode: ImportMode;
  matchBy: ImportMatchKey[];
  withinFile: ImportWithinFile;
  emptyCells: ImportEmptyCells;
  /** In `create` mode, rows the duplicate matcher finds a likely record for are not created. */
  fuzzy: boolean;
}

/** The import fields whose cells give each key its values. */
const KEY_FIELDS: Record<ImportObject, Partial<Record<ImportMatchKey, readonly string[]>>> = {
  contacts: {
    email: ['email', 'email2'],
    externalId: ['externalId'],
    mobilePhone: ['mobilePhone'],
  },
  customers: {
    customerNumber: ['customerNumber'],
    email: ['email', 'workEmail'],
    phone: ['homePhone', 'cellPhone', 'workPhone', 'faxNumber'],
    externalId: ['externalId'],
  },
};

export const defaultImportMode = (object: ImportObject): ImportModeSettings => ({
  mode: 'create',
  matchBy: [...DEFAULT_MATCH_BY[object]],
  withinFile: 'ignore',
  emptyCells: 'keep',
  fuzzy: false,
});

/** The job's settings as stored, any missing part at its default. */
export const importModeOf = (
  object: ImportObject,
  stored: Partial<ImportModeSettings> | null | undefined
): ImportModeSettings => ({ ...defaultImportMode(object), ...(stored ?? {}) });

/** The keys the mapped fields can match by, in the order the object lists its keys. */
export const mappedMatchKeys = (
  object: ImportObject,
  mappedFields: readonly string[]
): ImportMatchKey[] =>
  (IMPORT_MATCH_KEYS[object] as readonly ImportMatchKey[]).filter((key) =>
    (KEY_FIELDS[object][key] ?? []).some((field) => mappedFields.includes(field))
  );

/**
 * The settings after a change asked for: every part checked (the mode and choices among theirs,
 * keys among the object's, each mapped, none twice, at least one), the parts not asked for kept.
 */
export function changeImportMode(
  object: ImportObject,
  current: ImportModeSettings,
  change: Record<string, unknown>,
  mappedFields: readonly string[]
): ImportModeSettings {
  const issues: RuleIssue[] = [];
  const issue = (field: string, message: string) =>
    issues.push({ path: [field], rule: `import.mode.${field}`, message });
  const oneOf = <T extends string>(field: string, allowed: readonly T[]): T | undefined => {
    const value = change[field];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
      return value as T;
    issue(field, `${field} is one of ${allowed.join(', ')}`);
    return undefined;
  };
  const mode = oneOf('mode', IMPORT_MODES);
  const withinFile = oneOf('withinFile', IMPORT_WITHIN_FILE);
  const emptyCells = oneOf('emptyCells', IMPORT_EMPTY_CELLS);
  if (change.fuzzy !== undefined && typeof change.fuzzy !== 'boolean')
    issue('fuzzy', 'fuzzy is true or false');
  let matchBy: ImportMatchKey[] | undefined;
  if (change.matchBy !== undefined) {
    const keys = IMPORT_MATCH_KEYS[object] as readonly string[];
    const mapped = mappedMatchKeys(object, mappedFields) as string[];
    const given = change.matchBy;
    if (!Array.isArray(given) || given.length === 0 || given.some((key) => typeof key !== 'string'))
      issue('matchBy', `matchBy is a non-empty list of keys among ${keys.join(', ')}`);
    else {
      for (const key of given as string[]) {
        if (!keys.includes(key))
          issue(
            'matchBy',
            `"${key}" is not a key ${object} can be matched by (${keys.join(', ')})`
          );
        else if (!mapped.includes(key))
          issue('matchBy', `"${key}" is not mapped: map a column to it, or match by another key`);
      }
      const twice = (given as string[]).find((key, i) => given.indexOf(key) !== i);
      if (twice) issue('matchBy', `"${twice}" is listed twice in matchBy`);
      matchBy = given as ImportMatchKey[];
    }
  }
  for (const field of Object.keys(change))
    if (!['mode', 'matchBy', 'withinFile', 'emptyCells', 'fuzzy'].includes(field))
      issue(
        field,
        `${field} is not a setting of the import mode (mode, matchBy, withinFile, emptyCells, fuzzy)`
      );
  if (issues.length) throw new DomainValidationError(issues);
  return {
    mode: mode ?? current.mode,
    matchBy: matchBy ?? current.matchBy,
    withinFile: withinFile ?? current.withinFile,
    emptyCells: emptyCells ?? current.emptyCells,
    fuzzy: typeof change.fuzzy === 'boolean' ? change.fuzzy : current.fuzzy,
  };
}
