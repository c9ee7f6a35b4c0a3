import {
  autoMap,
  importFieldNames,
  normalizeHeader,
  uniqueHeaders,
} from '../../../../src/plugins/crm/server/src/domain';

describe('header mapping', () => {
  it('normalises spellings', () => {
    expect(normalizeHeader('E-mail')).toBe('email');
    expect(normalizeHeader('Émail Address ')).toBe('emailaddress');
  });

  it('maps common synonyms of contact fields', () => {
    const headers = [
      'First Name',
      'Surname',
      'E-mail',
      'Email Address',
      'Mobile',
      'Cell',
      'Company Name',
      'Organisation',
      'Job Title',
      'Shoe size',
    ];
    expect(autoMap(headers, 'contacts')).toEqual({
      'First Name': 'firstName',
      Surname: 'lastName',
      'E-mail': 'email',
      'Email Address': null, // email is taken by the first column that names it
      Mobile: 'mobilePhone',
      Cell: null,
      'Company Name': 'company',
      Organisation: null,
      'Job Title': 'jobTitle',
      'Shoe size': null,
    });
  });

  it('prefers an exact field name over a synonym', () => {
    expect(autoMap(['Company', 'businessName'], 'customers')).toEqual({
      Company: 'businessName',
      businessName: null,
    });
    expect(autoMap(['email2', 'Email'], 'contacts')).toEqual({ email2: 'email2', Email: 'email' });
  });

  it('makes repeated and blank headers unique', () => {
    expect(uniqueHeaders(['Email', 'Email', '', 'Email'])).toEqual([
      'Email',
      'Email (2)',
      'Column 3',
      'Email (3)',
    ]);
    expect(autoMap(['Email', 'Email (2)'], 'contacts')).toEqual({
      Email: 'email',
      'Email (2)': null,
    });
  });

  it('lists the fields of each object', () => {
    expect(importFieldNames('contacts')).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'company', 'email'])
    );
    expect(importFieldNames('customers')).toEqual(
      expect.arrayContaining(['type', 'businessName', 'addressLine1', 'cellPhone'])
    );
  });
});
