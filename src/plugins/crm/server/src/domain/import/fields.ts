/**
 * What an import can fill, per object, and the header spellings each
 * target is recognised by, in English, French, German, Spanish, Italian, Portuguese and Dutch.
 * Headers are compared normalised: lower case, accents removed, letters and digits only, so
 * "E-mail", "E Mail" and "email" are one spelling, and "Prénom" is "prenom".
 */
import { IMPORT_OBJECTS, type ImportObject } from '../../../../contracts';
import { foldSearchText } from '../search-text';
import { detectSource, layoutField, type ImportSource } from './layouts';
import { VCARD_MAPPING, type VcardColumn } from './vcard';

export { IMPORT_OBJECTS };
export type { ImportObject };

/** "Company" in the other languages. */
const COMPANY_WORDS = [
  'societe',
  'entreprise',
  'firma',
  'unternehmen',
  'empresa',
  'azienda',
  'societa',
  'bedrijf',
  'organisatie',
];

const CONTACT_FIELDS: Record<string, readonly string[]> = {
  firstName: [
    'firstname',
    'first',
    'givenname',
    'forename',
    'prenom',
    'vorname',
    'nombre',
    'nome',
    'primeironome',
    'voornaam',
  ],
  lastName: [
    'lastname',
    'last',
    'surname',
    'familyname',
    'nom',
    'nomdefamille',
    'nachname',
    'familienname',
    'apellido',
    'apellidos',
    'cognome',
    'sobrenome',
    'apelido',
    'achternaam',
  ],
  middleName: [
    'middlename',
    'middle',
    'middleinitial',
    'deuxiemeprenom',
    'zweitervorname',
    'segundonombre',
    'secondonome',
    'tussenvoegsel',
  ],
  birthday: [
    'birthday',
    'birthdate',
    'dateofbirth',
    'dob',
    'datedenaissance',
    'anniversaire',
    'geburtstag',
    'geburtsdatum',
    'fechadenacimiento',
    'cumpleanos',
    'datadinascita',
    'compleanno',
    'datadenascimento',
    'aniversario',
    'geboortedatum',
    'verjaardag',
  ],
  email: [
    'email',
    'emailaddress',
    'mail',
    'email1',
    'primaryemail',
    'workemail',
    'businessemail',
    'courriel',
    'adresseemail',
    'adressemail',
    'emailadresse',
    'correo',
    'correoelectronico',
    'postaelettronica',
    'indirizzoemail',
    'enderecodeemail',
    'emailadres',
  ],
  email2: ['email2', 'secondaryemail', 'otheremail', 'personalemail', 'alternateemail'],
  mobilePhone: [
    'mobile',
    'mobilephone',
    'cell',
    'cellphone',
    'cellular',
    'mobilenumber',
    'gsm',
    'portable',
    'telephoneportable',
    'mobil',
    'handy',
    'mobiltelefon',
    'movil',
    'telefonomovil',
    'celular',
    'cellulare',
    'telemovel',
    'mobiel',
    'mobielnummer',
  ],
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
    'telefon',
    'telefono',
    'telefone',
    'telefoon',
    'telefoonnummer',
    'telephonebureau',
    'telefongeschaftlich',
    'telefonotrabajo',
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
    ...COMPANY_WORDS,
  ],
  jobTitle: [
    'jobtitle',
    'title',
    'position',
    'role',
    'function',
    'designation',
    'fonction',
    'poste',
    'beruf',
    'berufsbezeichnung',
    'cargo',
    'puesto',
    'ruolo',
    'qualifica',
    'funcao',
    'functie',
  ],
  certificate: ['certificate', 'certification', 'certifications'],
  timezone: ['timezone', 'tz', 'zone'],
  language: [
    'language',
    'lang',
    'locale',
    'preferredlanguage',
    'langue',
    'sprache',
    'idioma',
    'lingua',
    'taal',
  ],
  notes: [
    'notes',
    'note',
    'comments',
    'comment',
    'description',
    'remarks',
    'remarques',
    'notizen',
    'bemerkungen',
    'notas',
    'opmerkingen',
    'notities',
  ],
  otherContacts: ['othercontacts', 'othercontact', 'social', 'skype', 'linkedin'],
  // The record's id in the system the file comes from (Salesforce's Contact ID, HubSpot's Record ID).
  externalId: [
    'externalid',
    'externalreference',
    'sourceid',
    'recordid',
    'contactid',
    'id',
    'legacyid',
  ],
  doNotEmail: ['donotemail', 'noemail', 'emailoptout', 'unsubscribed', 'optoutemail'],
  doNotCall: ['donotcall', 'nocall', 'nocalls', 'phoneoptout', 'optoutphone'],
  contactPreference: ['contactpreference', 'preferredcontact', 'preferredchannel', 'contactmethod'],
  active: ['active', 'isactive', 'enabled'],
};

/** The import fields of a typed address block (`workAddressLine1`, `workCity`…) and their spellings. */
function typedAddressFields(
  type: string,
  words: readonly string[]
): Record<string, readonly string[]> {
  const spelled = (...suffixes: string[]) =>
    words.flatMap((word) => suffixes.map((suffix) => `${word}${suffix}`));
  return {
    [`${type}AddressLine1`]: spelled('street', 'address', 'addressline1', 'streetaddress'),
    [`${type}AddressLine2`]: spelled('street2', 'addressline2'),
    [`${type}City`]: spelled('city'),
    [`${type}Region`]: spelled('state', 'region', 'stateprovince', 'province'),
    [`${type}PostalCode`]: spelled('postalcode', 'zip', 'zipcode', 'zippostalcode'),
    [`${type}Country`]: spelled('country', 'countryregion'),
  };
}

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
    ...COMPANY_WORDS,
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
  addressLine1: [
    'address',
    'addressline1',
    'address1',
    'street',
    'streetaddress',
    'line1',
    'adresse',
    'rue',
    'strasse',
    'direccion',
    'calle',
    'indirizzo',
    'via',
    'endereco',
    'rua',
    'adres',
    'straat',
  ],
  addressLine2: ['addressline2', 'address2', 'line2', 'suite', 'apartment'],
  city: [
    'city',
    'town',
    'locality',
    'ville',
    'stadt',
    'ort',
    'ciudad',
    'citta',
    'cidade',
    'stad',
    'plaats',
  ],
  region: [
    'region',
    'state',
    'province',
    'county',
    'stateprovince',
    'etat',
    'bundesland',
    'provincia',
    'estado',
    'regione',
    'provincie',
  ],
  postalCode: [
    'postalcode',
    'postcode',
    'zip',
    'zipcode',
    'codepostal',
    'postleitzahl',
    'plz',
    'codigopostal',
    'cap',
    'cep',
  ],
  country: ['country', 'countrycode', 'nation', 'pays', 'land', 'pais', 'paese'],
  externalId: [...CONTACT_FIELDS.externalId, 'customerid'],
  // Read to find the customer again, never written: the CRM assigns customer numbers.
  customerNumber: ['customernumber', 'customerno', 'numerocliente', 'kundennummer', 'klantnummer'],
  // A work and a mailing address beside the one above (a physical address); export layouts
  // (Outlook's Business and Other blocks, Salesforce's Mailing block) fill them.
  ...typedAddressFields('work', ['business', 'work', 'office']),
  ...typedAddressFields('mailing', ['mailing', 'postal']),
};

export const IMPORT_FIELDS: Record<ImportObject, Record<string, readonly string[]>> = {
  contacts: CONTACT_FIELDS,
  customers: CUSTOMER_FIELDS,
};

/** The fields that hold a date, read in their column's order (`dates.ts`). */
export const IMPORT_DATE_FIELDS: Record<ImportObject, readonly string[]> = {
  contacts: ['birthday'],
  customers: ['dateOfBirth'],
};

export const importFieldNames = (object: ImportObject): string[] =>
  Object.keys(IMPORT_FIELDS[object]);

export const normalizeHeader = (header: string): string =>
  foldSearchText(header).replace(/[^a-z0-9]/g, '');

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

/**
 * Each header's target field, or null; a field is given to the first column that names it. In a
 * known export layout (`source`, told from the headers when not given) a header first means what
 * that product means by it.
 */
export function autoMap(
  headers: readonly string[],
  object: ImportObject,
  source: ImportSource | null = detectSource(headers.map(headerKey))
): Record<string, string | null> {
  // A vCard's columns are its properties, each filling one field.
  if (source === 'vcard')
    return Object.fromEntries(
      headers.map((header) => [header, VCARD_MAPPING[object][header as VcardColumn] ?? null])
    );
  const targets = Object.entries(IMPORT_FIELDS[object]);
  const taken = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const header of headers) {
    const key = headerKey(header);
    const inLayout = layoutField(source, object, key);
    const exact = targets.find(([field]) => normalizeHeader(field) === key && !taken.has(field));
    const synonym =
      exact ?? targets.find(([field, spellings]) => spellings.includes(key) && !taken.has(field));
    const field =
      inLayout === null
        ? null
        : inLayout !== undefined && !taken.has(inLayout)
          ? inLayout
          : (synonym?.[0] ?? null);
    mapping[header] = field;
    if (field) taken.add(field);
  }
  return mapping;
}

/** A header as layouts and synonyms know it: normalised, without the " (2)" of a repeated one. */
export const headerKey = (header: string): string =>
  normalizeHeader(header.replace(/ \(\d+\)$/, ''));
