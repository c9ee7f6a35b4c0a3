'use strict';

/**
 * `npm run bench:duplicates -- --customers 1000000`: the duplicate matcher at scale, against a
 * known truth.
 *
 * Per database (SQLite, then PostgreSQL when one answers; `--databases` / BENCH_DATABASES):
 * 1. a child seeds `--customers N` customers in bulk with bench/lib/seed-data.js into a database of
 *    its own (.tmp/bench/duplicates-<N>.db, crm_bench_duplicates_<N>), gives 60% of individuals a
 *    date of birth, and injects duplicates made from seeded customers (1% of N groups, a fifth of
 *    them of three records) with one realistic variation each — a typo in a name, accents added or
 *    removed, a nickname from the matcher's list, first and last name swapped (each with one shared
 *    e-mail, phone, date of birth or address), an e-mail in other case with a +tag, the same phone,
 *    the same date of birth, the same address, a business under another legal form or punctuation
 *    with a mailbox at its domain — and hard negatives (0.5% of N) that look alike and are other
 *    people: the same name with another date of birth and contact points, family members at one
 *    address or on one home phone, businesses of similar names at other domains. Injected rows are
 *    written as the seed writes them (e-mails in lower case, phones in E.164, search index rows).
 *    The ground truth is kept beside the database (<database>.truth.json) and both are reused by
 *    later runs (`--fresh` seeds anew);
 * 2. a second child starts Strapi on it with its HTTP server: at start-up the plugin writes the
 *    match keys of every customer and contact (timed from the plugin's own log lines); when it did,
 *    that server is stopped and another started on the same database, which finds the keys in
 *    step, as a node in service does: the scan's memory is then the scan's, not what a one-time
 *    rebuild of a million records left in the heap;
 * 3. this process, the client, starts a duplicate scan of the customers through HTTP as a
 *    crm_manager, polls it until done while sampling the server's resident memory
 *    (/proc/<pid>/status: VmRSS every 100 ms, VmHWM reset before the scan), pages through all its
 *    clusters and scores them against the truth;
 * 4. then sends BENCH_CHECKS (500) duplicates and 500 hard negatives that are not stored (held back
 *    from the database, their original or look-alike is) to `POST /api/crm/customers/duplicate-check`
 *    as a crm_sales user, one at a time, timing each;
 * and prints a table of the figures, the targets and whether each is met.
 *
 * Options: `--customers N` (1,000,000), `--databases sqlite,postgres`, `--no-build`, `--fresh`
 * (seed again), `--rebuild-keys` (time the start-up key rebuild on a reused database), `--drop`
 * (drop the databases at the end; they are kept by default). BENCH_CHECKS (500),
 * BENCH_DUPLICATE_SHARE (0.01), BENCH_NEGATIVE_SHARE (0.005); BENCH_SQL_PROFILE=1 prints the SQL
 * time per statement kind of the key rebuild, the scan and the checks; BENCH_CPU_PROF=<dir> writes
 * the server's CPU profile of each phase there and prints where its time went
 * (BENCH_CPU_PROF_INTERVAL_US, 1000, samples less often for long runs). BENCH_HEAP_MB is the
 * server's --max-old-space-size (by default the one `npm run start` sets; 0 leaves V8 to size the
 * heap), as in bench:import.
 */

const { execFileSync, fork } = require('node:child_process');
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');

const boot = require('./lib/boot');
const { loginAs, serve: serveHttp } = require('./lib/http-app');
const { count, fixed, formatTable, msSince, percentile } = require('./lib/stats');

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const flag = (name) => process.argv.includes(`--${name}`);
const { labelOf } = boot;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const CUSTOMER_UID = 'plugin::crm.customer';
const SCAN_UID = 'plugin::crm.duplicate-scan';
const TRUTH_VERSION = 'crm-duplicates-3';
const MARKER_TABLE = 'crm_bench_duplicates';

const settings = () => ({
  checks: Number(process.env.BENCH_CHECKS || 500),
  duplicateShare: Number(process.env.BENCH_DUPLICATE_SHARE || 0.01),
  negativeShare: Number(process.env.BENCH_NEGATIVE_SHARE || 0.005),
  tripleShare: 0.2,
  dateOfBirthShare: 0.6,
});

const duplicatesDatabase = (client, customers) =>
  client === 'postgres'
    ? { client, name: `crm_bench_duplicates_${customers}` }
    : {
        client: 'sqlite',
        name: `duplicates-${customers}`,
        file: join('.tmp', 'bench', `duplicates-${customers}.db`),
      };

const truthFileOf = (database) => join(boot.ROOT, '.tmp', 'bench', `${database.name}.truth.json`);

const PLUGIN_SERVER = join(boot.ROOT, 'src', 'plugins', 'crm', 'dist', 'server', 'index.js');

/**
 * Waits until the plugin's built server (what the app loads) is complete and has not changed for
 * 15 s. Others may rebuild the plugin in this work tree meanwhile: Strapi booted on a half-written
 * build misses content types, and its schema sync then drops their tables, seeded data included.
 */
const waitForStablePlugin = async (log) => {
  const { statSync } = require('node:fs');
  let told = false;
  for (;;) {
    const before = statSync(PLUGIN_SERVER);
    const complete = readFileSync(PLUGIN_SERVER, 'utf8')
      .trimEnd()
      .endsWith('exports.default = index;');
    const quietMs = Date.now() - before.mtimeMs;
    if (complete && quietMs >= 15000) {
      await sleep(1000);
      const after = statSync(PLUGIN_SERVER);
      if (after.mtimeMs === before.mtimeMs && after.size === before.size) return;
    }
    if (!told) {
      log('waiting for the plugin build (src/plugins/crm/dist) to settle…');
      told = true;
    }
    await sleep(Math.max(1000, 15000 - quietMs));
  }
};

// ---------------------------------------------------------------------------------------------
// Variations: what a second record of one customer looks like, and what another person who looks
// alike looks like. Names the matcher's nickname list knows are read from it.

const NICKNAMES = (() => {
  const text = readFileSync(
    join(boot.ROOT, 'src/plugins/crm/server/src/domain/duplicates/nicknames.ts'),
    'utf8'
  );
  const byCanonical = new Map();
  const words = new Set();
  for (const [, line] of text.matchAll(/^\s*'([a-z]+(?: [a-z]+)+)',?\s*$/gm)) {
    const [canonical, ...others] = line.split(' ');
    // The usual short forms come first in each group ("robert bob bobby rob…").
    if (!byCanonical.has(canonical)) byCanonical.set(canonical, others.slice(0, 3));
    for (const word of line.split(' ')) words.add(word);
  }
  return { byCanonical, words };
})();

const PLAIN_LETTERS = { ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', ı: 'i', ß: 'ss', æ: 'ae', Æ: 'AE' };
const withoutAccents = (text) =>
  text
    .replace(/[øØłŁıßæÆ]/g, (letter) => PLAIN_LETTERS[letter])
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
/** Seeded names people also write with accents. */
const ACCENTED = {
  Garcia: 'García',
  Hernandez: 'Hernández',
  Lopez: 'López',
  Gonzalez: 'González',
  Gonzales: 'Gonzáles',
  Martinez: 'Martínez',
  Rodriguez: 'Rodríguez',
  Perez: 'Pérez',
  Ramirez: 'Ramírez',
  Sanchez: 'Sánchez',
  Gomez: 'Gómez',
  Diaz: 'Díaz',
  Jimenez: 'Jiménez',
  Alvarez: 'Álvarez',
  Fernandez: 'Fernández',
  Gutierrez: 'Gutiérrez',
  Vasquez: 'Vásquez',
  Mendez: 'Méndez',
  Chavez: 'Chávez',
  Ruiz: 'Ruíz',
  Muller: 'Müller',
  Maria: 'María',
  Renee: 'Renée',
  Andres: 'Andrés',
  Jose: 'José',
  Noel: 'Noël',
  Chloe: 'Chloé',
  Zoe: 'Zoë',
};
/** The name with its accents removed, or added; null when it has none and takes none. */
const accentVariant = (name) => {
  const plain = withoutAccents(name);
  if (plain !== name) return plain;
  return ACCENTED[name] ?? null;
};
const fold = (text) => withoutAccents(text).toLowerCase();
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const pad = (n) => String(n).padStart(2, '0');

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/**
 * One slip of the keyboard after the first letter: a letter replaced, swapped, dropped or doubled;
 * never one that spells another name (`known`, folded): "Mary" typed "Mark" is another name to anyone.
 */
const typoOf = (random, word, known) => {
  const letters = [...word];
  if (letters.length < 4) return null;
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const at = 1 + random.int(letters.length - 1);
    const out = [...letters];
    const operation = random.int(4);
    if (operation === 0) out[at] = LETTERS[random.int(26)];
    else if (operation === 1 && at < letters.length - 1)
      [out[at], out[at + 1]] = [out[at + 1], out[at]];
    else if (operation === 2) out.splice(at, 1);
    else out.splice(at, 0, letters[at]);
    const typed = out.join('');
    if (fold(typed) !== fold(word) && !known.has(fold(typed))) return typed;
  }
  return null;
};

const TAGS = ['crm', 'shop', 'news', 'dealer', 'cars'];
/** An e-mail as someone else typed it: other case, often a +tag. */
const emailAsTyped = (random, address) => {
  const [local, domain] = address.split('@');
  const cased = local.split('.').map(capital).join('.');
  const tag = random.next() < 0.7 ? `+${random.pick(TAGS)}` : '';
  return `${cased}${tag}@${random.next() < 0.5 ? domain.toUpperCase() : capital(domain)}`;
};

/** A phone as a form sends it: national formats mostly. */
const phoneAsTyped = (random, e164) => {
  const [area, exchange, line] = [e164.slice(2, 5), e164.slice(5, 8), e164.slice(8)];
  switch (random.int(4)) {
    case 0:
      return `(${area}) ${exchange}-${line}`;
    case 1:
      return `${area}-${exchange}-${line}`;
    case 2:
      return `${area}.${exchange}.${line}`;
    default:
      return `+1 ${area} ${exchange} ${line}`;
  }
};

const STREET_WORDS = {
  St: 'Street',
  Ave: 'Avenue',
  Rd: 'Road',
  Dr: 'Drive',
  Ln: 'Lane',
  Blvd: 'Boulevard',
};
const streetAsTyped = (random, line1) =>
  random.next() < 0.5 ? line1.replace(/\b(St|Ave|Rd|Dr|Ln|Blvd)$/, (w) => STREET_WORDS[w]) : line1;

const LEGAL_SPELLED = {
  Inc: 'Incorporated',
  LLC: 'L.L.C.',
  Ltd: 'Limited',
  GmbH: 'G.m.b.H.',
  Co: 'Company',
  Corp: 'Corporation',
  AS: 'A/S',
  SARL: 'S.A.R.L.',
};
/** One business's name written by another hand: punctuation, legal form, case, a leading "The". */
const businessNameVariant = (random, name) => {
  const words = name.split(' ');
  const last = words[words.length - 1];
  const hasSuffix = Object.prototype.hasOwnProperty.call(LEGAL_SPELLED, last);
  const stem = hasSuffix ? words.slice(0, -1).join(' ') : name;
  switch (random.int(5)) {
    case 0:
      return hasSuffix ? `${stem}, ${last}.` : `${stem}, Inc.`;
    case 1:
      return hasSuffix ? stem : `${stem} LLC`;
    case 2:
      return hasSuffix ? `${stem} ${LEGAL_SPELLED[last]}` : `${stem} Co.`;
    case 3:
      return name.toUpperCase();
    default:
      return `The ${name}`;
  }
};

const QUALIFIERS = ['West', 'North', 'Coastal', 'Metro', 'United', 'First', 'Premier'];

const dateShifted = (random, date, minYears, maxYears) => {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const years = minYears + random.int(maxYears - minYears + 1);
  let shifted = random.next() < 0.5 ? year - years : year + years;
  if (shifted > 2006) shifted = year - years;
  if (shifted < 1925) shifted = year + years;
  // Another year, month and day: never one keystroke from the other date.
  const otherMonth = 1 + ((month + random.int(10)) % 12);
  const otherDay = 1 + ((day + 1 + random.int(26)) % 28);
  return `${shifted}-${pad(otherMonth)}-${pad(otherDay)}`;
};

// ---------------------------------------------------------------------------------------------
// Child 1: the database, the injected records and the ground truth.

const isoDate = (value) => {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date)
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  return String(value).slice(0, 10);
};

/** Seeded customers with their contact points, as the injection builds on them. */
const loadCustomers = async (app, ids, isValidPhone) => {
  const knex = app.db.connection;
  const byId = new Map();
  const points = [
    ['email', 'plugin::crm.email', ['address', 'type']],
    ['phone', 'plugin::crm.phone', ['number', 'type']],
    ['address', 'plugin::crm.address', ['line_1', 'city', 'region', 'postal_code', 'country']],
  ];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await knex(boot.tableOf(app, CUSTOMER_UID))
      .select(
        'id',
        'document_id',
        'type',
        'first_name',
        'middle_name',
        'last_name',
        'business_name',
        'date_of_birth'
      )
      .whereIn('id', chunk);
    for (const row of rows)
      byId.set(Number(row.id), {
        id: Number(row.id),
        documentId: row.document_id,
        type: row.type,
        first: row.first_name,
        middle: row.middle_name,
        last: row.last_name,
        businessName: row.business_name,
        dob: isoDate(row.date_of_birth),
        emails: [],
        phones: [],
        addresses: [],
      });
    for (const [kind, uid, columns] of points) {
      const link = boot.linkOf(app, uid, 'customer');
      const found = await knex(`${link.table} as l`)
        .join(`${boot.tableOf(app, uid)} as p`, 'p.id', `l.${link.owner}`)
        .select(`l.${link.target} as customer_id`, ...columns.map((column) => `p.${column}`))
        .whereIn(`l.${link.target}`, chunk)
        .orderBy('p.id');
      for (const row of found) {
        const customer = byId.get(Number(row.customer_id));
        if (kind === 'email') customer.emails.push(row.address);
        else if (kind === 'phone') customer.phones.push({ number: row.number, type: row.type });
        else
          customer.addresses.push({
            line1: row.line_1,
            city: row.city,
            region: row.region,
            postalCode: row.postal_code,
            country: row.country,
          });
      }
    }
  }
  for (const customer of byId.values()) {
    // Phones a form would take (the seed draws some numbers no numbering plan has); the home
    // line first, as a household shares it.
    customer.validPhones = customer.phones
      .filter((phone) => isValidPhone(phone.number))
      .sort((a, b) => (a.type === 'home' ? -1 : 0) - (b.type === 'home' ? -1 : 0))
      .map((phone) => phone.number);
  }
  return byId;
};

const DUPLICATE_KINDS = [
  ['typo', 0.14],
  ['accents', 0.08],
  ['nickname', 0.14],
  ['swapped', 0.08],
  ['email', 0.12],
  ['phone', 0.12],
  ['dateOfBirth', 0.1],
  ['address', 0.1],
  ['business', 0.12],
];
const NEGATIVE_KINDS = [
  ['sameName', 0.35],
  ['familyAddress', 0.25],
  ['familyPhone', 0.15],
  ['businessLookAlike', 0.25],
];
/** Name variations: each comes with one shared e-mail, phone, date of birth or address. */
const NAME_KINDS = new Set(['typo', 'accents', 'nickname', 'swapped']);

/** The kind of item i of n, each kind its share (exact proportions, in blocks). */
const kindAt = (kinds, i, n) => {
  const position = (i + 0.5) / n;
  let cumulative = 0;
  for (const [kind, share] of kinds) {
    cumulative += share;
    if (position < cumulative) return kind;
  }
  return kinds[kinds.length - 1][0];
};

const anchorsOf = (base) =>
  [
    base.emails.length > 0 && 'email',
    base.validPhones.length > 0 && 'phone',
    base.dob && 'dateOfBirth',
    base.addresses.length > 0 && 'address',
  ].filter(Boolean);

const eligible = (kind, base) => {
  if (kind === 'business') return base.type === 'business' && base.emails.length > 0;
  if (kind === 'businessLookAlike') return base.type === 'business';
  if (base.type !== 'individual' || !base.first || !base.last) return false;
  switch (kind) {
    case 'typo':
      return (base.first.length >= 4 || base.last.length >= 4) && anchorsOf(base).length > 0;
    case 'accents':
      return (
        Boolean(accentVariant(base.first) || accentVariant(base.last)) && anchorsOf(base).length > 0
      );
    case 'nickname':
      return NICKNAMES.byCanonical.has(fold(base.first)) && anchorsOf(base).length > 0;
    case 'swapped':
      return anchorsOf(base).length > 0;
    case 'email':
      return base.emails.length > 0;
    case 'phone':
    case 'familyPhone':
      return base.validPhones.length > 0;
    case 'dateOfBirth':
    case 'sameName':
      return Boolean(base.dob);
    case 'address':
    case 'familyAddress':
      return base.addresses.length > 0;
    default:
      return false;
  }
};

/**
 * Makes records (not yet stored): a record is `{ type, firstName, middleName, lastName,
 * businessName, dateOfBirth, emails: [{ typed, type }], phones: [{ e164, typed, type }],
 * addresses: [...] }`, e-mails and phones as a form would send them and as they are stored.
 */
const recordMaker = (random, seedData, isValidPhone, areVariants) => {
  const { ascii, phoneNumber, DOMAINS, STREETS, CITIES, BUSINESS_KINDS, FIRST_NAMES, LAST_NAMES } =
    seedData;
  const known = new Set([...NICKNAMES.words, ...FIRST_NAMES.map(fold), ...LAST_NAMES.map(fold)]);
  let serial = 0;
  const newEmail = (first, last) =>
    `${ascii(first) || 'x'}.${ascii(last) || 'y'}.d${++serial}@${random.pick(DOMAINS)}`;
  const newPhone = () => {
    for (;;) {
      const number = phoneNumber(random);
      if (isValidPhone(number)) return { e164: number, typed: phoneAsTyped(random, number) };
    }
  };
  const newAddress = (city) => {
    const [cityName, region] = city ?? random.pick(CITIES);
    return {
      line1: `${1 + random.int(9999)} ${random.pick(STREETS)}`,
      city: cityName,
      region,
      postalCode: String(10000 + random.int(89999)),
      country: 'US',
    };
  };
  const otherFirstName = (first) => {
    for (;;) {
      const other = random.skewed(FIRST_NAMES);
      if (fold(other) !== fold(first) && !areVariants(other, first)) return other;
    }
  };
  const person = (base) => ({
    type: 'individual',
    firstName: base.first,
    middleName: null,
    lastName: base.last,
    businessName: null,
    dateOfBirth: null,
    emails: [],
    phones: [],
    addresses: [],
  });

  const duplicate = (kind, base) => {
    if (kind === 'business') {
      const domain = base.emails[0].split('@')[1];
      const record = {
        type: 'business',
        firstName: null,
        middleName: null,
        lastName: null,
        businessName: businessNameVariant(random, base.businessName),
        dateOfBirth: null,
        emails: [
          { typed: `${random.pick(['sales', 'contact', 'office'])}@${domain}`, type: 'work' },
        ],
        phones: [],
        addresses: [],
      };
      if (base.validPhones.length > 0 && random.next() < 0.4)
        record.phones.push({
          e164: base.validPhones[0],
          typed: phoneAsTyped(random, base.validPhones[0]),
          type: 'work',
        });
      if (base.addresses.length > 0 && random.next() < 0.5)
        record.addresses.push({
          ...base.addresses[0],
          line1: streetAsTyped(random, base.addresses[0].line1),
        });
      return record;
    }
    const record = person(base);
    if (base.middle && random.next() < 0.5) record.middleName = base.middle;
    let anchor = kind;
    if (NAME_KINDS.has(kind)) {
      anchor = random.pick(anchorsOf(base));
      if (kind === 'typo') {
        const inFirst = base.first.length >= 4 && (base.last.length < 4 || random.next() < 0.5);
        if (inFirst) record.firstName = typoOf(random, base.first, known) ?? base.first;
        else record.lastName = typoOf(random, base.last, known) ?? base.last;
      } else if (kind === 'accents') {
        const last = accentVariant(base.last);
        if (last && (!accentVariant(base.first) || random.next() < 0.6)) record.lastName = last;
        else record.firstName = accentVariant(base.first);
      } else if (kind === 'nickname') {
        record.firstName = capital(random.pick(NICKNAMES.byCanonical.get(fold(base.first))));
      } else {
        record.firstName = base.last;
        record.lastName = base.first;
        record.middleName = null;
      }
    }
    if (anchor === 'email')
      record.emails.push({
        typed: kind === 'email' ? emailAsTyped(random, base.emails[0]) : base.emails[0],
        type: 'personal',
      });
    else if (anchor === 'phone')
      record.phones.push({
        e164: base.validPhones[0],
        typed: phoneAsTyped(random, base.validPhones[0]),
        type: 'cell',
      });
    else if (anchor === 'dateOfBirth') record.dateOfBirth = base.dob;
    else if (anchor === 'address')
      record.addresses.push({
        ...base.addresses[0],
        line1: streetAsTyped(random, base.addresses[0].line1),
      });
    // What the second record has besides: often a new e-mail or phone, sometimes the birth date.
    if (anchor !== 'email' && random.next() < 0.35)
      record.emails.push({ typed: newEmail(record.firstName, record.lastName), type: 'personal' });
    if (anchor !== 'phone' && random.next() < 0.25)
      record.phones.push({ ...newPhone(), type: 'cell' });
    if (anchor !== 'dateOfBirth' && base.dob && random.next() < 0.3) record.dateOfBirth = base.dob;
    return record;
  };

  const lookAlike = (kind, base) => {
    if (kind === 'businessLookAlike') {
      const words = base.businessName.split(' ');
      const kindIndex = words.findIndex((word) => BUSINESS_KINDS.includes(word));
      if (kindIndex > 0 && random.next() < 0.6) {
        let other = words[kindIndex];
        while (other === words[kindIndex]) other = random.pick(BUSINESS_KINDS);
        words[kindIndex] = other;
      } else words.splice(1, 0, random.pick(QUALIFIERS));
      const name = words.join(' ');
      return {
        type: 'business',
        firstName: null,
        middleName: null,
        lastName: null,
        businessName: name,
        dateOfBirth: null,
        emails: [
          {
            typed: `info@${ascii(words[0]) || 'biz'}${ascii(words[1])}${++serial}.example`,
            type: 'work',
          },
        ],
        phones: random.next() < 0.7 ? [{ ...newPhone(), type: 'work' }] : [],
        addresses:
          base.addresses.length > 0 && random.next() < 0.5
            ? [newAddress([base.addresses[0].city, base.addresses[0].region])]
            : [],
      };
    }
    const record = person(base);
    if (kind === 'sameName') {
      // Another person of the same (common) name: other birth date, e-mail and phone.
      record.dateOfBirth = dateShifted(random, base.dob, 10, 30);
      record.emails.push({ typed: newEmail(base.first, base.last), type: 'personal' });
      record.phones.push({ ...newPhone(), type: 'cell' });
      if (base.addresses.length > 0 && random.next() < 0.5)
        record.addresses.push(newAddress([base.addresses[0].city, base.addresses[0].region]));
      return record;
    }
    // A family member: the family name, another first name, another age; the home shared.
    record.firstName = otherFirstName(base.first);
    if (base.dob) record.dateOfBirth = dateShifted(random, base.dob, 2, 35);
    if (random.next() < 0.6)
      record.emails.push({ typed: newEmail(record.firstName, base.last), type: 'personal' });
    if (kind === 'familyAddress') {
      record.addresses.push({ ...base.addresses[0] });
      if (random.next() < 0.5) record.phones.push({ ...newPhone(), type: 'cell' });
    } else {
      record.phones.push({
        e164: base.validPhones[0],
        typed: phoneAsTyped(random, base.validPhones[0]),
        type: 'home',
      });
      if (base.addresses.length > 0 && random.next() < 0.5)
        record.addresses.push({ ...base.addresses[0] });
    }
    return record;
  };

  return { duplicate, lookAlike };
};

/** The body a form would send to duplicate-check for a record. */
const checkBody = (record) => {
  const data = { type: record.type };
  if (record.type === 'business') data.businessName = record.businessName;
  else {
    data.firstName = record.firstName;
    if (record.middleName) data.middleName = record.middleName;
    data.lastName = record.lastName;
    if (record.dateOfBirth) data.dateOfBirth = record.dateOfBirth;
  }
  if (record.emails.length)
    data.emails = record.emails.map((email) => ({ address: email.typed, type: email.type }));
  if (record.phones.length)
    data.phones = record.phones.map((phone) => ({ number: phone.typed, type: phone.type }));
  if (record.addresses.length)
    data.addresses = record.addresses.map((address) => ({ type: 'physical', ...address }));
  return { data };
};

/**
 * Injects the duplicates and look-alikes into the seeded database and returns the ground truth.
 * Every base (an original, a look-alike's model, a check's original) is a different customer.
 */
const inject = async (app, customers, options) => {
  const seedData = require('./lib/seed-data');
  const { pluginDomain } = require('./lib/plugin-domain');
  const domain = pluginDomain();
  const { generator, createWriter, documentIdFrom, customerNumberOf, UID } = seedData;
  const { customerSearchText, customerNumberSequence } = domain;
  const isValidPhone = (e164) => {
    try {
      return domain.normalizePhoneNumber(phoneAsTyped({ int: () => 0 }, e164), 'US') === e164;
    } catch {
      return false;
    }
  };
  const knex = app.db.connection;
  const sqlite = app.db.dialect.client === 'sqlite';
  const customerTable = boot.tableOf(app, CUSTOMER_UID);
  const started = process.hrtime.bigint();

  // Dates of birth for 60% of individuals (the seed writes none), the same on every database.
  boot.progress(`[${app.db.dialect.client}] dates of birth for 60% of individuals…`);
  await knex.raw(
    sqlite
      ? `UPDATE ${customerTable} SET date_of_birth = date('1940-01-01', '+' || ((id * 7919) % 23000) || ' days') WHERE type = 'individual' AND (id * 7) % 10 < 6`
      : `UPDATE ${customerTable} SET date_of_birth = DATE '1940-01-01' + ((id::bigint * 7919) % 23000)::int WHERE type = 'individual' AND (id * 7) % 10 < 6`
  );

  const groupsWanted = Math.round(customers * options.duplicateShare);
  const negativesWanted = Math.round(customers * options.negativeShare);
  const checks = options.checks;
  const needed = groupsWanted + negativesWanted + 2 * checks;
  const random = generator(7130);
  const poolSize = Math.min(customers, needed * 3);
  const poolIds = new Set();
  while (poolIds.size < poolSize) poolIds.add(1 + random.int(customers));
  const pool = await loadCustomers(app, [...poolIds], isValidPhone);
  const bases = [...poolIds].map((id) => pool.get(id)).filter(Boolean);
  const used = new Set();
  const cursors = new Map();
  /** The next unused base a kind can build on (null when the pool has none left). */
  const baseFor = (kind) => {
    let at = cursors.get(kind) ?? 0;
    while (at < bases.length && (used.has(bases[at].id) || !eligible(kind, bases[at]))) at += 1;
    cursors.set(kind, at + 1);
    if (at >= bases.length) return null;
    used.add(bases[at].id);
    return bases[at];
  };
  const make = recordMaker(random, seedData, isValidPhone, domain.areGivenNameVariants);

  // The stored ones: groups (an original and one or two duplicates), look-alikes.
  const stored = []; // { record, groupIndex | negativeIndex }
  const groups = [];
  for (let i = 0; i < groupsWanted; i += 1) {
    const kind = kindAt(DUPLICATE_KINDS, i, groupsWanted);
    const base = baseFor(kind);
    if (!base) continue;
    const group = { kinds: ['original', kind], ids: [base.id], documentIds: [base.documentId] };
    stored.push({ record: make.duplicate(kind, base), group });
    if (random.next() < options.tripleShare) {
      const others = DUPLICATE_KINDS.map(([k]) => k).filter((k) => k !== kind && eligible(k, base));
      if (others.length > 0) {
        const second = random.pick(others);
        group.kinds.push(second);
        stored.push({ record: make.duplicate(second, base), group });
      }
    }
    groups.push(group);
  }
  const negatives = [];
  for (let i = 0; i < negativesWanted; i += 1) {
    const kind = kindAt(NEGATIVE_KINDS, i, negativesWanted);
    const base = baseFor(kind);
    if (!base) continue;
    const negative = { kind, base: base.documentId, baseId: base.id };
    stored.push({ record: make.lookAlike(kind, base), negative });
    negatives.push(negative);
  }
  // Held back: checked through duplicate-check, never stored.
  const checkList = [];
  for (let i = 0; i < checks; i += 1) {
    for (const [kinds, negative] of [
      [DUPLICATE_KINDS, false],
      [NEGATIVE_KINDS, true],
    ]) {
      const kind = kindAt(kinds, i, checks);
      const base = baseFor(kind);
      if (!base) continue;
      const record = negative ? make.lookAlike(kind, base) : make.duplicate(kind, base);
      checkList.push({ kind, negative, expect: base.documentId, body: checkBody(record) });
    }
  }

  const twins = await seedTwins(
    app,
    [...used].map((id) => pool.get(id)),
    seedData.SUFFIXES
  );

  // Write the stored ones as the seed writes customers: ids after the seed's, e-mails in lower
  // case, phones in E.164, one search index row each.
  boot.progress(
    `[${app.db.dialect.client}] writing ${count(stored.length)} injected customers (${count(groups.length)} duplicate groups, ${count(negatives.length)} look-alikes)…`
  );
  const top = Number((await knex(customerTable).max({ top: 'id' }).first()).top);
  const ids = {};
  for (const table of ['email', 'phone', 'address']) {
    const name = boot.tableOf(app, UID[table]);
    ids[table] = Number((await knex(name).max({ top: 'id' }).first()).top ?? 0);
  }
  const now = new Date();
  const stamps = [now, now, now];
  const stampColumns = ['created_at', 'updated_at', 'published_at'];
  const links = {
    email: boot.linkOf(app, UID.email, 'customer'),
    phone: boot.linkOf(app, UID.phone, 'customer'),
    address: boot.linkOf(app, UID.address, 'customer'),
  };
  const rows = {
    customers: [],
    emails: [],
    emailLinks: [],
    phones: [],
    phoneLinks: [],
    addresses: [],
    addressLinks: [],
    search: [],
  };
  stored.forEach(({ record, group, negative }, i) => {
    const id = top + 1 + i;
    const documentId = documentIdFrom(random);
    const customerNumber = customerNumberOf(id);
    if (group) {
      group.ids.push(id);
      group.documentIds.push(documentId);
    } else {
      negative.other = documentId;
      negative.otherId = id;
    }
    rows.customers.push([
      id,
      documentId,
      customerNumber,
      record.type,
      record.firstName,
      record.middleName,
      record.lastName,
      record.businessName,
      record.dateOfBirth,
      false,
      false,
      false,
      'active',
      ...stamps,
    ]);
    const emails = record.emails.map((email) => domain.normalizeEmailAddress(email.typed));
    emails.forEach((address, n) => {
      const emailId = ++ids.email;
      rows.emails.push([
        emailId,
        documentIdFrom(random),
        record.emails[n].type,
        address,
        n === 0,
        ...stamps,
      ]);
      rows.emailLinks.push([emailId, id]);
    });
    record.phones.forEach((phone, n) => {
      const phoneId = ++ids.phone;
      rows.phones.push([
        phoneId,
        documentIdFrom(random),
        phone.type,
        phone.e164,
        n === 0,
        ...stamps,
      ]);
      rows.phoneLinks.push([phoneId, id]);
    });
    record.addresses.forEach((address, n) => {
      const addressId = ++ids.address;
      rows.addresses.push([
        addressId,
        documentIdFrom(random),
        n === 0 ? 'physical' : 'mailing',
        address.line1,
        address.city,
        address.region,
        address.postalCode,
        address.country,
        n === 0,
        ...stamps,
      ]);
      rows.addressLinks.push([addressId, id]);
    });
    rows.search.push([
      customerNumberSequence(customerNumber),
      id,
      documentId,
      customerNumber,
      customerSearchText({
        customerNumber,
        firstName: record.firstName,
        middleName: record.middleName,
        lastName: record.lastName,
        businessName: record.businessName,
        emails,
        phones: record.phones.map((phone) => phone.e164),
      }),
    ]);
  });
  const linkBatch = (link, pairs) => ({
    table: link.table,
    columns: [link.owner, link.target, ...link.orderColumns],
    rows: pairs.map(([owner, target]) => [owner, target, ...link.orderColumns.map(() => 1)]),
  });
  const writer = await createWriter(app);
  await writer.writeAll([
    {
      table: customerTable,
      columns: [
        'id',
        'document_id',
        'customer_number',
        'type',
        'first_name',
        'middle_name',
        'last_name',
        'business_name',
        'date_of_birth',
        'no_email',
        'no_mail',
        'no_phone_calls',
        'status',
        ...stampColumns,
      ],
      rows: rows.customers,
    },
    {
      table: boot.tableOf(app, UID.email),
      columns: ['id', 'document_id', 'type', 'address', 'is_primary', ...stampColumns],
      rows: rows.emails,
    },
    linkBatch(links.email, rows.emailLinks),
    {
      table: boot.tableOf(app, UID.phone),
      columns: ['id', 'document_id', 'type', 'number', 'is_primary', ...stampColumns],
      rows: rows.phones,
    },
    linkBatch(links.phone, rows.phoneLinks),
    {
      table: boot.tableOf(app, UID.address),
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
      rows: rows.addresses,
    },
    linkBatch(links.address, rows.addressLinks),
    {
      table: 'crm_search_index',
      columns: [
        sqlite ? 'seq' : 'number_seq',
        'customer_id',
        'document_id',
        'customer_number',
        'search_text',
      ],
      rows: rows.search,
    },
  ]);
  if (!sqlite) {
    for (const name of [
      customerTable,
      ...['email', 'phone', 'address'].flatMap((kind) => [
        boot.tableOf(app, UID[kind]),
        links[kind].table,
      ]),
    ]) {
      const columns = await knex(name).columnInfo();
      if ('id' in columns)
        await writer.raw(
          `SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), (SELECT COALESCE(MAX(id), 1) FROM "${name}"))`
        );
    }
  }
  await writer.raw('ANALYZE');
  await writer.close();
  await knex(boot.tableOf(app, UID.sequence))
    .where({ name: 'customer' })
    .update({ value: top + stored.length });

  const dateOfBirthCount = Number(
    (await knex(customerTable).whereNotNull('date_of_birth').count({ n: '*' }).first()).n
  );
  const truth = {
    version: TRUTH_VERSION,
    customers,
    options,
    seededCustomers: top,
    storedCustomers: top + stored.length,
    injected: stored.length,
    dateOfBirthCount,
    groups: groups.map(({ kinds, ids: groupIds, documentIds }) => ({
      kinds,
      ids: groupIds,
      documentIds,
    })),
    negatives,
    twins,
    checks: checkList,
    shortfall: {
      groups: groupsWanted - groups.length,
      negatives: negativesWanted - negatives.length,
      checks: 2 * checks - checkList.length,
    },
    injectSeconds: msSince(started) / 1000,
  };
  return truth;
};

/**
 * Seed twins: seeded customers identical to a base on what tells people apart — the same folded
 * first and last name and the same date of birth, or for a business the same name (legal form
 * left out) and the same e-mail domain (the seed names business domains <word><id % 97>, so
 * namesakes share one by chance). No data tells such records apart, so their pairs with a base's
 * group are reported apart, neither true nor false. Returns { baseDocumentId: [twinDocumentId] }.
 */
const seedTwins = async (app, bases, suffixes) => {
  const knex = app.db.connection;
  const table = boot.tableOf(app, CUSTOMER_UID);
  const legal = new Set(suffixes.filter(Boolean).map((s) => s.toLowerCase()));
  const businessKey = (name, address) => {
    const words = fold(name ?? '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    while (words.length > 1 && legal.has(words[words.length - 1])) words.pop();
    return `${words.join(' ')}|${String(address).toLowerCase().split('@')[1]}`;
  };
  const personKey = (first, last, dob) => `${fold(first ?? '')}|${fold(last ?? '')}|${dob}`;
  const wanted = new Map(); // key -> base documentIds
  const want = (key, documentId) => wanted.set(key, [...(wanted.get(key) ?? []), documentId]);
  for (const base of bases) {
    if (base.type === 'business')
      for (const address of base.emails)
        want(businessKey(base.businessName, address), base.documentId);
    else if (base.dob) want(personKey(base.first, base.last, base.dob), base.documentId);
  }
  const twins = {};
  const found = (key, documentId) => {
    for (const baseId of wanted.get(key) ?? [])
      if (baseId !== documentId) {
        twins[baseId] ??= [];
        if (!twins[baseId].includes(documentId)) twins[baseId].push(documentId);
      }
  };
  const top = Number((await knex(table).max({ top: 'id' }).first()).top);
  const emailLink = boot.linkOf(app, 'plugin::crm.email', 'customer');
  for (let from = 1; from <= top; from += 100000) {
    const to = from + 100000;
    for (const row of await knex(table)
      .select('document_id', 'first_name', 'last_name', 'date_of_birth')
      .where('type', 'individual')
      .whereNotNull('date_of_birth')
      .where('id', '>=', from)
      .where('id', '<', to))
      found(personKey(row.first_name, row.last_name, isoDate(row.date_of_birth)), row.document_id);
    for (const row of await knex(`${table} as c`)
      .join(`${emailLink.table} as l`, `l.${emailLink.target}`, 'c.id')
      .join(`${boot.tableOf(app, 'plugin::crm.email')} as e`, 'e.id', `l.${emailLink.owner}`)
      .select('c.document_id', 'c.business_name', 'e.address')
      .where('c.type', 'business')
      .where('c.id', '>=', from)
      .where('c.id', '<', to))
      found(businessKey(row.business_name, row.address), row.document_id);
  }
  return twins;
};

const readMarker = async (app) => {
  const knex = app.db.connection;
  if (!(await knex.schema.hasTable(MARKER_TABLE))) return null;
  return (await knex(MARKER_TABLE).first()) ?? null;
};

const prepare = async () => {
  const client = argument('db');
  const customers = Number(argument('customers'));
  const options = settings();
  const database = duplicatesDatabase(client, customers);
  const truthFile = truthFileOf(database);
  const { ensureSeeded } = require('./seed');
  const wantedConfig = JSON.stringify({ version: TRUTH_VERSION, ...options });

  await waitForStablePlugin(boot.progress);
  let { app, seeded } = await ensureSeeded(database, customers, {
    force: flag('fresh'),
    progress: boot.progress,
  });
  if (!seeded) {
    const marker = await readMarker(app);
    const stored = Number(
      (await app.db.connection(boot.tableOf(app, CUSTOMER_UID)).count({ n: '*' }).first()).n
    );
    const truthHolds =
      existsSync(truthFile) &&
      JSON.parse(readFileSync(truthFile, 'utf8')).storedCustomers === stored;
    if (marker && marker.config === wantedConfig && truthHolds) {
      boot.progress(`[${client}] reusing ${database.file || database.name} and its ground truth`);
      if (flag('rebuild-keys')) {
        boot.progress(`[${client}] emptying crm_match_keys: the next start-up writes them again`);
        await app.db.connection('crm_match_keys').delete();
      }
      await app.destroy();
      await boot.sendToParent({ reused: true, truthFile, seedSeconds: null, injectSeconds: null });
      return;
    }
    boot.progress(
      `[${client}] ${database.file || database.name} holds no matching injection: seeding anew`
    );
    await app.destroy();
    ({ app, seeded } = await ensureSeeded(database, customers, {
      force: true,
      progress: boot.progress,
    }));
  }
  const truth = await inject(app, customers, options);
  writeFileSync(truthFile, JSON.stringify(truth));
  const knex = app.db.connection;
  await knex.schema.dropTableIfExists(MARKER_TABLE);
  await knex.schema.createTable(MARKER_TABLE, (table) => {
    table.text('config');
    table.integer('injected');
  });
  await knex(MARKER_TABLE).insert({ config: wantedConfig, injected: truth.injected });
  await app.destroy();
  await boot.sendToParent({
    reused: false,
    truthFile,
    seedSeconds: seeded.seconds,
    injectSeconds: truth.injectSeconds,
  });
};

// ---------------------------------------------------------------------------------------------
// Child 2: the server.

/** Boots the compiled app as boot.bootApp does, with `onLog` seeing every info line first. */
const bootWatchingLog = async (onLog) => {
  Object.assign(process.env, boot.BENCH_ENV);
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({
    appDir: boot.ROOT,
    distDir: join(boot.ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  });
  const info = app.log.info.bind(app.log);
  app.log.info = (message, ...rest) => {
    if (typeof message === 'string') {
      try {
        onLog(message, app);
      } catch (error) {
        console.error(error);
      }
    }
    return info(message, ...rest);
  };
  return app.load();
};

const serve = async () => {
  const client = argument('db');
  const customers = Number(argument('customers'));
  const { sampleMemory, profileQueries } = require('./lib/query-profile');
  const { phaseProfiler } = require('./lib/cpu-profile');
  const { useDatabase } = require('./seed');
  useDatabase(duplicatesDatabase(client, customers));

  await waitForStablePlugin(boot.progress);
  const memory = sampleMemory(100);
  memory.phase('boot');
  const cpu = phaseProfiler(process.env.BENCH_CPU_PROF, `duplicates-${client}-${customers}`);
  await cpu.start('boot');
  let sql = null;
  const rebuild = {};
  let searchIndexRebuilt = false;
  const started = process.hrtime.bigint();
  const app = await bootWatchingLog((message, instance) => {
    const begin = message.match(/^\[crm\] writing the duplicate keys of every (\w+)/);
    const end = message.match(/^\[crm\] duplicate keys written for (\d+) (\w+)s in/);
    if (begin) {
      rebuild[begin[1]] = { started: process.hrtime.bigint() };
      if (process.env.BENCH_SQL_PROFILE && !sql) sql = profileQueries(instance.db.connection);
      sql?.phase(`key rebuild (${begin[1]}s)`);
      memory.phase(`key rebuild (${begin[1]}s)`);
    } else if (end && rebuild[end[2]]) {
      rebuild[end[2]].seconds = msSince(rebuild[end[2]].started) / 1000;
      rebuild[end[2]].records = Number(end[1]);
      delete rebuild[end[2]].started;
      sql?.phase('boot');
      memory.phase('boot');
    } else if (/rebuilding the customer search index/.test(message)) searchIndexRebuilt = true;
  });
  const bootSeconds = msSince(started) / 1000;
  await cpu.stop();
  if (process.env.BENCH_SQL_PROFILE && !sql) sql = profileQueries(app.db.connection);
  const knex = app.db.connection;
  // Scans of earlier runs on a reused database: their rows would only slow this one down.
  await app.db.query(SCAN_UID).deleteMany({});
  await knex('crm_duplicate_pairs').delete();
  await knex('crm_duplicate_clusters').delete();
  // After the start-up rebuild's bulk load autovacuum would vacuum and analyse crm_match_keys soon
  // (the plugin analyses it itself); the server here may run without autovacuum, so the bench does
  // what it would: the scan then reads the key index without visiting the rows.
  // BENCH_PG_ANALYZE=0 measures without.
  let analyzed = null;
  if (app.db.dialect.client === 'postgres') {
    const autovacuum = (await knex.raw('SHOW autovacuum')).rows[0].autovacuum;
    if (process.env.BENCH_PG_ANALYZE !== '0') {
      const analyzing = process.hrtime.bigint();
      await knex.raw('VACUUM (ANALYZE) crm_match_keys');
      analyzed = { autovacuum, seconds: msSince(analyzing) / 1000 };
    } else analyzed = { autovacuum, seconds: null };
  }
  const keyRows = Number(
    (await knex('crm_match_keys').where({ kind: 'customer' }).count({ n: '*' }).first()).n
  );
  const storedCustomers = Number(
    (await knex(boot.tableOf(app, CUSTOMER_UID)).count({ n: '*' }).first()).n
  );
  const version =
    app.db.dialect.client === 'postgres'
      ? (await knex.raw('SHOW server_version')).rows[0].server_version.split(' ')[0]
      : (await knex.raw('SELECT sqlite_version() AS version'))[0].version;

  const { port, base } = await serveHttp(app);
  const users = {
    sales: await loginAs(app, base, 'crm_sales'),
    manager: await loginAs(app, base, 'crm_manager'),
  };
  memory.phase('idle');
  sql?.phase('idle');
  process.send({
    type: 'ready',
    port,
    users,
    pid: process.pid,
    bootSeconds,
    rebuild,
    searchIndexRebuilt,
    analyzed,
    keyRows,
    storedCustomers,
    version,
  });

  process.on('message', async (message) => {
    if (message?.type === 'phase') {
      memory.phase(message.name);
      sql?.phase(message.name);
      if (message.name === 'idle') await cpu.stop();
      else await cpu.start(message.name);
      process.send({ type: 'phased', name: message.name });
    }
    if (message?.type === 'stop') {
      await cpu.stop();
      process.send({
        type: 'stats',
        memory: memory.stop(),
        sql: sql ? sql.result() : null,
        profiles: cpu.files,
      });
      // The database is kept; requests still queued need no answer.
      setTimeout(() => process.exit(0), 100);
    }
  });
};

// ---------------------------------------------------------------------------------------------
// Parent: the client.

/** The server's resident memory from /proc: VmRSS polled, VmHWM reset first when the kernel lets us. */
const watchRss = (pid) => {
  const kb = (field) => {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number((text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm')) || [])[1]);
  };
  let hwmReset = false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    hwmReset = true;
  } catch {
    // Not allowed here: the polled peak stands alone.
  }
  const startKb = kb('VmRSS');
  let peakKb = startKb;
  const timer = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, kb('VmRSS'));
    } catch {
      // The process is gone; stop() says what was seen.
    }
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      let hwmKb = null;
      try {
        peakKb = Math.max(peakKb, kb('VmRSS'));
        if (hwmReset) hwmKb = kb('VmHWM');
      } catch {
        // gone
      }
      return {
        startMb: startKb / 1024,
        polledPeakMb: peakKb / 1024,
        hwmMb: hwmKb === null ? null : hwmKb / 1024,
        peakMb: Math.max(peakKb, hwmKb ?? 0) / 1024,
      };
    },
  };
};

/**
 * A JSON call as `user` ({ identifier, password, jwt }). GETs are retried on a network error: while
 * a batch of the scan runs on SQLite (a synchronous driver) the server's event loop is blocked, and
 * a kept-alive socket it closes meanwhile resets the next request on it.
 */
const api = (base, user) => async (method, path, body) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request(base, user, method, path, body);
    } catch (error) {
      if (method !== 'GET' || attempt >= 5) throw error;
      await sleep(500 * attempt);
    }
  }
};

/** Logs the bench user in again: with users-permissions' refresh mode a JWT lasts 30 minutes. */
const login = async (base, user) => {
  const response = await fetch(`${base}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: user.identifier, password: user.password }),
  });
  const { jwt } = await response.json();
  if (!jwt) throw new Error(`login of ${user.identifier} failed (${response.status})`);
  user.jwt = jwt;
};

const request = async (base, user, method, path, body) => {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${user.jwt}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (response.status === 401 && attempt === 1) {
      await login(base, user);
      continue;
    }
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, json, text };
  }
};

/**
 * Starts the scan, polls it until done and reads all its clusters. A poll may go unanswered for
 * long: on SQLite (a synchronous driver) the scan can keep the server's event loop from accepting
 * requests until it ends; fetch then gives up after 300 s and the poll is sent again. The longest
 * wait for an answer is reported.
 */
const runScan = async (base, user, pid, log) => {
  const call = api(base, user);
  const rss = watchRss(pid);
  try {
    const started = process.hrtime.bigint();
    const start = await call('POST', '/api/crm/duplicate-scans', { object: 'customers' });
    if (start.status !== 202)
      throw new Error(`POST /duplicate-scans: ${start.status} ${start.text.slice(0, 300)}`);
    const id = start.json.data.documentId;
    const limitMs = Number(process.env.BENCH_SCAN_TIMEOUT_S || 6 * 3600) * 1000;
    let page;
    let logged = Date.now();
    let waitingSince = null;
    let longestWaitMs = 0;
    let unanswered = 0;
    for (;;) {
      await sleep(250);
      waitingSince ??= process.hrtime.bigint();
      try {
        page = await request(
          base,
          user,
          'GET',
          `/api/crm/duplicate-scans/${id}?page=1&pageSize=100`
        );
      } catch (error) {
        unanswered += 1;
        if (unanswered === 1)
          log(
            `  a poll went unanswered (${error.cause?.code ?? error.message}): the server is busy, polling on`
          );
        if (msSince(started) > limitMs)
          throw new Error(`the scan ran past ${limitMs / 1000} s`, { cause: error });
        continue;
      }
      longestWaitMs = Math.max(longestWaitMs, msSince(waitingSince));
      waitingSince = null;
      if (page.status !== 200)
        throw new Error(`GET /duplicate-scans/${id}: ${page.status} ${page.text.slice(0, 300)}`);
      if (page.json.data.stage !== 'running') break;
      if (Date.now() - logged > 30000) {
        logged = Date.now();
        const { done, total } = page.json.data.progress;
        log(
          `  scan: ${count(done)} of ${count(total)} (${fixed(msSince(started) / 1000, 0)} s, RSS now ${fixed(readRssMb(pid), 0)} MB)`
        );
      }
    }
    const wallSeconds = msSince(started) / 1000;
    const memory = rss.stop();
    const scan = page.json.data;
    if (scan.stage !== 'done') throw new Error(`the scan ${scan.stage}: ${scan.error}`);
    const serverSeconds = (new Date(scan.finishedAt) - new Date(scan.startedAt)) / 1000;
    const clusters = [...scan.clusters];
    const pages = page.json.meta.pagination.pageCount;
    const reading = process.hrtime.bigint();
    for (let n = 2; n <= pages; n += 1) {
      const next = await call('GET', `/api/crm/duplicate-scans/${id}?page=${n}&pageSize=100`);
      if (next.status !== 200) throw new Error(`GET clusters page ${n}: ${next.status}`);
      clusters.push(...next.json.data.clusters);
    }
    return {
      wallSeconds,
      serverSeconds,
      memory,
      longestPollWaitSeconds: longestWaitMs / 1000,
      unansweredPolls: unanswered,
      clusters,
      pairCount: scan.pairCount,
      clusterCount: scan.clusterCount,
      pages,
      readSeconds: msSince(reading) / 1000,
    };
  } finally {
    rss.stop();
  }
};

const readRssMb = (pid) => {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number((text.match(/^VmRSS:\s+(\d+) kB/m) || [])[1]) / 1024;
  } catch {
    return NaN;
  }
};

const choose2 = (n) => (n * (n - 1)) / 2;

/**
 * Scores the scan's clusters against the truth. A predicted pair is any two records of one
 * cluster; a true pair any two records of one injected group. Labelled records are the injected
 * groups' (originals included) and both records of each look-alike pair. Predicted pairs of two
 * unlabelled (background) records are counted apart, and so are pairs of a labelled record with a
 * seed twin of its original (or model): neither true nor false.
 */
const scoreScan = (truth, clusters) => {
  const groupOf = new Map();
  const rootOf = new Map(); // labelled record -> the seeded customer it was made from
  truth.groups.forEach((group, g) =>
    group.documentIds.forEach((id) => {
      groupOf.set(id, g);
      rootOf.set(id, group.documentIds[0]);
    })
  );
  const labelled = new Set(groupOf.keys());
  const lookAlikeRecords = new Set();
  for (const negative of truth.negatives) {
    labelled.add(negative.base);
    labelled.add(negative.other);
    rootOf.set(negative.base, negative.base);
    lookAlikeRecords.add(negative.other);
  }
  const twinsOf = new Map(
    Object.entries(truth.twins ?? {}).map(([id, list]) => [id, new Set(list)])
  );
  const areTwins = (a, b) => Boolean(twinsOf.get(a)?.has(b) || twinsOf.get(b)?.has(a));
  // Background records stand for themselves; a look-alike is nobody's twin.
  const root = (id) => (lookAlikeRecords.has(id) ? null : (rootOf.get(id) ?? id));

  const clusterOf = new Map();
  const tally = {
    truePositive: 0,
    predictedLabelled: 0,
    twinPairs: 0,
    labelledWithBackground: 0,
    labelledCross: 0,
    backgroundPairs: 0,
    backgroundClusters: 0,
    largest: 0,
  };
  const falseExamples = [];
  const twinExamples = [];
  clusters.forEach((cluster, c) => {
    const ids = cluster.records.map((record) => record.documentId);
    tally.largest = Math.max(tally.largest, ids.length);
    for (const id of ids) clusterOf.set(id, c);
    const inLabelled = ids.filter((id) => labelled.has(id)).length;
    const outside = ids.length - inLabelled;
    tally.predictedLabelled += choose2(ids.length) - choose2(outside);
    tally.backgroundPairs += choose2(outside);
    if (inLabelled === 0) {
      tally.backgroundClusters += 1;
      return;
    }
    for (let i = 0; i < ids.length; i += 1)
      for (let j = i + 1; j < ids.length; j += 1) {
        const [a, b] = [ids[i], ids[j]];
        if (!labelled.has(a) && !labelled.has(b)) continue;
        if (groupOf.has(a) && groupOf.get(a) === groupOf.get(b)) tally.truePositive += 1;
        else if (root(a) && root(b) && areTwins(root(a), root(b))) tally.twinPairs += 1;
        else if (labelled.has(a) && labelled.has(b)) tally.labelledCross += 1;
        else tally.labelledWithBackground += 1;
      }
    // A few of the pairs the matcher scored directly that are not true, to be read.
    const named = new Map(cluster.records.map((record) => [record.documentId, record]));
    const show = (id) =>
      `${named.get(id)?.customerNumber} "${named.get(id)?.name}"${labelled.has(id) ? '' : ' (seeded)'}`;
    for (const pair of cluster.pairs) {
      const [a, b] = [pair.first, pair.second];
      if (!labelled.has(a) && !labelled.has(b)) continue;
      if (groupOf.has(a) && groupOf.get(a) === groupOf.get(b)) continue;
      const twin = root(a) && root(b) && areTwins(root(a), root(b));
      const list = twin ? twinExamples : falseExamples;
      if (list.length < (twin ? 3 : 8))
        list.push(`${show(a)} ~ ${show(b)}: ${pair.score} ${pair.reasons.join('+')}`);
    }
  });
  const truePairs = truth.groups.reduce((sum, group) => sum + choose2(group.documentIds.length), 0);
  const lookAlikesJoined = new Set(
    truth.negatives.filter((negative) => {
      const c = clusterOf.get(negative.base);
      return c !== undefined && c === clusterOf.get(negative.other);
    })
  );
  // Per kind: is each duplicate in its original's cluster; is each look-alike in its model's.
  const byKind = {};
  const countKind = (kind, hit) => {
    byKind[kind] ??= { n: 0, hit: 0 };
    byKind[kind].n += 1;
    if (hit) byKind[kind].hit += 1;
  };
  for (const group of truth.groups) {
    const c = clusterOf.get(group.documentIds[0]);
    group.documentIds
      .slice(1)
      .forEach((id, i) =>
        countKind(group.kinds[i + 1], c !== undefined && clusterOf.get(id) === c)
      );
  }
  for (const negative of truth.negatives) countKind(negative.kind, lookAlikesJoined.has(negative));
  const judged = tally.predictedLabelled - tally.twinPairs;
  return {
    ...tally,
    truePairs,
    falsePositive: judged - tally.truePositive,
    lookAlikePairs: lookAlikesJoined.size,
    falseExamples,
    twinExamples,
    twinBases: twinsOf.size,
    precision: judged ? tally.truePositive / judged : NaN,
    strictPrecision: tally.predictedLabelled ? tally.truePositive / tally.predictedLabelled : NaN,
    recall: truePairs ? tally.truePositive / truePairs : NaN,
    byKind,
  };
};

const runChecks = async (call, checks) => {
  // Warm-up: the first 20 bodies once, untimed (plans cached, JIT warm).
  for (const check of checks.slice(0, 20))
    await call('POST', '/api/crm/customers/duplicate-check', check.body);
  const samples = [];
  const byKind = {};
  let found = 0;
  let falsePositive = 0;
  let duplicates = 0;
  let negatives = 0;
  let otherAnswers = 0;
  let failures = 0;
  let firstFailure = null;
  for (const check of checks) {
    const start = process.hrtime.bigint();
    const response = await call('POST', '/api/crm/customers/duplicate-check', check.body).catch(
      (error) => ({ status: 0, text: `${error.message} (${error.cause?.code ?? ''})` })
    );
    samples.push(msSince(start));
    if (response.status !== 200) {
      failures += 1;
      firstFailure ??= `${response.status} ${response.text.slice(0, 300)}`;
      continue;
    }
    const answered = response.json.data.map((answer) => answer.customer.documentId);
    const hit = answered.includes(check.expect);
    otherAnswers += answered.length - (hit ? 1 : 0);
    byKind[check.kind] ??= { n: 0, hit: 0 };
    byKind[check.kind].n += 1;
    if (hit) byKind[check.kind].hit += 1;
    if (check.negative) {
      negatives += 1;
      if (hit) falsePositive += 1;
    } else {
      duplicates += 1;
      if (hit) found += 1;
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    calls: samples.length,
    duplicates,
    negatives,
    found,
    falsePositive,
    otherAnswers,
    failures,
    firstFailure,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    precision: found + falsePositive ? found / (found + falsePositive) : NaN,
    recall: duplicates ? found / duplicates : NaN,
    byKind,
  };
};

/** Runs `work(worker, ready)` against a started server child; always stops it. */
const withServer = (client, customers, work) =>
  new Promise((resolve, reject) => {
    const worker = fork(
      __filename,
      ['--role', 'serve', '--db', client, '--customers', String(customers)],
      { stdio: 'inherit', execArgv: boot.appNodeFlags() }
    );
    const waiting = new Map();
    const next = (type) => new Promise((done) => waiting.set(type, done));
    let finished = false;
    worker.on('message', (message) => {
      if (message?.type === 'progress') console.log(message.text);
      const done = waiting.get(message?.type);
      if (done) {
        waiting.delete(message.type);
        done(message);
      }
    });
    worker.on('exit', (code, signal) => {
      if (!finished)
        reject(new Error(`${client}: the server exited (${signal || `code ${code}`}) too early`));
    });
    process.once('SIGINT', () => worker.kill('SIGKILL'));
    next('ready').then(async (ready) => {
      const phase = async (name) => {
        const acknowledged = next('phased');
        worker.send({ type: 'phase', name });
        await acknowledged;
      };
      let result;
      let failure;
      try {
        result = await work({ ready, phase });
      } catch (error) {
        failure = error;
      }
      const statsMessage = next('stats');
      worker.send({ type: 'stop' });
      // A server still busy (a scan that failed on our side runs on) cannot answer: stop it.
      const stats = await Promise.race([statsMessage, sleep(60000).then(() => null)]);
      finished = true;
      worker.once('exit', () =>
        failure ? reject(failure) : resolve({ ...result, ready, stats: stats ?? {} })
      );
      if (!stats) worker.kill('SIGKILL');
    });
  });

const runDatabase = async (client, options) => {
  const label = labelOf(client);
  const log = (text) => console.log(`[${client}] ${text}`);
  const prepared = await boot.runChild(__filename, [
    '--role',
    'prepare',
    '--db',
    client,
    '--customers',
    String(options.customers),
    ...(options.fresh ? ['--fresh'] : []),
    ...(options.rebuildKeys ? ['--rebuild-keys'] : []),
  ]);
  const truth = JSON.parse(readFileSync(prepared.truthFile, 'utf8'));
  const rebuildFile = prepared.truthFile.replace(/\.truth\.json$/, '.rebuild.json');
  const started = (ready) => {
    const rebuilt = ready.rebuild.customer;
    log(
      `up in ${fixed(ready.bootSeconds)} s; key rebuild ${rebuilt ? `${fixed(rebuilt.seconds)} s for ${count(rebuilt.records)} customers` : 'not needed (keys in step)'}` +
        (ready.rebuild.contact
          ? `, ${fixed(ready.rebuild.contact.seconds)} s for ${count(ready.rebuild.contact.records)} contacts`
          : '')
    );
    if (ready.storedCustomers !== truth.storedCustomers)
      throw new Error(
        `the database holds ${ready.storedCustomers} customers, its ground truth ${truth.storedCustomers}: run again with --fresh`
      );
    // The start-up rebuild is timed once per database: a reused one says what its first start took.
    if (ready.rebuild.customer) writeFileSync(rebuildFile, JSON.stringify(ready.rebuild));
    else if (existsSync(rebuildFile))
      ready.earlierRebuild = JSON.parse(readFileSync(rebuildFile, 'utf8'));
  };
  const measure = async ({ ready, phase }) => {
    const base = `http://127.0.0.1:${ready.port}`;
    log(`duplicate scan of ${count(ready.storedCustomers)} customers…`);
    await phase('scan');
    const scan = await runScan(base, ready.users.manager, ready.pid, log);
    await phase('idle');
    log(
      `  done in ${fixed(scan.serverSeconds)} s (server), peak RSS ${fixed(scan.memory.peakMb, 0)} MB; ${count(scan.clusterCount)} clusters, ${count(scan.pairCount)} pairs read in ${fixed(scan.readSeconds)} s`
    );
    const scanScore = scoreScan(truth, scan.clusters);
    log(
      `  precision ${fixed(scanScore.precision, 3)}, recall ${fixed(scanScore.recall, 3)} (${count(scanScore.truePositive)} of ${count(scanScore.truePairs)} true pairs)`
    );
    log(`${count(truth.checks.length)} duplicate-checks, one at a time…`);
    await phase('checks');
    const checks = await runChecks(api(base, ready.users.sales), truth.checks);
    await phase('idle');
    log(
      `  p50 ${fixed(checks.p50)} ms, p95 ${fixed(checks.p95)} ms, p99 ${fixed(checks.p99)} ms; precision ${fixed(checks.precision, 3)}, recall ${fixed(checks.recall, 3)}`
    );
    return { scan, scanScore, checks };
  };
  log('starting Strapi (the start-up writes the match keys when they are not in step)…');
  const first = await withServer(client, options.customers, async ({ ready, phase }) => {
    started(ready);
    if (!ready.rebuild.customer && !ready.rebuild.contact) return measure({ ready, phase });
    return { restart: true };
  });
  let served = first;
  if (first.restart) {
    // A node in service keeps its keys in step as it writes; what a one-time rebuild of a million
    // records leaves in the heap is not the scan's memory.
    log('restarting Strapi for the scan and the checks, now that the keys are in step…');
    served = await withServer(client, options.customers, async ({ ready, phase }) => {
      started(ready);
      return measure({ ready, phase });
    });
    served.ready.rebuild = first.ready.rebuild;
    served.ready.rebuildBoot = {
      seconds: first.ready.bootSeconds,
      phasePeaksMb: first.stats.memory?.phasePeaksMb ?? {},
    };
  }
  if (options.drop) await boot.dropDatabase(duplicatesDatabase(client, options.customers));
  if (options.drop) rmSync(prepared.truthFile, { force: true });
  return { client, label, prepared, truth, ...served };
};

const ratio = (hit, n) => (n ? `${fixed(hit / n, 3)} (${count(hit)}/${count(n)})` : '-');

/** The start-up key rebuild of this run, or of the run that first started on the database. */
const rebuildCell = (r, kind) => {
  if (r.ready.rebuild[kind]) return fixed(r.ready.rebuild[kind].seconds);
  if (r.ready.earlierRebuild?.[kind])
    return `${fixed(r.ready.earlierRebuild[kind].seconds)} (first start)`;
  return 'in step, not timed';
};

const printReport = (results, skipped, options, { totalMs, loadBefore }) => {
  const columns = results.map((r) => r.label);
  const row = (name, pick) => [name, ...results.map(pick)];
  console.log('');
  console.log(
    `Duplicates, ${count(options.customers)} seeded customers per database (+ injected duplicates and look-alikes)`
  );
  console.log('');
  const groupsOf = (r, size) => r.truth.groups.filter((g) => g.documentIds.length === size).length;
  console.log(
    formatTable(
      ['', ...columns],
      [
        row('database version', (r) => r.ready.version),
        row('customers stored', (r) => count(r.ready.storedCustomers)),
        row(
          'injected groups (pairs + triples)',
          (r) =>
            `${count(r.truth.groups.length)} (${count(groupsOf(r, 2))} + ${count(groupsOf(r, 3))})`
        ),
        row('injected true pairs', (r) => count(r.scanScore.truePairs)),
        row('hard negatives (look-alike pairs)', (r) => count(r.truth.negatives.length)),
        row('seed + inject s', (r) =>
          r.prepared.reused
            ? 'reused'
            : `${fixed(r.prepared.seedSeconds)} + ${fixed(r.prepared.injectSeconds)}`
        ),
        row('key rebuild s (customers)', (r) => rebuildCell(r, 'customer')),
        row('key rebuild s (contacts)', (r) => rebuildCell(r, 'contact')),
        row('match key rows (customers)', (r) => count(r.ready.keyRows)),
        row('scan s', (r) => fixed(r.scan.serverSeconds)),
        row('scan peak RSS MB', (r) => fixed(r.scan.memory.peakMb, 0)),
        row('scan RSS at start MB', (r) => fixed(r.scan.memory.startMb, 0)),
        row('scan: longest wait for a poll answer s', (r) =>
          fixed(r.scan.longestPollWaitSeconds, 1)
        ),
        row(
          'scan clusters / pairs',
          (r) => `${count(r.scan.clusterCount)} / ${count(r.scan.pairCount)}`
        ),
        row('scan precision', (r) => fixed(r.scanScore.precision, 3)),
        row('scan recall', (r) => fixed(r.scanScore.recall, 3)),
        row('scan precision, twin pairs as false', (r) => fixed(r.scanScore.strictPrecision, 3)),
        row('scan false pairs: look-alike joined', (r) => count(r.scanScore.lookAlikePairs)),
        row('scan false pairs: labelled-labelled', (r) => count(r.scanScore.labelledCross)),
        row('scan false pairs: labelled-seeded', (r) => count(r.scanScore.labelledWithBackground)),
        row(
          'scan pairs with seed twins (apart)',
          (r) =>
            `${count(r.scanScore.twinPairs)} (${count(r.scanScore.twinBases)} bases have twins)`
        ),
        row(
          'scan pairs among background only',
          (r) =>
            `${count(r.scanScore.backgroundPairs)} in ${count(r.scanScore.backgroundClusters)} clusters`
        ),
        row('largest cluster', (r) => count(r.scanScore.largest)),
        row(
          'checks (duplicates + look-alikes)',
          (r) => `${count(r.checks.duplicates)} + ${count(r.checks.negatives)}`
        ),
        row(
          'check p50 / p95 / p99 ms',
          (r) => `${fixed(r.checks.p50)} / ${fixed(r.checks.p95)} / ${fixed(r.checks.p99)}`
        ),
        row('check precision', (r) => fixed(r.checks.precision, 3)),
        row('check recall', (r) => fixed(r.checks.recall, 3)),
        row('check other answers (mean)', (r) =>
          fixed(r.checks.otherAnswers / Math.max(1, r.checks.calls - r.checks.failures), 2)
        ),
        row('check failures', (r) => count(r.checks.failures)),
      ]
    )
  );
  console.log('');
  console.log('Targets');
  console.log('');
  const at1M = options.customers >= 1000000;
  const verdict = (ok, text, scaled = true) =>
    `${ok ? 'met' : 'MISSED'} (${text})${scaled || at1M ? '' : ' [target is for 1,000,000]'}`;
  console.log(
    formatTable(
      ['target', ...columns],
      [
        row('scan precision >= 0.95', (r) =>
          verdict(r.scanScore.precision >= 0.95, fixed(r.scanScore.precision, 3))
        ),
        row('scan recall >= 0.90', (r) =>
          verdict(r.scanScore.recall >= 0.9, fixed(r.scanScore.recall, 3))
        ),
        row('check precision >= 0.95', (r) =>
          verdict(r.checks.precision >= 0.95, fixed(r.checks.precision, 3))
        ),
        row('check recall >= 0.90', (r) =>
          verdict(r.checks.recall >= 0.9, fixed(r.checks.recall, 3))
        ),
        row('check p95 <= 50 ms at 1M', (r) =>
          verdict(r.checks.p95 <= 50, `${fixed(r.checks.p95)} ms`, false)
        ),
        row('scan < 900 s at 1M', (r) =>
          verdict(r.scan.serverSeconds < 900, `${fixed(r.scan.serverSeconds)} s`, false)
        ),
        row('scan peak RSS < 512 MB at 1M', (r) =>
          verdict(r.scan.memory.peakMb < 512, `${fixed(r.scan.memory.peakMb, 0)} MB`, false)
        ),
      ]
    )
  );
  console.log('');
  console.log(
    "Recall by kind of duplicate (scan: in its original's cluster; check: original answered)"
  );
  console.log('and how often a look-alike was joined to / answered for the record it resembles');
  console.log('');
  const kinds = [...DUPLICATE_KINDS, ...NEGATIVE_KINDS].map(([kind]) => kind);
  console.log(
    formatTable(
      ['kind', ...results.flatMap((r) => [`${r.label} scan`, `${r.label} check`])],
      kinds.map((kind) => [
        NEGATIVE_KINDS.some(([k]) => k === kind) ? `${kind} (look-alike)` : kind,
        ...results.flatMap((r) => [
          ratio(r.scanScore.byKind[kind]?.hit ?? 0, r.scanScore.byKind[kind]?.n ?? 0),
          ratio(r.checks.byKind[kind]?.hit ?? 0, r.checks.byKind[kind]?.n ?? 0),
        ]),
      ])
    )
  );
  console.log('');
  console.log(
    [
      'Scan: a predicted pair is any two records of one cluster (all clusters paged through GET /duplicate-scans/:id),',
      'a true pair any two records of one injected group. Labelled records: every record of an injected group (originals',
      'included) and both records of each look-alike pair. precision = true pairs predicted / (predicted pairs with at',
      'least one labelled record - seed-twin pairs); recall = true pairs predicted / true pairs. Seed twins: seeded',
      'customers identical to an original (or look-alike model) on folded first + last name + date of birth, or for',
      'businesses on the name without legal form + e-mail domain (seed-data draws business domains <word><id % 97>, so',
      'namesakes share one by chance); nothing tells them apart, so their pairs with that group are neither true nor',
      "false (the strict figure counts them false). Pairs of two seeded records (the population's own look-alikes) are",
      'listed apart too. Every other pair with a labelled record counts false: a look-alike joined to its model, two',
      'labelled records of different groups, or a labelled record joined to an unrelated seeded one.',
      "scan s = the scan's finishedAt - startedAt; peak RSS = the server process (VmRSS every 100 ms, and VmHWM reset",
      'before the scan when the kernel allows).',
      `Check: ${options.checks} duplicates and ${options.checks} look-alikes not stored (each of another customer than`,
      'any stored group), their original (look-alike model) stored. recall = duplicates whose original is answered;',
      'precision = originals answered / (originals answered + look-alike models answered), over the 1:1 sample.',
      '"other answers" = answered records that are neither. Latency from request to last byte, one call at a time after',
      '20 warm-up calls, over both halves; p50/p95/p99 nearest-rank.',
    ].join('\n')
  );
  for (const r of results) {
    if (r.scanScore.falseExamples.length > 0) {
      console.log(`${r.label}: false pairs of the scan (examples, as the matcher scored them)`);
      for (const example of r.scanScore.falseExamples) console.log(`  ${example}`);
    }
    if (r.scanScore.twinExamples.length > 0) {
      console.log(`${r.label}: pairs with seed twins (examples)`);
      for (const example of r.scanScore.twinExamples) console.log(`  ${example}`);
    }
  }
  console.log('');
  for (const r of results) {
    const memory = r.stats.memory;
    console.log(
      `${r.label}: ${
        r.ready.rebuildBoot
          ? `first start ${fixed(r.ready.rebuildBoot.seconds)} s writing the keys (RSS peaks: ${Object.entries(
              r.ready.rebuildBoot.phasePeaksMb
            )
              .map(([name, mb]) => `${name} ${fixed(mb, 0)} MB`)
              .join(', ')}), then a restart for the scan: `
          : ''
      }boot ${fixed(r.ready.bootSeconds)} s; ${boot.heapNote(boot.appHeapMb())}; server heap peak ${fixed(memory?.peakHeapMb, 0)} MB; RSS peaks by phase: ${Object.entries(
        memory?.phasePeaksMb ?? {}
      )
        .map(([name, mb]) => `${name} ${fixed(mb, 0)} MB`)
        .join(
          ', '
        )}${r.ready.searchIndexRebuilt ? '; the search index was rebuilt at start-up' : ''}` +
        `; scan RSS: polled peak ${fixed(r.scan.memory.polledPeakMb, 0)} MB, VmHWM ${r.scan.memory.hwmMb === null ? 'not resettable here' : `${fixed(r.scan.memory.hwmMb, 0)} MB`}` +
        (r.truth.shortfall.groups || r.truth.shortfall.negatives || r.truth.shortfall.checks
          ? `; short of bases: ${JSON.stringify(r.truth.shortfall)}`
          : '') +
        (r.checks.failures ? `; first failed check: ${r.checks.firstFailure}` : '') +
        (r.ready.analyzed
          ? r.ready.analyzed.seconds === null
            ? `; crm_match_keys NOT vacuumed by the bench after start-up (BENCH_PG_ANALYZE=0; autovacuum ${r.ready.analyzed.autovacuum})`
            : `; VACUUM (ANALYZE) crm_match_keys after start-up ${fixed(r.ready.analyzed.seconds)} s, as autovacuum would (autovacuum ${r.ready.analyzed.autovacuum} on this server)`
          : '')
    );
  }
  for (const { label, reason } of skipped) console.log(`${label}: not benchmarked — ${reason}`);
  for (const r of results) {
    if (r.stats.sql) {
      console.log('');
      console.log(`${r.label}: SQL time by statement kind (BENCH_SQL_PROFILE)`);
      for (const [name, kinds] of Object.entries(r.stats.sql)) {
        if (kinds.length === 0) continue;
        const total = kinds.reduce((sum, kind) => sum + kind.ms, 0);
        console.log(
          `  ${name}: ${fixed(total / 1000)} s in ${count(kinds.reduce((s, k) => s + k.count, 0))} statements`
        );
        for (const kind of kinds.slice(0, 8))
          console.log(
            `    ${fixed(kind.ms / 1000, 1).padStart(8)} s ${count(kind.count).padStart(9)}x  ${kind.kind}`
          );
      }
    }
    if (r.stats.profiles?.length)
      require('./lib/cpu-profile').printProfiles(r.label, r.stats.profiles, { fixed });
  }
  console.log(
    `${os.cpus().length} CPUs; 1-minute load average ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end. Total ${fixed(totalMs / 1000)} s.`
  );
};

const parent = async () => {
  const started = process.hrtime.bigint();
  const loadBefore = os.loadavg()[0];
  const options = {
    customers: Number(argument('customers', 1000000)),
    fresh: flag('fresh'),
    rebuildKeys: flag('rebuild-keys'),
    drop: flag('drop'),
    ...settings(),
  };
  if (!Number.isInteger(options.customers) || options.customers < 1000)
    throw new Error('--customers must be an integer of at least 1000');
  if (!flag('no-build')) {
    console.log('Building the plugin and compiling the app (tsc -p tsconfig.json)…');
    require('../scripts/build-plugin').buildPlugin({ ifChanged: true });
    execFileSync(
      process.execPath,
      [join(boot.ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      { cwd: boot.ROOT, stdio: 'inherit' }
    );
  }
  process.once('SIGINT', async () => {
    console.log('\nSIGINT: stopping the children (the databases are kept).');
    await boot.stopChildren();
    process.exit(130);
  });
  const { results, skipped } = await boot.onEachDatabase(
    argument('databases', process.env.BENCH_DATABASES || 'sqlite,postgres')
      .split(',')
      .map((s) => s.trim()),
    (client) => runDatabase(client, options)
  );
  if (results.length)
    printReport(results, skipped, options, { totalMs: msSince(started), loadBefore });
  else
    for (const { label, reason } of skipped) console.log(`${label}: not benchmarked — ${reason}`);
  if (results.length === 0) process.exitCode = 1;
};

const role = argument('role');
(role === 'prepare'
  ? prepare().then(() => process.exit(0))
  : role === 'serve'
    ? serve()
    : parent()
).catch((error) => {
  console.error(error);
  process.exit(1);
});
