'use strict';

/**
 * A CRM of a given size, written straight into the tables Strapi made (bench:seed, bench:search).
 *
 * Per customer, on average (a dealer group's or a CRM tenant's mix): 85% individuals and 15%
 * businesses; about 1 email, 1.2 phones and 0.8 addresses (the first of each kind primary);
 * 1.3 connections (individual–individual or individual–business, never two businesses), a
 * business's first employee as its primary contact; a few hierarchical and loose relationships;
 * 3 contacts per business (0.45 per customer) linked to it as their company. Names come from a
 * few hundred first and last names, some with accents, drawn with a skewed (Zipf-like) frequency
 * as real names are; phone numbers are random North American numbers in E.164.
 *
 * The customer search index is filled in the same pass with the plugin's own `customerSearchText`
 * (from dist/), so a seeded database starts in step. Rows are generated chunk by chunk (bounded
 * memory) from a seeded generator (the same data every run), and written with COPY through
 * pg-copy-streams on PostgreSQL and prepared statements in one transaction per chunk on SQLite.
 */

const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');

const { linkOf, tableOf } = require('./boot');
const { generator } = require('./random');

const UID = {
  customer: 'plugin::crm.customer',
  address: 'plugin::crm.address',
  phone: 'plugin::crm.phone',
  email: 'plugin::crm.email',
  connection: 'plugin::crm.connection',
  relationship: 'plugin::crm.relationship',
  contact: 'plugin::crm.contact',
  sequence: 'plugin::crm.sequence',
};
const SEED_VERSION = 'crm-seed-3';
const CHUNK = 20000;

const FIRST_NAMES = (
  'James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica Thomas Sarah ' +
  'Charles Karen Christopher Nancy Daniel Lisa Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily ' +
  'Andrew Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa Edward Deborah Ronald Stephanie Timothy Rebecca ' +
  'Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela Jonathan Helen Stephen Anna Larry Brenda ' +
  'Justin Pamela Scott Nicole Brandon Emma Benjamin Samantha Samuel Katherine Gregory Christine Frank Debra Alexander Rachel Raymond ' +
  'Catherine Patrick Carolyn Jack Janet Dennis Ruth Jerry Maria Tyler Heather Aaron Diane José Virginia Adam Julie Henry Joyce Nathan ' +
  'Victoria Douglas Olivia Zachary Kelly Peter Christina Kyle Lauren Walter Joan Ethan Evelyn Jeremy Judith Harold Megan Keith Cheryl ' +
  'Christian Andrea Roger Hannah Noah Martha Gerald Jacqueline Carl Frances Terry Gloria Sean Ann Austin Teresa Arthur Kathryn Lawrence ' +
  'Sara Jesse Janice Dylan Jean Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce Julia Albert Judy Willie Grace Gabriel Denise ' +
  'Logan Amber Alan Marilyn Juan Beverly Wayne Danielle Roy Theresa Ralph Sophia Randy Marie Eugene Diana Vincent Brittany Russell ' +
  'Natalie Elijah Isabella Louis Charlotte Bobby Rose Philip Alexis Johnny Kayla Zoë Chloé Björn Søren Renée Noël Zoé Andrés Inès Jürgen ' +
  'Øyvind Åsa François Hélène Łukasz Dvořák Ümit Çağla Siobhán Seán'
).split(' ');
const LAST_NAMES = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor ' +
  'Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott ' +
  'Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz ' +
  'Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed ' +
  'Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo ' +
  'Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales ' +
  'Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant ' +
  'Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington ' +
  'Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw ' +
  'Snyder Mason Dixon Muñoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice ' +
  'Schmidt García Müller Schröder Dubois Lefèvre Ångström Nguyễn Kowalski Nowak Jensen Hansen Johansson Lindqvist Novák Horváth ' +
  "Petrović Öztürk Yılmaz Rossi Bianchi Ferrari Esposito Romano Costa Santos Pereira Oliveira O'Brien O'Connor MacLeod Fitzgerald " +
  'Lovelace Babbage Hopper Turing Curie Noether Ramanujan Euler Gauss Riemann Hilbert Cantor Dijkstra Knuth Liskov Hamming'
).split(' ');
const BUSINESS_WORDS = (
  'Acme Northwind Contoso Fabrikam Globex Initech Umbrella Stark Wayne Wonka Soylent Cyberdyne Tyrell Aperture Hooli Vandelay Prestige ' +
  'Summit Pioneer Atlas Beacon Harbor Meridian Pinnacle Horizon Evergreen Redwood Silverline Bluewater Ironwood Keystone Landmark ' +
  'Crescent Falcon Granite Lakeside Maple Oakridge Riverside Sterling Sunrise Westfield Northstar Eastgate Southport Clearwater'
).split(' ');
const BUSINESS_KINDS =
  'Motors Auto Cars Trucks Logistics Supplies Foods Holdings Partners Group Services Dealers Leasing Finance Garage Farms'.split(
    ' '
  );
const SUFFIXES = ['Inc', 'LLC', 'Ltd', 'GmbH', 'Co', 'Corp', 'AS', 'SARL', ''];
const DOMAINS = [
  'gmail.example',
  'yahoo.example',
  'outlook.example',
  'mail.example',
  'icloud.example',
  'proton.example',
];
const STREETS = [
  'Main St',
  'Oak Ave',
  'Pine Rd',
  'Maple Dr',
  'Cedar Ln',
  'Elm St',
  'Washington Blvd',
  'Lake Rd',
  'Hill St',
  'Park Ave',
];
const CITIES = [
  ['Boston', 'MA'],
  ['Austin', 'TX'],
  ['Denver', 'CO'],
  ['Seattle', 'WA'],
  ['Miami', 'FL'],
  ['Chicago', 'IL'],
  ['Portland', 'OR'],
  ['Phoenix', 'AZ'],
  ['Atlanta', 'GA'],
  ['Detroit', 'MI'],
  ['Nashville', 'TN'],
  ['Columbus', 'OH'],
];
const TITLES = [
  'Manager',
  'Engineer',
  'Director',
  'Analyst',
  'Clerk',
  'Consultant',
  'CFO',
  'CEO',
  'Buyer',
  'Fleet Manager',
];
const PERSONAL_TYPES = ['friend', 'relative', 'other'];
const LOOSE_TYPES = ['other', 'investor', 'subsidiary'];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const documentIdFrom = (random) => {
  let id = '';
  for (let i = 0; i < 24; i += 1) id += ALPHABET[random.int(36)];
  return id;
};
const ascii = (text) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
const customerNumberOf = (id) => `C-${String(id).padStart(6, '0')}`;
const phoneNumber = (random) =>
  `+1${200 + random.int(800)}${200 + random.int(800)}${String(random.int(10000)).padStart(4, '0')}`;

/** Customer ids are 1..N; every 100 ids, ids ending in 01..15 are businesses (15%). */
const isBusiness = (id) => id % 100 >= 1 && id % 100 <= 15;

/**
 * The rows of customers [from, to), as arrays per table (ids assigned from counters, so link rows
 * need no read-back). `state` carries counters and what must stay unique across chunks.
 */
const generateChunk = (random, state, from, to) => {
  const out = {
    customers: [],
    addresses: [],
    addressLinks: [],
    phones: [],
    phoneLinks: [],
    emails: [],
    emailLinks: [],
    connections: [],
    connectionCustomer: [],
    connectionConnected: [],

    relationships: [],
    relationshipLinks: { parent: [], child: [], customer: [], linkedCustomer: [] },
    contacts: [],
    contactCompany: [],
    searchable: [],
  };
  // Links only point at customers already written (ids below the current one), so foreign keys
  // hold at every commit without deferring them.
  const randomCustomer = (below) => 1 + random.int(below - 1);
  const randomOf = (below, business) => {
    if (below <= 16) return null;
    for (;;) {
      const id = randomCustomer(below);
      if (isBusiness(id) === business) return id;
    }
  };
  const connect = (a, b, type, title) => {
    const key = a < b ? a * 4194304 + b : b * 4194304 + a;
    if (a === b || state.pairs.has(key)) return;
    state.pairs.add(key);
    const id = ++state.connectionId;
    out.connections.push({ id, documentId: documentIdFrom(random), relationshipType: type, title });
    out.connectionCustomer.push([id, a]);
    out.connectionConnected.push([id, b]);
    const business = isBusiness(a) ? a : isBusiness(b) ? b : null;
    if (business !== null && !state.hasPrimary[business]) {
      state.hasPrimary[business] = 1;
      state.primaryContacts.push([business, business === a ? b : a]);
    }
  };

  for (let id = from; id < to; id += 1) {
    const business = isBusiness(id);
    const first = business ? null : random.skewed(FIRST_NAMES);
    const last = business ? null : random.skewed(LAST_NAMES);
    const middle = !business && random.next() < 0.15 ? random.skewed(FIRST_NAMES) : null;
    const businessName = business
      ? [
          random.next() < 0.5 ? random.skewed(LAST_NAMES) : random.pick(BUSINESS_WORDS),
          random.pick(BUSINESS_KINDS),
          random.pick(SUFFIXES),
        ]
          .filter(Boolean)
          .join(' ')
      : null;
    const customerNumber = customerNumberOf(id);
    out.customers.push({
      id,
      documentId: documentIdFrom(random),
      customerNumber,
      type: business ? 'business' : 'individual',
      first,
      middle,
      last,
      businessName,
    });

    const emails = [];
    const addEmail = (type, address) => {
      const emailId = ++state.emailId;
      out.emails.push({
        id: emailId,
        documentId: documentIdFrom(random),
        type,
        address,
        isPrimary: emails.length === 0,
      });
      out.emailLinks.push([emailId, id]);
      emails.push(address);
    };
    if (business) {
      if (random.next() < 0.9)
        addEmail('work', `info${id}@${ascii(businessName.split(' ')[0])}${id % 97}.example`);
    } else {
      if (random.next() < 0.8)
        addEmail('personal', `${ascii(first)}.${ascii(last)}${id}@${random.pick(DOMAINS)}`);
      if (emails.length && random.next() < 0.2)
        addEmail('work', `${ascii(first)[0]}${ascii(last)}${id}@work${id % 1000}.example`);
    }

    const phones = [];
    const addPhone = (type) => {
      const phoneId = ++state.phoneId;
      const number = phoneNumber(random);
      out.phones.push({
        id: phoneId,
        documentId: documentIdFrom(random),
        type,
        number,
        isPrimary: phones.length === 0,
      });
      out.phoneLinks.push([phoneId, id]);
      phones.push(number);
    };
    if (business) {
      if (random.next() < 0.8) addPhone('work');
    } else {
      if (random.next() < 0.9) addPhone('cell');
      if (random.next() < 0.3) addPhone('home');
    }

    const addressCount = random.next() < 0.7 ? (random.next() < 0.12 ? 2 : 1) : 0;
    for (let i = 0; i < addressCount; i += 1) {
      const addressId = ++state.addressId;
      const [city, region] = random.pick(CITIES);
      out.addresses.push({
        id: addressId,
        documentId: documentIdFrom(random),
        type: i === 0 ? 'physical' : 'mailing',
        line1: `${1 + random.int(9999)} ${random.pick(STREETS)}`,
        city,
        region,
        postalCode: String(10000 + random.int(89999)),
        country: 'US',
        isPrimary: i === 0,
      });
      out.addressLinks.push([addressId, id]);
    }

    if (business) {
      // Contacts at the business, and its place in a hierarchy now and then.
      const contacts = random.int(7); // 0..6, 3 on average
      for (let i = 0; i < contacts; i += 1) {
        const contactId = ++state.contactId;
        const cFirst = random.skewed(FIRST_NAMES);
        const cLast = random.skewed(LAST_NAMES);
        out.contacts.push({
          id: contactId,
          documentId: documentIdFrom(random),
          firstName: cFirst,
          lastName: cLast,
          email: `${ascii(cFirst)}.${ascii(cLast)}@c${id}.example`,
          mobilePhone: random.next() < 0.6 ? phoneNumber(random) : null,
          jobTitle: random.pick(TITLES),
          active: random.next() < 0.9,
        });
        out.contactCompany.push([contactId, id]);
      }
      if (id > 100 && random.next() < 0.2) {
        const parent = randomOf(id, true);
        if (parent !== null) {
          const relId = ++state.relationshipId;
          out.relationships.push({
            id: relId,
            documentId: documentIdFrom(random),
            kind: 'hierarchical',
            type: null,
          });
          out.relationshipLinks.parent.push([relId, parent]);
          out.relationshipLinks.child.push([relId, id]);
        }
      }
    } else {
      // 1.3 connections per customer: individuals start them, 30% with a business (as employee).
      const wanted = random.next() < 0.53 ? 2 : 1;
      for (let i = 0; i < wanted; i += 1) {
        const other = randomOf(id, random.next() < 0.3);
        if (other === null) continue;
        if (isBusiness(other)) connect(other, id, 'employee', random.pick(TITLES));
        else connect(id, other, random.pick(PERSONAL_TYPES), null);
      }
    }
    if (id > 16 && random.next() < 0.03) {
      const relId = ++state.relationshipId;
      out.relationships.push({
        id: relId,
        documentId: documentIdFrom(random),
        kind: 'loose',
        type: random.pick(LOOSE_TYPES),
      });
      out.relationshipLinks.customer.push([relId, id]);
      out.relationshipLinks.linkedCustomer.push([relId, randomCustomer(id)]);
    }

    out.searchable.push({
      id,
      documentId: out.customers[out.customers.length - 1].documentId,
      customerNumber,
      first,
      middle,
      last,
      businessName,
      emails,
      phones,
    });
  }
  return out;
};

/** Writes rows into tables: COPY on PostgreSQL, prepared statements on SQLite, one transaction per call. */
const createWriter = async (app) => {
  const knex = app.db.connection;
  const sqlite = app.db.dialect.client === 'sqlite';
  const handle = await knex.client.acquireConnection();
  const quote = (name) => `"${name}"`;

  if (sqlite) {
    handle.pragma('synchronous = OFF');
    const statements = new Map();
    const statementFor = (table, columns) => {
      const key = `${table}(${columns.join(',')})`;
      if (!statements.has(key)) {
        statements.set(
          key,
          handle.prepare(
            `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
          )
        );
      }
      return statements.get(key);
    };
    const toSqlite = (value) =>
      typeof value === 'boolean' ? Number(value) : value instanceof Date ? value.getTime() : value;
    return {
      sqlite,
      async writeAll(batches) {
        handle.transaction(() => {
          for (const { table, columns, rows } of batches) {
            if (rows.length === 0) continue;
            const statement = statementFor(table, columns);
            for (const row of rows) statement.run(row.map(toSqlite));
          }
        })();
      },
      async raw(sql) {
        handle.exec(sql);
      },
      async close() {
        handle.pragma('synchronous = FULL');
        await knex.client.releaseConnection(handle);
      },
    };
  }

  const { from: copyFrom } = require('pg-copy-streams');
  const copyValue = (value) => {
    if (value === null || value === undefined) return '\\N';
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'boolean') return value ? 't' : 'f';
    return String(value)
      .replace(/\\/g, '\\\\')
      .replace(/\t/g, '\\t')
      .replace(/\n/g, '\\n')
      .replace(/\r/g, '\\r');
  };
  function* lines(rows) {
    for (let start = 0; start < rows.length; start += 5000) {
      yield rows
        .slice(start, start + 5000)
        .map((row) => `${row.map(copyValue).join('\t')}\n`)
        .join('');
    }
  }
  return {
    sqlite,
    async writeAll(batches) {
      await handle.query('BEGIN');
      try {
        for (const { table, columns, rows } of batches) {
          if (rows.length === 0) continue;
          await pipeline(
            Readable.from(lines(rows)),
            handle.query(
              copyFrom(`COPY ${quote(table)} (${columns.map(quote).join(', ')}) FROM STDIN`)
            )
          );
        }
        await handle.query('COMMIT');
      } catch (error) {
        await handle.query('ROLLBACK').catch(() => {});
        throw error;
      }
    },
    async raw(sql) {
      await handle.query(sql);
    },
    async close() {
      await knex.client.releaseConnection(handle);
    },
  };
};

/** The seed a database holds (customers and generator version), or null. */
const seededInfo = async (app) => {
  const knex = app.db.connection;
  if (!(await knex.schema.hasTable('crm_bench_seed'))) return null;
  const row = await knex('crm_bench_seed').first();
  return row ? { customers: Number(row.customers), version: row.version } : null;
};

/**
 * Fills the booted app's (empty) database with `total` customers and everything around them.
 * Returns counts per table and the time taken.
 */
const seed = async (app, { customers: total, onProgress = () => {} }) => {
  // The plugin's own functions: from the app's dist/ when compiled there, else bundled from the
  // plugin's source (bench/lib/plugin-domain.js).
  const { customerSearchText, customerNumberSequence } = require('./plugin-domain').pluginDomain();
  const knex = app.db.connection;
  const started = Date.now();
  const writer = await createWriter(app);
  const sqlite = writer.sqlite;
  const now = new Date();
  const stamps = [now, now, now];
  const stampColumns = ['created_at', 'updated_at', 'published_at'];
  const random = generator(20250601);
  const state = {
    pairs: new Set(),
    hasPrimary: new Uint8Array(total + 1),
    primaryContacts: [],
    emailId: 0,
    phoneId: 0,
    addressId: 0,
    connectionId: 0,
    relationshipId: 0,
    contactId: 0,
  };
  const table = (key) => tableOf(app, UID[key]);
  const linkBatch = (link, pairs) => ({
    table: link.table,
    columns: [link.owner, link.target, ...link.orderColumns],
    rows: pairs.map(([owner, target]) => [owner, target, ...link.orderColumns.map(() => 1)]),
  });
  const links = {
    address: linkOf(app, UID.address, 'customer'),
    phone: linkOf(app, UID.phone, 'customer'),
    email: linkOf(app, UID.email, 'customer'),
    connectionCustomer: linkOf(app, UID.connection, 'customer'),
    connectionConnected: linkOf(app, UID.connection, 'connectedCustomer'),
    parent: linkOf(app, UID.relationship, 'parent'),
    child: linkOf(app, UID.relationship, 'child'),
    relCustomer: linkOf(app, UID.relationship, 'customer'),
    relLinked: linkOf(app, UID.relationship, 'linkedCustomer'),
    primaryContact: linkOf(app, UID.customer, 'primaryContact'),
    company: linkOf(app, UID.contact, 'company'),
  };

  // The GIN index is built once at the end on PostgreSQL: far faster than growing it row by row.
  if (!sqlite) await writer.raw('DROP INDEX IF EXISTS crm_search_index_text_trgm');

  const counts = {};
  const add = (name, n) => {
    counts[name] = (counts[name] || 0) + n;
  };
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total + 1, from + CHUNK);
    const chunk = generateChunk(random, state, from, to);
    const batches = [
      {
        table: table('customer'),
        columns: [
          'id',
          'document_id',
          'customer_number',
          'type',
          'first_name',
          'middle_name',
          'last_name',
          'business_name',
          'no_email',
          'no_mail',
          'no_phone_calls',
          'status',
          ...stampColumns,
        ],
        rows: chunk.customers.map((c) => [
          c.id,
          c.documentId,
          c.customerNumber,
          c.type,
          c.first,
          c.middle,
          c.last,
          c.businessName,
          false,
          false,
          false,
          'active',
          ...stamps,
        ]),
      },
      {
        table: table('email'),
        columns: ['id', 'document_id', 'type', 'address', 'is_primary', ...stampColumns],
        rows: chunk.emails.map((e) => [
          e.id,
          e.documentId,
          e.type,
          e.address,
          e.isPrimary,
          ...stamps,
        ]),
      },
      linkBatch(links.email, chunk.emailLinks),
      {
        table: table('phone'),
        columns: ['id', 'document_id', 'type', 'number', 'is_primary', ...stampColumns],
        rows: chunk.phones.map((p) => [
          p.id,
          p.documentId,
          p.type,
          p.number,
          p.isPrimary,
          ...stamps,
        ]),
      },
      linkBatch(links.phone, chunk.phoneLinks),
      {
        table: table('address'),
        columns: [
          'id',
          'document_id',
          'type',
          'line_1',
          'city',
          'region',
          'postal_code',
          'country',
          'is_primary',
          ...stampColumns,
        ],
        rows: chunk.addresses.map((a) => [
          a.id,
          a.documentId,
          a.type,
          a.line1,
          a.city,
          a.region,
          a.postalCode,
          a.country,
          a.isPrimary,
          ...stamps,
        ]),
      },
      linkBatch(links.address, chunk.addressLinks),
      {
        table: table('connection'),
        columns: ['id', 'document_id', 'relationship_type', 'title', ...stampColumns],
        rows: chunk.connections.map((c) => [
          c.id,
          c.documentId,
          c.relationshipType,
          c.title,
          ...stamps,
        ]),
      },
      linkBatch(links.connectionCustomer, chunk.connectionCustomer),
      linkBatch(links.connectionConnected, chunk.connectionConnected),
      {
        table: table('relationship'),
        columns: ['id', 'document_id', 'kind', 'type', ...stampColumns],
        rows: chunk.relationships.map((r) => [r.id, r.documentId, r.kind, r.type, ...stamps]),
      },
      linkBatch(links.parent, chunk.relationshipLinks.parent),
      linkBatch(links.child, chunk.relationshipLinks.child),
      linkBatch(links.relCustomer, chunk.relationshipLinks.customer),
      linkBatch(links.relLinked, chunk.relationshipLinks.linkedCustomer),
      {
        table: table('contact'),
        columns: [
          'id',
          'document_id',
          'first_name',
          'last_name',
          'email',
          'mobile_phone',
          'job_title',
          'active',
          'do_not_email',
          'do_not_call',
          'is_user',
          'contact_preference',
          ...stampColumns,
        ],
        rows: chunk.contacts.map((c) => [
          c.id,
          c.documentId,
          c.firstName,
          c.lastName,
          c.email,
          c.mobilePhone,
          c.jobTitle,
          c.active,
          false,
          false,
          false,
          'any',
          ...stamps,
        ]),
      },
      linkBatch(links.company, chunk.contactCompany),
      {
        table: 'crm_search_index',
        columns: [
          sqlite ? 'seq' : 'number_seq',
          'customer_id',
          'document_id',
          'customer_number',
          'search_text',
        ],
        rows: chunk.searchable.map((c) => [
          customerNumberSequence(c.customerNumber),
          c.id,
          c.documentId,
          c.customerNumber,
          customerSearchText({
            customerNumber: c.customerNumber,
            firstName: c.first,
            middleName: c.middle,
            lastName: c.last,
            businessName: c.businessName,
            emails: c.emails,
            phones: c.phones,
          }),
        ]),
      },
    ];
    await writer.writeAll(batches);
    for (const batch of batches) add(batch.table, batch.rows.length);
    onProgress(
      `${(to - 1).toLocaleString('en-US')} customers written (${Math.round((Date.now() - started) / 1000)} s)`
    );
  }
  // Primary contacts last: one link row per business that has an employee.
  onProgress('primary contacts…');
  await writer.writeAll([linkBatch(links.primaryContact, state.primaryContacts)]);
  add(links.primaryContact.table, state.primaryContacts.length);

  if (!sqlite) {
    onProgress('building the trigram index and analysing…');
    await writer.raw(
      'CREATE INDEX IF NOT EXISTS crm_search_index_text_trgm ON crm_search_index USING gin (search_text gin_trgm_ops)'
    );
    for (const name of Object.keys(counts)) {
      const columns = await knex(name).columnInfo();
      if ('id' in columns)
        await writer.raw(
          `SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), (SELECT COALESCE(MAX(id), 1) FROM "${name}"))`
        );
    }
    await writer.raw('VACUUM ANALYZE crm_search_index');
    await writer.raw('ANALYZE');
  } else {
    onProgress('analysing…');
    await writer.raw('ANALYZE');
  }
  await writer.close();
  // The app's customer-number counter continues after the generated numbers.
  await knex(tableOf(app, UID.sequence)).where({ name: 'customer' }).update({ value: total });
  await knex.schema.dropTableIfExists('crm_bench_seed');
  await knex.schema.createTable('crm_bench_seed', (t) => {
    t.integer('customers');
    t.string('version');
  });
  await knex('crm_bench_seed').insert({ customers: total, version: SEED_VERSION });
  return { counts, seconds: (Date.now() - started) / 1000 };
};

module.exports = {
  seed,
  seededInfo,
  SEED_VERSION,
  generator,
  FIRST_NAMES,
  LAST_NAMES,
  isBusiness,
  customerNumberOf,
  // For benchmarks that add their own rows beside a seed (bench/duplicates.js).
  UID,
  BUSINESS_WORDS,
  BUSINESS_KINDS,
  SUFFIXES,
  DOMAINS,
  STREETS,
  CITIES,
  createWriter,
  documentIdFrom,
  ascii,
  phoneNumber,
};
