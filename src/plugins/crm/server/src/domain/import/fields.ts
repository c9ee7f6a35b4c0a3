/**
 * What an import can fill, per object, and the header spellings each
 * target is recognised by. Headers are compared normalised: lower case, letters and digits only,
 * so "E-mail", "E Mail" and "email" are one spelling.
 */
import { IMPORT_OBJECTS, type ImportObject } from '../../../../contracts';

export { IMPORT_OBJECTS };
export type { ImportObject };

const CONTACT_FIELDS: Record<string, readonly string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'forename', 'prenom'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'nom'],
  middleName: ['middlename', 'middle', 'middleinitial'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob'],
  email: ['email', 'emailaddress', 'mail', 'email1', 'primaryemail', 'workemail', 'businessemail'],
  email2: ['email2', 'secondaryemail', 'otheremail', 'personalemail', 'alternateemail'],
  mobilePhone: ['mobile', 'mobilephone', 'cell', 'cellphone', 'cellular', 'mobilenumber', 'gsm'],
  mobilePhone2: ['mobile2', 'mobilephone2', 'cell2', 'secondmobile'],
  workPhone: [
    'phone',
    'workphone',
    'businessphone',
    'officephone',
    'telephone',
    'tel',
    'phonenumber',
    'directline',
  ],
  company: [
    'company',
    'companyname',
    'organisation',
    'organization',
    'organisationname',
    'organizationname',
    'account',
    'accountname',
    'employer',
    'business',
    'customer',
    'customernumber',
  ],
  jobTitle: ['jobtitle', 'title', 'position', 'role', 'function', 'designation'],
  certificate: ['certificate', 'certification', 'certifications'],
  timezone: ['timezone', 'tz', 'zone'],
  language: ['language', 'lang', 'locale', 'preferredlanguage'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'remarks'],
  otherContacts: ['othercontacts', 'othercontact', 'social', 'skype', 'linkedin'],
  doNotEmail: ['donotemail', 'noemail', 'emailoptout', 'unsubscribed', 'optoutemail'],
  doNotCall: ['donotcall', 'nocall', 'nocalls', 'phoneoptout', 'optoutphone'],
  contactPreference: ['contactpreference', 'preferredcontact', 'preferredchannel', 'contactmethod'],
  active: ['active', 'isactive', 'enabled'],
};

const CUSTOMER_FIELDS: Record<string, readonly string[]> = {
  type: ['type', 'customertype', 'kind'],
  firstName: CONTACT_FIELDS.firstName,
  lastName: CONTACT_FIELDS.lastName,
  middleName: CONTACT_FIELDS.middleName,
  businessName: [
    'businessname',
    'company',
    'companyname',
    'organisation',
    'organization',
    'accountname',
    'business',
  ],
  gender: ['gender', 'sex'],
  dateOfBirth: CONTACT_FIELDS.birthday,
  maritalStatus: ['maritalstatus', 'marital'],
  ssn: [
    'ssn',
    'socialsecuritynumber',
    'socialsecurity',
    'socialsecurityno',
    'ssnnumber',
    'ssno',
    'ssntin',
  ],
  preferredContact: ['preferredcontact', 'contactpreference', 'preferredchannel'],
  status: ['status', 'customerstatus'],
  noEmail: ['noemail', 'donotemail', 'emailoptout'],
  noMail: ['nomail', 'donotmail', 'mailoptout'],
  noPhoneCalls: ['nophonecalls', 'donotcall', 'nocalls', 'phoneoptout'],
  email: ['email', 'emailaddress', 'personalemail', 'mail'],
  workEmail: ['workemail', 'businessemail', 'email2'],
  homePhone: ['phone', 'homephone', 'telephone', 'tel', 'phonenumber'],
  cellPhone: ['mobile', 'mobilephone', 'cell', 'cellphone'],
  workPhone: ['workphone', 'businessphone', 'officephone'],
  faxNumber: ['fax', 'faxnumber'],
  addressLine1: ['address', 'addressline1', 'address1', 'street', 'streetaddress', 'line1'],
  addressLine2: ['addressline2', 'address2', 'line2', 'suite', 'apartment'],
  city: ['city', 'town', 'locality'],
  region: ['region', 'state', 'province', 'county', 'stateprovince'],
  postalCode: ['postalcode', 'postcode', 'zip', 'zipcode'],
  country: ['country', 'countrycode', 'nation'],
};

export const IMPORT_FIELDS: Record<ImportObject, Record<string, readonly string[]>> = {
  contacts: CONTACT_FIELDS,
  customers: CUSTOMER_FIELDS,
};

export const importFieldNames = (object: ImportObject): string[] =>
  Object.keys(IMPORT_FIELDS[object]);

export const normalizeHeader = (header: string): string =>
  header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * Makes headers unique and usable as mapping keys: blanks become "Column N", and a repeated
 * header gets " (2)", " (3)"…, so every column can be mapped on its own.
 */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((raw, index) => {
    const header = raw.trim() || `Column ${index + 1}`;
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    return count === 1 ? header : `${header} (${count})`;
  });
}

/** Each header's target field, or null; a field is given to the first column that names it. */
export function autoMap(
  headers: readonly string[],
  object: ImportObject
): Record<string, string | null> {
  const targets = Object.entries(IMPORT_FIELDS[object]);
  const taken = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const header of headers) {
    const key = normalizeHeader(header.replace(/ \(\d+\)$/, ''));
    const exact = targets.find(([field]) => normalizeHeader(field) === key && !taken.has(field));
    const synonym =
      exact ?? targets.find(([field, spellings]) => spellings.includes(key) && !taken.has(field));
    mapping[header] = synonym ? synonym[0] : null;
    if (synonym) taken.add(synonym[0]);
  }
  return mapping;
}
