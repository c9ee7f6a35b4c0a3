import {
  DomainValidationError,
  externalIdTaken,
  validateContact,
  validateCustomer,
} from '../../../src/plugins/crm/server/src/domain';

const contact = (externalId: unknown) =>
  validateContact(
    { firstName: 'Ada', lastName: 'Lovelace', externalId },
    { defaultCountry: 'US', hasUser: false }
  ).externalId;

describe('external ids', () => {
  it('are kept as written, trimmed, and blank as none', () => {
    expect(contact(' 0035g00000AbCdE ')).toBe('0035g00000AbCdE');
    expect(contact('')).toBeNull();
    expect(contact('   ')).toBeNull();
    expect(contact(undefined)).toBeNull();
    expect(
      validateCustomer({ type: 'business', businessName: 'Acme', externalId: 'A-1' }).externalId
    ).toBe('A-1');
  });

  it('are refused when longer than 100 characters or not text', () => {
    expect(() => contact('x'.repeat(101))).toThrow('externalId must be at most 100 characters');
    expect(() => contact('x'.repeat(100))).not.toThrow();
    expect(() => contact(42)).toThrow('externalId must be a string');
  });

  it('name the record that already has one', () => {
    const error = externalIdTaken('A-1', 'customer', 'abc123');
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error.issues).toEqual([
      {
        path: ['externalId'],
        rule: 'externalId.unique',
        message: 'externalId "A-1" is already the id of customer abc123',
      },
    ]);
  });
});
