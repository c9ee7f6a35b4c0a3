import {
  DomainValidationError,
  changeImportMode,
  defaultImportMode,
  importModeOf,
  mappedMatchKeys,
} from '../../../../src/plugins/crm/server/src/domain';

const messagesOf = (work: () => unknown): string[] => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.issues.map((issue) => issue.message);
    throw error;
  }
  throw new Error('no DomainValidationError');
};

describe('import modes', () => {
  it('create by e-mail for contacts, by customer number then e-mail for customers, by default', () => {
    expect(defaultImportMode('contacts')).toEqual({
      mode: 'create',
      matchBy: ['email'],
      withinFile: 'ignore',
      emptyCells: 'keep',
      fuzzy: false,
    });
    expect(importModeOf('customers', { mode: 'upsert' })).toEqual({
      mode: 'upsert',
      matchBy: ['customerNumber', 'email'],
      withinFile: 'ignore',
      emptyCells: 'keep',
      fuzzy: false,
    });
  });

  it('offers the keys whose columns are mapped, in the order of the type', () => {
    expect(mappedMatchKeys('contacts', ['mobilePhone', 'email2', 'firstName'])).toEqual([
      'email',
      'mobilePhone',
    ]);
    expect(mappedMatchKeys('customers', ['externalId', 'faxNumber', 'workEmail'])).toEqual([
      'email',
      'phone',
      'externalId',
    ]);
  });

  it('changes what is asked and keeps the rest', () => {
    const changed = changeImportMode(
      'customers',
      defaultImportMode('customers'),
      { mode: 'update', matchBy: ['phone', 'customerNumber'] },
      ['customerNumber', 'homePhone']
    );
    expect(changed).toEqual({
      mode: 'update',
      matchBy: ['phone', 'customerNumber'],
      withinFile: 'ignore',
      emptyCells: 'keep',
      fuzzy: false,
    });
  });

  it('names every setting it refuses', () => {
    expect(
      messagesOf(() =>
        changeImportMode(
          'contacts',
          defaultImportMode('contacts'),
          {
            mode: 'merge',
            matchBy: ['email', 'phone', 'externalId', 'email'],
            withinFile: 'first',
            emptyCells: 'blank',
            sheet: 1,
          },
          ['email']
        )
      )
    ).toEqual([
      'mode is one of create, update, upsert',
      'withinFile is one of ignore, merge',
      'emptyCells is one of keep, clear',
      '"phone" is not a key contacts can be matched by (email, externalId, mobilePhone)',
      '"externalId" is not mapped: map a column to it, or match by another key',
      '"email" is listed twice in matchBy',
      'sheet is not a setting of the import mode (mode, matchBy, withinFile, emptyCells, fuzzy)',
    ]);
    expect(
      messagesOf(() =>
        changeImportMode('contacts', defaultImportMode('contacts'), { matchBy: [] }, ['email'])
      )
    ).toEqual(['matchBy is a non-empty list of keys among email, externalId, mobilePhone']);
  });
});
