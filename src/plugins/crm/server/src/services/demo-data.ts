import type { Core } from '@strapi/strapi';

import { documentData } from '../utils/document-params';
import { CUSTOMER_UID } from '../utils/uids';

const FIRST_NAMES = [
  'Ava',
  'Liam',
  'Zoë',
  'Noah',
  'Mia',
  'Ethan',
  'Sofia',
  'Lucas',
  'Amelia',
  'Mateo',
  'Harper',
  'Elijah',
  'Chloé',
  'James',
  'Isabella',
  'Oliver',
  'Aaliyah',
  'Benjamin',
  'Grace',
  'Henry',
  'Nora',
  'Samuel',
  'Leila',
  'Daniel',
];
const LAST_NAMES = [
  'Anderson',
  'Brooks',
  'Castillo',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Hughes',
  'Ibrahim',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Martin',
  'Nguyen',
  "O'Connor",
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Walsh',
  'Young',
];
const CITIES = [
  { city: 'San Francisco', region: 'CA', postalCode: '94103', area: '415' },
  { city: 'Austin', region: 'TX', postalCode: '78701', area: '512' },
  { city: 'Chicago', region: 'IL', postalCode: '60601', area: '312' },
  { city: 'Seattle', region: 'WA', postalCode: '98101', area: '206' },
  { city: 'Boston', region: 'MA', postalCode: '02108', area: '617' },
  { city: 'Denver', region: 'CO', postalCode: '80202', area: '303' },
];
const STREETS = [
  'Market St',
  'Oak Ave',
  'Maple Dr',
  'Cedar Ln',
  'Pine St',
  'Elm St',
  'Lake Shore Dr',
];
const BUSINESSES = [
  { name: 'Northwind Traders', domain: 'northwind.example' },
  { name: 'Contoso Motors', domain: 'contoso-motors.example' },
  { name: 'Fabrikam Logistics', domain: 'fabrikam.example' },
  { name: 'Tailspin Aviation', domain: 'tailspin.example' },
  { name: 'Wide World Importers', domain: 'wideworld.example' },
  { name: 'Adventure Works Cycles', domain: 'adventure-works.example' },
];

const INDIVIDUALS = 24;
const GENDERS = ['female', 'male', 'female', 'male', 'non_binary', 'undisclosed'] as const;
const MARITAL = ['single', 'married', 'divorced', 'widowed', 'domestic_partnership', null] as const;
const PREFERRED = ['email', 'phone', 'text', 'mail', null] as const;

/** A national number that libphonenumber accepts: exchange and line vary with the index. */
const phoneNumber = (area: string, index: number, line: number) =>
  `(${area}) ${String(234 + index * 7).padStart(3, '0')}-${String(1000 + index * 37 + line * 11).slice(-4)}`;

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

const individual = (i: number) => {
  const firstName = FIRST_NAMES[i % FIRST_NAMES.length];
  const lastName = LAST_NAMES[i % LAST_NAMES.length];
  const place = CITIES[i % CITIES.length];
  const year = 1950 + ((i * 7) % 50);
  return {
    type: 'individual',
    firstName,
    lastName,
    gender: GENDERS[i % GENDERS.length],
    maritalStatus: MARITAL[i % MARITAL.length],
    dateOfBirth: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    preferredContact: PREFERRED[i % PREFERRED.length],
    noEmail: i % 9 === 4,
    noMail: i % 11 === 5,
    noPhoneCalls: i % 7 === 3,
    status: i % 10 === 9 ? 'inactive' : 'active',
    // Fictitious numbers of valid shape, so the reveal can be tried in the demo.
    ...(i % 3 === 1
      ? {
          ssn: `${String(101 + i * 11)}-${String(10 + i).padStart(2, '0')}-${String(1001 + i * 37)}`,
        }
      : {}),
    addresses: [
      {
        type: 'physical',
        line1: `${100 + i * 13} ${STREETS[i % STREETS.length]}`,
        city: place.city,
        region: place.region,
        postalCode: place.postalCode,
        country: 'US',
      },
      ...(i % 3 === 0
        ? [
            {
              type: 'mailing',
              line1: `PO Box ${4000 + i}`,
              city: place.city,
              region: place.region,
              postalCode: place.postalCode,
              country: 'US',
            },
          ]
        : []),
    ],
    phones: [
      { type: 'cell', number: phoneNumber(place.area, i, 1) },
      ...(i % 2 === 0 ? [{ type: 'home', number: phoneNumber(place.area, i, 2) }] : []),
    ],
    emails: [
      { type: 'personal', address: `${slug(firstName)}.${slug(lastName)}@mail.example` },
      ...(i % 4 === 1
        ? [
            {
              type: 'work',
              address: `${slug(firstName)}@${BUSINESSES[i % BUSINESSES.length].domain}`,
            },
          ]
        : []),
    ],
  };
};

const business = (i: number) => {
  const { name, domain } = BUSINESSES[i];
  const place = CITIES[(i + 2) % CITIES.length];
  return {
    type: 'business',
    businessName: name,
    preferredContact: 'email',
    addresses: [
      {
        type: 'work',
        line1: `${1 + i * 250} ${STREETS[(i + 3) % STREETS.length]}`,
        line2: `Suite ${100 + i}`,
        city: place.city,
        region: place.region,
        postalCode: place.postalCode,
        country: 'US',
      },
      {
        type: 'mailing',
        line1: `PO Box ${9000 + i}`,
        city: place.city,
        region: place.region,
        postalCode: place.postalCode,
        country: 'US',
      },
    ],
    phones: [
      { type: 'work', number: phoneNumber(place.area, i + 40, 3) },
      { type: 'fax', number: phoneNumber(place.area, i + 40, 4) },
    ],
    emails: [{ type: 'work', address: `hello@${domain}` }],
  };
};

/** Demo customers for `npm run develop`: loaded once, through the same rules as any other write. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'crm', key: 'demo-data' });

  return {
    records: () => [
      ...Array.from({ length: INDIVIDUALS }, (_, i) => individual(i)),
      ...BUSINESSES.map((_, i) => business(i)),
    ],

    async loadOnce(): Promise<number> {
      if (process.env.NODE_ENV === 'production' || strapi.config.get('autoReload') !== true) {
        strapi.log.warn('[crm] CRM_DEMO_DATA is ignored outside `strapi develop`');
        return 0;
      }
      if (await store().get({})) return 0;
      const records = this.records();
      await strapi.db.transaction(async () => {
        for (const data of records)
          await strapi.documents(CUSTOMER_UID).create({ data: documentData(CUSTOMER_UID, data) });
        await store().set({
          value: { loadedAt: new Date().toISOString(), customers: records.length },
        });
      });
      strapi.log.info(`[crm] loaded ${records.length} demo customers`);
      return records.length;
    },
  };
};
