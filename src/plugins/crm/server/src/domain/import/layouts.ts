/**
 * The export layouts of the products people import from, told from their header sets. Within a
 * layout a header means what that product means by it: Outlook's `Title` is the honorific (not
 * mapped) and its `Job Title` the job title; Salesforce's `Title` is the job title and
 * `Account Name` the company; HubSpot's `Phone Number` is the work phone. Headers are compared
 * normalised (`normalizeHeader`).
 */
import { IMPORT_SOURCES, type ImportSource } from '../../../../contracts';
import type { ImportObject } from './fields';

export { IMPORT_SOURCES, type ImportSource };

interface Layout {
  source: Exclude<ImportSource, 'vcard'>;
  /** Every one of these headers is in the product's export. */
  requires: readonly string[];
  /** At least `minimum` of these are. */
  typical: readonly string[];
  minimum: number;
  /** Header → field, per object; a header listed with null is never mapped (it means something else). */
  fields: Record<ImportObject, Record<string, string | null>>;
}

/** Microsoft Outlook's contacts export ("Export to a file" → CSV), English headers. */
const OUTLOOK: Layout = {
  source: 'outlook',
  requires: ['firstname', 'lastname'],
  typical: [
    'title',
    'suffix',
    'jobtitle',
    'department',
    'businessstreet',
    'homestreet',
    'otherstreet',
    'businessphone',
    'homephone',
    'mobilephone',
    'emailaddress',
    'emailtype',
    'emaildisplayname',
    'email2address',
    'businessfax',
    'webpage',
  ],
  minimum: 5,
  fields: {
    contacts: {
      title: null, // the honorific (Mr., Ms.)
      firstname: 'firstName',
      middlename: 'middleName',
      lastname: 'lastName',
      company: 'company',
      jobtitle: 'jobTitle',
      emailaddress: 'email',
      email2address: 'email2',
      mobilephone: 'mobilePhone',
      homephone: 'mobilePhone2',
      businessphone: 'workPhone',
      birthday: 'birthday',
      notes: 'notes',
      language: 'language',
    },
    customers: {
      title: null,
      firstname: 'firstName',
      middlename: 'middleName',
      lastname: 'lastName',
      company: 'businessName',
      gender: 'gender',
      birthday: 'dateOfBirth',
      emailaddress: 'email',
      email2address: 'workEmail',
      homephone: 'homePhone',
      mobilephone: 'cellPhone',
      businessphone: 'workPhone',
      businessfax: 'faxNumber',
      homestreet: 'addressLine1',
      homestreet2: 'addressLine2',
      homecity: 'city',
      homestate: 'region',
      homepostalcode: 'postalCode',
      homecountryregion: 'country',
      homecountry: 'country',
      // Outlook.com's whole addresses in one cell; its Street, City… columns hold the parts
      homeaddress: null,
      businessaddress: null,
      otheraddress: null,
      businessstreet: 'workAddressLine1',
      businessstreet2: 'workAddressLine2',
      businesscity: 'workCity',
      businessstate: 'workRegion',
      businesspostalcode: 'workPostalCode',
      businesscountryregion: 'workCountry',
      businesscountry: 'workCountry',
      otherstreet: 'mailingAddressLine1',
      otherstreet2: 'mailingAddressLine2',
      othercity: 'mailingCity',
      otherstate: 'mailingRegion',
      otherpostalcode: 'mailingPostalCode',
      othercountryregion: 'mailingCountry',
      othercountry: 'mailingCountry',
    },
  },
};

/** Google Contacts' current export ("Google CSV"). */
const GOOGLE: Layout = {
  source: 'google',
  requires: [],
  typical: [
    'firstname',
    'lastname',
    'nameprefix',
    'namesuffix',
    'phoneticfirstname',
    'fileas',
    'nickname',
    'labels',
    'email1label',
    'email1value',
    'phone1label',
    'phone1value',
    'organizationname',
    'organizationtitle',
    'address1formatted',
    'givenname',
    'familyname',
    'groupmembership',
  ],
  minimum: 4,
  fields: {
    contacts: {
      firstname: 'firstName',
      givenname: 'firstName',
      middlename: 'middleName',
      additionalname: 'middleName',
      lastname: 'lastName',
      familyname: 'lastName',
      organizationname: 'company',
      organization1name: 'company',
      organizationtitle: 'jobTitle',
      organization1title: 'jobTitle',
      email1value: 'email',
      email2value: 'email2',
      phone1value: 'mobilePhone',
      phone2value: 'workPhone',
      birthday: 'birthday',
      notes: 'notes',
      email1label: null,
      email2label: null,
      phone1label: null,
      phone2label: null,
    },
    customers: {
      firstname: 'firstName',
      givenname: 'firstName',
      middlename: 'middleName',
      additionalname: 'middleName',
      lastname: 'lastName',
      familyname: 'lastName',
      organizationname: 'businessName',
      organization1name: 'businessName',
      birthday: 'dateOfBirth',
      gender: 'gender',
      email1value: 'email',
      email2value: 'workEmail',
      phone1value: 'cellPhone',
      phone2value: 'workPhone',
      address1street: 'addressLine1',
      address1extendedaddress: 'addressLine2',
      address1city: 'city',
      address1region: 'region',
      address1postalcode: 'postalCode',
      address1country: 'country',
      // Address 2 and 3 as the work and mailing addresses; each block's label decides in the end.
      address2street: 'workAddressLine1',
      address2extendedaddress: 'workAddressLine2',
      address2city: 'workCity',
      address2region: 'workRegion',
      address2postalcode: 'workPostalCode',
      address2country: 'workCountry',
      address3street: 'mailingAddressLine1',
      address3extendedaddress: 'mailingAddressLine2',
      address3city: 'mailingCity',
      address3region: 'mailingRegion',
      address3postalcode: 'mailingPostalCode',
      address3country: 'mailingCountry',
      email1label: null,
      email2label: null,
      phone1label: null,
      phone2label: null,
    },
  },
};

/** Salesforce contact exports (Data Export, Data Loader) and contact reports. */
const SALESFORCE: Layout = {
  source: 'salesforce',
  requires: [],
  typical: [
    'contactid',
    'accountid',
    'accountname',
    'salutation',
    'mailingstreet',
    'mailingcity',
    'mailingstate',
    'mailingstateprovince',
    'mailingzippostalcode',
    'mailingpostalcode',
    'mailingcountry',
    'otherstreet',
    'leadsource',
    'contactowner',
    'emailoptout',
    'donotcall',
    'hasoptedoutofemail',
    'ownerid',
    'reportsto',
  ],
  minimum: 3,
  fields: {
    contacts: {
      salutation: null,
      // The account's id, not the person's: Contact ID (or Id) is the record's external id.
      accountid: null,
      firstname: 'firstName',
      middlename: 'middleName',
      lastname: 'lastName',
      title: 'jobTitle',
      accountname: 'company',
      account: 'company',
      email: 'email',
      mobile: 'mobilePhone',
      mobilephone: 'mobilePhone',
      homephone: 'mobilePhone2',
      phone: 'workPhone',
      businessphone: 'workPhone',
      birthdate: 'birthday',
      description: 'notes',
      emailoptout: 'doNotEmail',
      hasoptedoutofemail: 'doNotEmail',
      donotcall: 'doNotCall',
    },
    customers: {
      salutation: null,
      // The account's id, not the person's: Contact ID (or Id) is the record's external id.
      accountid: null,
      firstname: 'firstName',
      middlename: 'middleName',
      lastname: 'lastName',
      title: null, // a person's job title, which customers do not hold
      accountname: 'businessName',
      email: 'email',
      mobile: 'cellPhone',
      mobilephone: 'cellPhone',
      homephone: 'homePhone',
      phone: 'workPhone',
      businessphone: 'workPhone',
      fax: 'faxNumber',
      birthdate: 'dateOfBirth',
      emailoptout: 'noEmail',
      hasoptedoutofemail: 'noEmail',
      donotcall: 'noPhoneCalls',
      mailingstreet: 'mailingAddressLine1',
      mailingcity: 'mailingCity',
      mailingstate: 'mailingRegion',
      mailingstateprovince: 'mailingRegion',
      mailingzip: 'mailingPostalCode',
      mailingzippostalcode: 'mailingPostalCode',
      mailingpostalcode: 'mailingPostalCode',
      mailingcountry: 'mailingCountry',
      otherstreet: 'addressLine1',
      othercity: 'city',
      otherstate: 'region',
      otherstateprovince: 'region',
      otherzippostalcode: 'postalCode',
      otherpostalcode: 'postalCode',
      othercountry: 'country',
    },
  },
};

/** HubSpot's contact export (Contacts → Export). */
const HUBSPOT: Layout = {
  source: 'hubspot',
  requires: [],
  typical: [
    'recordid',
    'contactowner',
    'lifecyclestage',
    'leadstatus',
    'phonenumber',
    'mobilephonenumber',
    'associatedcompany',
    'companyname',
    'lastactivitydate',
    'createdate',
    'unsubscribedfromallemail',
    'marketingcontactstatus',
    'emaildomain',
  ],
  minimum: 3,
  fields: {
    contacts: {
      firstname: 'firstName',
      lastname: 'lastName',
      email: 'email',
      phonenumber: 'workPhone',
      mobilephonenumber: 'mobilePhone',
      companyname: 'company',
      associatedcompany: 'company',
      jobtitle: 'jobTitle',
      dateofbirth: 'birthday',
      unsubscribedfromallemail: 'doNotEmail',
      optedoutofallemail: 'doNotEmail',
      preferredlanguage: 'language',
      timezone: 'timezone',
      message: 'notes',
    },
    customers: {
      firstname: 'firstName',
      lastname: 'lastName',
      email: 'email',
      phonenumber: 'workPhone',
      mobilephonenumber: 'cellPhone',
      companyname: 'businessName',
      faxnumber: 'faxNumber',
      dateofbirth: 'dateOfBirth',
      unsubscribedfromallemail: 'noEmail',
      optedoutofallemail: 'noEmail',
      streetaddress: 'addressLine1',
      city: 'city',
      stateregion: 'region',
      postalcode: 'postalCode',
      country: 'country',
      countryregion: 'country',
    },
  },
};

/** LinkedIn's "Connections.csv" (Settings → Data privacy → Get a copy of your data). */
const LINKEDIN: Layout = {
  source: 'linkedin',
  requires: ['firstname', 'lastname', 'connectedon'],
  typical: ['url', 'emailaddress', 'company', 'position'],
  minimum: 1,
  fields: {
    contacts: {
      firstname: 'firstName',
      lastname: 'lastName',
      url: 'otherContacts',
      emailaddress: 'email',
      company: 'company',
      position: 'jobTitle',
      connectedon: null,
    },
    customers: {
      firstname: 'firstName',
      lastname: 'lastName',
      emailaddress: 'email',
      connectedon: null,
    },
  },
};

const LAYOUTS: readonly Layout[] = [OUTLOOK, GOOGLE, SALESFORCE, HUBSPOT, LINKEDIN];

/** The layout whose headers the file has (the one with the most typical headers when several fit). */
const layoutOf = (keys: ReadonlySet<string>): Layout | null => {
  let best: { layout: Layout; score: number } | null = null;
  for (const layout of LAYOUTS) {
    if (!layout.requires.every((key) => keys.has(key))) continue;
    const score = layout.typical.filter((key) => keys.has(key)).length;
    if (score < layout.minimum) continue;
    if (!best || score > best.score) best = { layout, score };
  }
  return best?.layout ?? null;
};

/** The product a file was exported from, told from its normalised headers; null when none fits. */
export const detectSource = (normalizedHeaders: readonly string[]): ImportSource | null =>
  layoutOf(new Set(normalizedHeaders))?.source ?? null;

/**
 * What a header means in the layout of `source`: a field, null when the layout gives it another
 * meaning than its spelling suggests, undefined when the layout says nothing of it.
 */
export const layoutField = (
  source: ImportSource | null,
  object: ImportObject,
  normalizedHeader: string
): string | null | undefined => {
  const layout = LAYOUTS.find((candidate) => candidate.source === source);
  if (!layout) return undefined;
  const fields = layout.fields[object];
  return Object.prototype.hasOwnProperty.call(fields, normalizedHeader)
    ? fields[normalizedHeader]
    : undefined;
};
