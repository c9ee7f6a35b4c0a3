import * as domain from '../../../src/plugins/crm/server/src/domain';

describe('domain index', () => {
  it('re-exports the public interface of every domain file', () => {
    const expected = [
      'DomainValidationError',
      'assertNoIssues',
      'CUSTOMER_TYPES',
      'GENDERS',
      'MARITAL_STATUSES',
      'PREFERRED_CONTACTS',
      'CUSTOMER_STATUSES',
      'CUSTOMER_FIELD_NAMES',
      'NAME_MAX_LENGTH',
      'BUSINESS_NAME_MAX_LENGTH',
      'validateCustomer',
      'CUSTOMER_NUMBER_PREFIX',
      'formatCustomerNumber',
      'parseCustomerNumber',
      'customerDisplayName',
      'CONTACT_POINT_KINDS',
      'CONTACT_POINT_TYPES',
      'defaultContactPointType',
      'CONTACT_POINT_PLURALS',
      'DEFAULT_CONTACT_POINT_LIMITS',
      'resolveContactPointLimits',
      'checkContactPointSet',
      'choosePrimary',
      'primaryUpdates',
      'validateAddress',
      'validatePhone',
      'normalizePhoneNumber',
      'formatPhoneNumber',
      'phoneDigits',
      'isSupportedCountry',
      'validateEmail',
      'normalizeEmailAddress',
      'ISO_COUNTRY_CODES',
      'isIsoCountryCode',
    ];
    for (const name of expected) {
      expect(domain).toHaveProperty(name);
    }
  });

  it('keeps the internal field readers out of the public surface', () => {
    expect(domain).not.toHaveProperty('readTrimmedString');
    expect(domain).not.toHaveProperty('ensureRecord');
  });
});
