import {
  autoMap,
  detectSource,
  headerKey,
  parseBooleanCell,
} from '../../../../src/plugins/crm/server/src/domain';

// Header rows as the products write them in their exports.
const OUTLOOK =
  "First Name,Middle Name,Last Name,Title,Suffix,Initials,Web Page,Gender,Birthday,Anniversary,Location,Language,Internet Free Busy,Notes,E-mail Address,E-mail 2 Address,E-mail 3 Address,Primary Phone,Home Phone,Home Phone 2,Mobile Phone,Pager,Home Fax,Home Address,Home Street,Home Street 2,Home Street 3,Home Address PO Box,Home City,Home State,Home Postal Code,Home Country,Spouse,Children,Manager's Name,Assistant's Name,Referred By,Company Main Phone,Business Phone,Business Phone 2,Business Fax,Assistant's Phone,Company,Job Title,Department,Office Location,Organizational ID Number,Profession,Account,Business Address,Business Street,Business Street 2,Business Street 3,Business Address PO Box,Business City,Business State,Business Postal Code,Business Country,Other Phone,Other Fax,Other Address,Other Street,Other Street 2,Other Street 3,Other Address PO Box,Other City,Other State,Other Postal Code,Other Country,Callback,Car Phone,ISDN,Radio Phone,TTY/TDD Phone,Telex,User 1,User 2,User 3,User 4,Keywords,Mileage,Hobby,Billing Information,Directory Server,Sensitivity,Priority,Private,Categories".split(
    ','
  );
const GOOGLE =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address'.split(
    ','
  );
const SALESFORCE_REPORT = [
  'Contact ID',
  'Salutation',
  'First Name',
  'Last Name',
  'Title',
  'Account Name',
  'Mailing Street',
  'Mailing City',
  'Mailing State/Province',
  'Mailing Zip/Postal Code',
  'Mailing Country',
  'Phone',
  'Mobile',
  'Email',
  'Email Opt Out',
  'Do Not Call',
  'Birthdate',
  'Lead Source',
  'Contact Owner',
];
const SALESFORCE_DATA_EXPORT = [
  'Id',
  'AccountId',
  'LastName',
  'FirstName',
  'Salutation',
  'MailingStreet',
  'MailingCity',
  'MailingState',
  'MailingPostalCode',
  'MailingCountry',
  'Phone',
  'MobilePhone',
  'Email',
  'Title',
  'HasOptedOutOfEmail',
  'DoNotCall',
  'Birthdate',
];
const HUBSPOT = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Mobile Phone Number',
  'Company Name',
  'Job Title',
  'Contact owner',
  'Lifecycle Stage',
  'Lead Status',
  'Create Date',
  'Last Activity Date',
  'Unsubscribed from all email',
];
const LINKEDIN = [
  'First Name',
  'Last Name',
  'URL',
  'Email Address',
  'Company',
  'Position',
  'Connected On',
];

const sourceOf = (headers: string[]) => detectSource(headers.map(headerKey));

describe('export layouts', () => {
  it('tells each product from its header set', () => {
    expect(sourceOf(OUTLOOK)).toBe('outlook');
    expect(sourceOf(GOOGLE)).toBe('google');
    expect(sourceOf(SALESFORCE_REPORT)).toBe('salesforce');
    expect(sourceOf(SALESFORCE_DATA_EXPORT)).toBe('salesforce');
    expect(sourceOf(HUBSPOT)).toBe('hubspot');
    expect(sourceOf(LINKEDIN)).toBe('linkedin');
    expect(sourceOf(['First Name', 'Last Name', 'Email', 'Company'])).toBeNull();
  });

  it("reads Outlook's Title as the honorific and its Job Title as the job title", () => {
    const mapping = autoMap(OUTLOOK, 'contacts');
    expect(mapping).toMatchObject({
      Title: null,
      'Job Title': 'jobTitle',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Birthday: 'birthday',
      'E-mail Address': 'email',
      'E-mail 2 Address': 'email2',
      'Mobile Phone': 'mobilePhone',
      'Business Phone': 'workPhone',
      Company: 'company',
      Notes: 'notes',
    });
    expect(autoMap(OUTLOOK, 'customers')).toMatchObject({
      Title: null,
      Company: 'businessName',
      'Home Street': 'addressLine1',
      'Home City': 'city',
      'Home Postal Code': 'postalCode',
      'Home Country': 'country',
      'Business Fax': 'faxNumber',
      'Business Street': 'workAddressLine1',
      'Business City': 'workCity',
      'Business Country': 'workCountry',
      'Other Street': 'mailingAddressLine1',
    });
  });

  it("reads Salesforce's Title as the job title and Account Name as the company", () => {
    expect(autoMap(SALESFORCE_REPORT, 'contacts')).toMatchObject({
      Salutation: null,
      Title: 'jobTitle',
      'Account Name': 'company',
      Phone: 'workPhone',
      Mobile: 'mobilePhone',
      'Email Opt Out': 'doNotEmail',
      'Do Not Call': 'doNotCall',
      Birthdate: 'birthday',
    });
    expect(autoMap(SALESFORCE_DATA_EXPORT, 'customers')).toMatchObject({
      MailingStreet: 'mailingAddressLine1',
      MailingPostalCode: 'mailingPostalCode',
      HasOptedOutOfEmail: 'noEmail',
      DoNotCall: 'noPhoneCalls',
    });
  });

  it("reads HubSpot's Phone Number as the work phone and its mobile as the mobile", () => {
    expect(autoMap(HUBSPOT, 'contacts')).toMatchObject({
      'Phone Number': 'workPhone',
      'Mobile Phone Number': 'mobilePhone',
      'Company Name': 'company',
      'Unsubscribed from all email': 'doNotEmail',
    });
  });

  it("never takes Google's label columns for values", () => {
    const mapping = autoMap(GOOGLE, 'contacts');
    expect(mapping).toMatchObject({
      'E-mail 1 - Label': null,
      'E-mail 1 - Value': 'email',
      'E-mail 2 - Value': 'email2',
      'Phone 1 - Label': null,
      'Organization Name': 'company',
      'Organization Title': 'jobTitle',
    });
  });

  it('maps LinkedIn connections, the profile URL kept among other contacts', () => {
    expect(autoMap(LINKEDIN, 'contacts')).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      URL: 'otherContacts',
      'Email Address': 'email',
      Company: 'company',
      Position: 'jobTitle',
      'Connected On': null,
    });
  });

  it('recognises the common headers in six other languages, with and without accents', () => {
    expect(
      autoMap(['Prénom', 'Nom', 'Société', 'Courriel', 'Téléphone portable'], 'contacts')
    ).toEqual({
      Prénom: 'firstName',
      Nom: 'lastName',
      Société: 'company',
      Courriel: 'email',
      'Téléphone portable': 'mobilePhone',
    });
    expect(
      autoMap(['Vorname', 'Nachname', 'Firma', 'Geburtsdatum', 'Straße', 'PLZ'], 'customers')
    ).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      Firma: 'businessName',
      Geburtsdatum: 'dateOfBirth',
      Straße: 'addressLine1',
      PLZ: 'postalCode',
    });
    expect(autoMap(['Nombre', 'Apellido', 'Empresa', 'Correo'], 'contacts')).toEqual({
      Nombre: 'firstName',
      Apellido: 'lastName',
      Empresa: 'company',
      Correo: 'email',
    });
    expect(autoMap(['Nome', 'Cognome', 'Azienda', 'Cellulare'], 'contacts')).toEqual({
      Nome: 'firstName',
      Cognome: 'lastName',
      Azienda: 'company',
      Cellulare: 'mobilePhone',
    });
    expect(autoMap(['Primeiro nome', 'Sobrenome', 'Telemóvel'], 'contacts')).toEqual({
      'Primeiro nome': 'firstName',
      Sobrenome: 'lastName',
      Telemóvel: 'mobilePhone',
    });
    expect(autoMap(['Voornaam', 'Achternaam', 'Bedrijf', 'Mobiel'], 'contacts')).toEqual({
      Voornaam: 'firstName',
      Achternaam: 'lastName',
      Bedrijf: 'company',
      Mobiel: 'mobilePhone',
    });
  });

  it('reads opt-out values in the same languages', () => {
    for (const yes of ['1', 'true', 'Yes', 'x', 'oui', 'Ja', 'sí', 'sim', 'vrai', 'waar'])
      expect([yes, parseBooleanCell(yes)]).toEqual([yes, true]);
    for (const no of ['0', 'false', 'No', 'non', 'nein', 'não', 'nee', 'falso'])
      expect([no, parseBooleanCell(no)]).toEqual([no, false]);
    expect(parseBooleanCell('maybe')).toBe('maybe');
  });
});
