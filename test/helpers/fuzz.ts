/**
 * A seeded generator of malformed HTTP requests for the CRM routes: the same seed, count and
 * routes always draw the same requests, so a failure found by the fuzz test reproduces with
 * `FUZZ_SEED=<seed>`. Real record ids are not known when the requests are drawn; a request names
 * them as `IdRef`s (a resource and a slot), which the runner resolves to a live documentId.
 */

/** mulberry32: a tiny 32-bit generator, good enough to spread requests and cheap to reseed. */
export const mulberry32 = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float() {
    return this.next();
  }
  int(below: number) {
    return Math.floor(this.next() * below);
  }
  chance(probability: number) {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    const total = items.reduce((sum, [weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [weight, value] of items) {
      at -= weight;
      if (at < 0) return value;
    }
    return items[items.length - 1][1];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/** A live record of a resource (`customers`, `phones`, `imports`, …), resolved when the request is sent. */
export class IdRef {
  constructor(
    readonly resource: string,
    readonly slot: number
  ) {}
}

/**
 * A body as JSON, each `IdRef` written by `name`. A replacer rather than a walk of our own:
 * JSON.stringify copes with the few-thousand-deep values the generator draws.
 */
export const stringifyWithRefs = (value: unknown, name: (ref: IdRef) => string) =>
  JSON.stringify(value, (_key, item: unknown) => (item instanceof IdRef ? name(item) : item));

export interface FuzzRoute {
  type: 'content-api' | 'admin';
  method: string;
  path: string;
  handler: string;
}

/** What the generator needs to know of a content type: its attributes, as Strapi declares them. */
export interface ModelShape {
  uid: string;
  attributes: Record<string, { type: string; enum?: string[]; target?: string; relation?: string }>;
}

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string; headers?: Record<string, string> }
  | {
      kind: 'multipart';
      fields: [string, string][];
      files: { field: string; filename: string; content: Buffer; contentType?: string }[];
    };

export interface FuzzRequest {
  index: number;
  route: FuzzRoute;
  caller: string;
  /** The path with `:id` filled in: a live record, or a literal (already URL-encoded) segment. */
  id?: IdRef | { literal: string };
  /** Query parameters, encoded when sent; `rawQuery` is appended as it is. */
  query: [string, string][];
  rawQuery?: string;
  body: FuzzBody;
  /** What was malformed, for the failure report. */
  label: string;
}

export interface GeneratorInput {
  seed: number;
  count: number;
  routes: FuzzRoute[];
  models: Record<string, ModelShape>;
  /** Caller names per route type, with weights. */
  callers: Record<FuzzRoute['type'], readonly (readonly [number, string])[]>;
  /** How many live records each resource has (slots of `IdRef`). */
  slots: Record<string, number>;
}

const HUGE = 'x'.repeat(100_000);

/** Strings that trip parsers, encoders, collations and databases. */
const ODD_STRINGS = [
  '',
  ' ',
  HUGE,
  'nul\u0000inside',
  '\u0000',
  'ctrl\u0001\u0002\u001b[31m\u007f',
  'line\r\nbreak',
  'lone \ud800 high surrogate',
  'lone \udfff low surrogate',
  '\u202eRTL override\u202c',
  '\u200f\u200e\u061c marks',
  'zero\u200bwidth\ufeff',
  'emoji 🧪👩‍👩‍👧',
  'Zoë Ünïcødé 名前',
  'NaN',
  '1e300',
  '-1',
  'true',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  "'; DROP TABLE crm_customers; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '=cmd|calc!A1',
  '../../etc/passwd',
  '%00',
  '%',
  '2999-12-31',
  '0000-00-00',
  '1999-02-30',
  'T',
  '$eq',
];

const ODD_NUMBERS = [
  0,
  -1,
  1.5,
  -0.5,
  1e300,
  -1e300,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 31) - 1,
];

/** Builds a nested value `depth` levels deep (arrays or objects). */
const nested = (depth: number, asObject: boolean): unknown => {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i += 1) value = asObject ? { a: value } : [value];
  return value;
};

/** A value of the wrong kind for almost any field. */
export const oddValue = (random: Random): unknown =>
  random.weighted<() => unknown>([
    [4, () => random.pick(ODD_STRINGS)],
    [3, () => random.pick(ODD_NUMBERS)],
    [1, () => random.pick([true, false])],
    [2, () => null],
    [
      2,
      () =>
        random.pick<unknown>([
          [],
          ['a'],
          [1, 2],
          [[[]]],
          [{}],
          [null],
          Array.from({ length: 50 }, (_, i) => i),
        ]),
    ],
    [
      2,
      () =>
        random.pick<unknown>([
          {},
          { a: 1 },
          { $ne: null },
          { $gt: '' },
          { documentId: 'x' },
          { id: 1 },
          { toString: 'x' },
        ]),
    ],
    [1, () => nested(random.pick([20, 200, 2000]), random.chance(0.5))],
  ])();

const UNKNOWN_FIELDS = [
  'shoeSize',
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'locale',
  '$where',
  'constructor',
  'hasOwnProperty',
  '',
];

const relationOddity = (
  random: Random,
  target: IdRef | undefined,
  other: IdRef | undefined
): unknown =>
  random.pick<() => unknown>([
    () => 'nosuchdocument0000000000',
    () => '',
    () => 123456789,
    () => -1,
    () => 1e300,
    () => 1.5,
    () => true,
    () => [],
    () => [null],
    () => ['nosuchdocument0000000000', 'another0000000000000000'],
    () => ({ connect: [{ documentId: 'nosuchdocument0000000000' }] }),
    () => ({ connect: [{ id: 99999999 }] }),
    () => ({ connect: 'nosuchdocument0000000000' }),
    () => ({ connect: [{ documentId: { $ne: null } }] }),
    () => ({ connect: { documentId: target } }),
    () => ({ connect: [{ documentId: target, position: { before: 'nosuchdocument0000000000' } }] }),
    () => ({ connect: [{ documentId: target, position: { after: 1, start: true } }] }),
    () => ({ connect: [target, other] }),
    () => ({ connect: [target], disconnect: [target] }),
    () => ({ disconnect: [{ documentId: 'nosuchdocument0000000000' }] }),
    () => ({ disconnect: 'x' }),
    () => ({ set: [{ documentId: 'nosuchdocument0000000000' }] }),
    () => ({ set: null }),
    () => ({ set: [target, other] }),
    () => ({ set: 'x', connect: [target] }),
    () => ({ documentId: target, locale: 'xx', status: 'draft' }),
    () => ({ id: 'abc' }),
    () => ({ id: { $gt: 0 } }),
    () => ({ firstName: 'Nested', lastName: 'Create', type: 'individual' }),
    () => ({ connect: Array.from({ length: 200 }, (_, i) => `missing${i}`) }),
    () => oddValue(random),
  ])();

/** Where a route's `:id` points: `/customers/:id/...` → `customers`. */
export const resourceOf = (route: FuzzRoute) => route.path.split('/')[1];

/** The content type a route's body writes, from its handler (`phone.create` → `plugin::crm.phone`). */
export const modelOf = (route: FuzzRoute): string | undefined => {
  const [controller, action] = route.handler.replace(/^plugin::crm\./, '').split('.');
  if (controller === 'admin-customer') {
    if (/Connection$/.test(action)) return 'plugin::crm.connection';
    if (/Relationship$/.test(action)) return 'plugin::crm.relationship';
    return 'plugin::crm.customer';
  }
  if (controller === 'import') return 'plugin::crm.import-job';
  return `plugin::crm.${controller}`;
};

export const actionOf = (route: FuzzRoute) =>
  route.handler.replace(/^plugin::crm\./, '').split('.')[1];

const ref = (random: Random, slots: Record<string, number>, resource: string) =>
  new IdRef(resource, random.int(Math.max(1, slots[resource] ?? 1)));

/** A plausible record of a model, so that a single malformation is what the server sees. */
const baseRecord = (
  random: Random,
  model: string,
  slots: Record<string, number>
): Record<string, unknown> => {
  const customer = () => ref(random, slots, 'customers');
  switch (model) {
    case 'plugin::crm.customer':
      return random.chance(0.5)
        ? {
            type: 'individual',
            firstName: 'Fuzz',
            lastName: 'Case',
            phones: [{ type: 'cell', number: '(415) 555-0199' }],
          }
        : {
            type: 'business',
            businessName: 'Fuzz Co',
            emails: [{ type: 'work', address: 'hello@fuzz.example' }],
          };
    case 'plugin::crm.address':
      return {
        type: 'work',
        line1: '1 Fuzz St',
        city: 'Fuzzville',
        country: 'US',
        customer: customer(),
      };
    case 'plugin::crm.phone':
      return { type: 'fax', number: '(415) 555-0100', customer: customer() };
    case 'plugin::crm.email':
      return { type: 'work', address: 'fuzz@example.com', customer: customer() };
    case 'plugin::crm.connection':
      return {
        customer: customer(),
        connectedCustomer: customer(),
        relationshipType: 'friend',
        title: 'Pal',
      };
    case 'plugin::crm.relationship':
      return random.chance(0.5)
        ? { kind: 'loose', customer: customer(), linkedCustomer: customer(), type: 'other' }
        : { kind: 'hierarchical', parent: customer(), child: customer() };
    case 'plugin::crm.contact':
      return {
        firstName: 'Fuzz',
        lastName: 'Contact',
        email: 'fuzz.contact@example.com',
        company: customer(),
      };
    case 'plugin::crm.marketing-list':
      return { name: 'Fuzz list', channel: 'email' };
    default:
      return {};
  }
};

/** The bodies of the routes that are not record writes, in their valid shape. */
const actionBody = (
  random: Random,
  action: string,
  slots: Record<string, number>
): Record<string, unknown> | undefined => {
  switch (action) {
    case 'setPrimary':
      return {
        kind: random.pick(['address', 'phone', 'email']),
        id: ref(random, slots, random.pick(['addresses', 'phones', 'emails'])),
      };
    case 'setPrimaryContact':
      return { customer: ref(random, slots, 'customers') };
    case 'generateLogin':
      return { email: `fuzz${random.int(1e6)}@example.com` };
    case 'comment':
      return { data: { body: 'A fuzzed comment' } };
    case 'addMembers':
      return { contacts: [ref(random, slots, 'contacts')] };
    case 'setMapping':
      return { mapping: { 'First Name': 'firstName', Surname: 'lastName' } };
    case 'decide':
      return { decisions: [{ key: 'initech', action: 'create' }], applyToAll: 'skip' };
    default:
      return undefined;
  }
};

/** One malformation applied to a valid body: a wrong type, an unknown field, a broken relation… */
const malformObject = (
  random: Random,
  body: Record<string, unknown>,
  shape: ModelShape | undefined,
  slots: Record<string, number>
) => {
  const copy: Record<string, unknown> = { ...body };
  const fields = [...new Set([...Object.keys(copy), ...Object.keys(shape?.attributes ?? {})])];
  const relations = Object.entries(shape?.attributes ?? {})
    .filter(([, attribute]) => attribute.type === 'relation')
    .map(([name]) => name);
  const strategy = random.weighted<string>([
    [5, 'wrong type'],
    [2, 'unknown field'],
    [relations.length ? 3 : 0, 'relation syntax'],
    [1, 'missing field'],
    [1, 'two wrong types'],
  ]);
  if (strategy === 'wrong type' || strategy === 'two wrong types') {
    const times = strategy === 'wrong type' ? 1 : 2;
    const changed: string[] = [];
    for (let i = 0; i < times && fields.length; i += 1) {
      const field = random.pick(fields);
      copy[field] = oddValue(random);
      changed.push(field);
    }
    return { value: copy, label: `${strategy} ${changed.join(', ')}` };
  }
  if (strategy === 'unknown field') {
    const field = random.pick(UNKNOWN_FIELDS);
    copy[field] = oddValue(random);
    return { value: copy, label: `unknown field ${JSON.stringify(field)}` };
  }
  if (strategy === 'relation syntax') {
    const field = random.pick(relations);
    const target =
      shape?.attributes[field]?.target === 'plugin::crm.customer' ? 'customers' : 'contacts';
    copy[field] = relationOddity(
      random,
      ref(random, slots, target),
      ref(random, slots, random.pick(['customers', 'contacts', 'phones']))
    );
    return { value: copy, label: `relation syntax ${field}` };
  }
  const present = Object.keys(copy);
  if (present.length) delete copy[random.pick(present)];
  return { value: copy, label: 'missing field' };
};

/** Nested contact points of a customer write, malformed. */
const malformNested = (
  random: Random,
  body: Record<string, unknown>,
  slots: Record<string, number>
) => {
  const plural = random.pick(['addresses', 'phones', 'emails']);
  const item: Record<string, unknown> =
    plural === 'addresses'
      ? { type: 'physical', line1: '2 Nested Rd', city: 'Nest', country: 'US' }
      : plural === 'phones'
        ? { type: 'home', number: '(415) 555-0111' }
        : { type: 'personal', address: 'nested@example.com' };
  const value = random.pick<() => unknown>([
    () => oddValue(random),
    () => [{ ...item, [random.pick(Object.keys(item))]: oddValue(random) }],
    () => [
      {
        ...item,
        documentId: random.pick<unknown>([
          'nosuchdocument0000000000',
          ref(random, slots, plural),
          42,
          { $ne: null },
          null,
        ]),
      },
    ],
    () => [{ ...item, customer: ref(random, slots, 'customers') }],
    () => [{ ...item, isPrimary: 'yes' }],
    () => [item, item, item, item, item, item],
    () => [item, 'string item', 7],
    () => [{ ...item, shoeSize: 44 }],
    () => [{ ...item, ...JSON.parse('{"__proto__": {"polluted": true}}') }],
    () => Array.from({ length: 300 }, () => item),
  ])();
  return { value: { ...body, [plural]: value }, label: `nested ${plural}` };
};

/** Bodies that are not JSON objects, or are JSON only in part. */
const RAW_BODIES: readonly {
  contentType: string;
  text: string;
  label: string;
  headers?: Record<string, string>;
}[] = [
  { contentType: 'application/json', text: '{"data": {"firstName": ', label: 'truncated JSON' },
  { contentType: 'application/json', text: "{'data': {}}", label: 'single-quoted JSON' },
  { contentType: 'application/json', text: '{"data": {"a": 1,}}', label: 'trailing comma' },
  { contentType: 'application/json', text: '', label: 'empty JSON body' },
  { contentType: 'application/json', text: 'null', label: 'JSON null' },
  { contentType: 'application/json', text: '"just a string"', label: 'JSON string' },
  { contentType: 'application/json', text: '12345', label: 'JSON number' },
  { contentType: 'application/json', text: '[{"data": {}}]', label: 'JSON array' },
  { contentType: 'application/json', text: '{"data": NaN}', label: 'NaN literal' },
  {
    contentType: 'application/json',
    text: '{"data": {"firstName": 1e400, "lastName": 123456789012345678901234567890}}',
    label: 'huge numbers',
  },
  {
    contentType: 'application/json',
    text: '{"data": {"firstName": "A", "firstName": {"$ne": 1}, "lastName": "B"}}',
    label: 'duplicate keys',
  },
  {
    contentType: 'application/json',
    text: '{"data": {"__proto__": {"polluted": "yes"}, "firstName": "A", "lastName": "B"}}',
    label: '__proto__ in data',
  },
  {
    contentType: 'application/json',
    text: '{"__proto__": {"data": {"firstName": "A"}, "polluted": "yes"}}',
    label: '__proto__ at the top',
  },
  {
    contentType: 'application/json',
    text: '{"data": {"constructor": {"prototype": {"polluted": "yes"}}, "name": "x"}}',
    label: 'constructor.prototype',
  },
  {
    contentType: 'application/json',
    text: '{"kind": "phone", "id": {"__proto__": {"polluted": "yes"}}, "customer": {"constructor": {"prototype": {"polluted": 1}}}}',
    label: 'prototype keys in action body',
  },
  {
    contentType: 'application/json',
    text: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    label: 'deep JSON arrays',
  },
  {
    contentType: 'application/json',
    text: `{"data": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
    label: 'deep JSON objects',
  },
  { contentType: 'application/json', text: '\u0000\u0001', label: 'control bytes as JSON' },
  {
    contentType: 'application/json; charset=latin1',
    text: '{"data": {}}',
    label: 'unsupported charset',
  },
  {
    contentType: 'application/json; charset=utf-16',
    text: '{"data": {}}',
    label: 'utf-16 charset',
  },
  {
    contentType: 'text/plain',
    text: '{"data": {"firstName": "A", "lastName": "B"}}',
    label: 'JSON as text/plain',
  },
  { contentType: 'application/xml', text: '<data><firstName>A</firstName></data>', label: 'XML' },
  {
    contentType: 'application/x-www-form-urlencoded',
    text: 'data[firstName][$ne]=x&data[__proto__][polluted]=1&data=str',
    label: 'urlencoded oddities',
  },
  {
    contentType: 'application/x-www-form-urlencoded',
    text: 'kind=phone&id[]=a&id[]=b&contacts=x&mapping=y&decisions=z',
    label: 'urlencoded action body',
  },
  {
    contentType: 'multipart/form-data',
    text: 'no boundary here',
    label: 'multipart without boundary',
  },
  {
    contentType: 'multipart/form-data; boundary=XYZ',
    text: '--XYZ\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"firstName":\r\n--XYZ--\r\n',
    label: 'multipart with broken data part',
  },
  {
    contentType: 'multipart/form-data; boundary=XYZ',
    text: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nFirst Name\r\nA',
    label: 'unterminated multipart',
  },
  {
    contentType: 'application/octet-stream',
    text: '\u0089PNG\r\n\u001a\n\u0000\u0000',
    label: 'binary body',
  },
  {
    contentType: 'application/vnd.api+json',
    text: '{"data": {"type": "customers", "attributes": {}}}',
    label: 'JSON:API body',
  },
  {
    contentType: 'application/json',
    text: '{"data": {}}',
    headers: { 'Content-Encoding': 'gzip' },
    label: 'plain body said to be gzip',
  },
  {
    contentType: 'application/json',
    text: '{"data": {}}',
    headers: { 'Content-Encoding': 'br, x-unknown' },
    label: 'unknown content encoding',
  },
  {
    contentType: 'application/json',
    text: `{"data": {"firstName": "${'y'.repeat(1_500_000)}", "lastName": "B"}}`,
    label: 'a 1.5 MB JSON body',
  },
  {
    contentType: 'application/x-www-form-urlencoded',
    text: `data[notes]=${'z'.repeat(300_000)}`,
    label: 'a 300 kB form body',
  },
];

/** CSV files with odd headers or content, for the import upload. */
const CSV_FILES: readonly { content: string | Buffer; label: string }[] = [
  { content: '', label: 'empty file' },
  {
    content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]),
    label: 'binary file',
  },
  { content: '\ufeff', label: 'only a BOM' },
  { content: ',,,\n1,2,3,4\n', label: 'empty header cells' },
  { content: 'First Name,First Name,First Name\nA,B,C\n', label: 'the same header thrice' },
  { content: `${'H'.repeat(50_000)},Last Name\nA,B\n`, label: 'a 50k-character header' },
  {
    content: `${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n${'x,'.repeat(4999)}x\n`,
    label: '5,000 columns',
  },
  { content: 'First\u0000Name,Last Name\nA,B\n', label: 'a NUL in the header' },
  { content: '"First Name,Last Name\nA,B\n', label: 'an unclosed quote in the header' },
  { content: '__proto__,constructor,prototype\nA,B,C\n', label: 'prototype keys as headers' },
  { content: '=cmd|calc,@SUM(1),+1,-1\nA,B,C,D\n', label: 'formula headers' },
  { content: 'First Name;Last Name\tEmail,Phone\nA;B\tc@x.example,1\n', label: 'mixed delimiters' },
  { content: 'First Name,Last Name,SSN\nA,B,078-05-1120\nC,D,not-an-ssn\n', label: 'SSNs' },
  { content: 'First Name,Last Name\r\n\r\n\r\n', label: 'only blank lines' },
  { content: 'First Name,Last Name\n\ud800,\u202eB\n', label: 'lone surrogates and RTL in cells' },
  {
    content: 'Business Name,Company,Email\nAcme,,a@acme.example\n',
    label: 'a customers-style header',
  },
];

const FILTER_OPERATORS = [
  '$eq',
  '$ne',
  '$in',
  '$notIn',
  '$lt',
  '$between',
  '$null',
  '$notNull',
  '$contains',
  '$containsi',
  '$startsWith',
  '$regex',
  '$where',
  '$foo',
  'eq',
  '$or',
  '$and',
  '$not',
];
const ODD_QUERY_VALUES = [
  '1e300',
  '-1',
  'NaN',
  '0',
  '1.5',
  'abc',
  '',
  '99999999999999999999',
  '99999999999',
  '2147483648',
  'Infinity',
  '0x10',
  ' 1',
  '%',
  '\u0000',
  'x'.repeat(3000),
  '[object Object]',
];

/** Query parameters of the standard collection API, malformed, plus the route's own ones. */
const oddQuery = (
  random: Random,
  route: FuzzRoute,
  shape: ModelShape | undefined
): { pairs: [string, string][]; raw?: string; label: string } => {
  const fields = Object.keys(shape?.attributes ?? {});
  const field = () =>
    random.chance(0.7) && fields.length
      ? random.pick(fields)
      : random.pick([
          'unknownField',
          'password',
          'ssnEncrypted',
          'id',
          'documentId',
          '__proto__',
          'constructor',
          'toString',
          'customer.firstName',
        ]);
  const value = () => random.pick(ODD_QUERY_VALUES);
  const action = actionOf(route);
  const ownParams: [string, () => [string, string][]][] = [
    [
      'q',
      () => [
        [
          'q',
          random.pick([
            '',
            'a',
            'ab',
            'x'.repeat(5000),
            '%',
            '\u0000\u0000',
            '"',
            '*',
            '\\',
            "' OR 1=1",
            'ü',
            '555',
            'C-0000',
          ]),
        ],
      ],
    ],
    [
      'q array',
      () => [
        ['q', 'ada'],
        ['q', 'bob'],
      ],
    ],
    // The search needs a valid q to reach its paging.
    [
      'page',
      () => [
        ...(action === 'search' ? ([['q', 'ada']] as [string, string][]) : []),
        [random.pick(['page', 'pageSize', 'pagination[page]', 'pagination[pageSize]']), value()],
      ],
    ],
    ['depth', () => [['depth', random.pick(['0', '4', '-1', '1e300', 'NaN', '2.5', 'three', ''])]]],
    [
      'depth array',
      () => [
        ['depth[]', '1'],
        ['depth[]', '2'],
      ],
    ],
    [
      'status',
      () => [
        [
          'status',
          random.pick(['', ',', 'valid,nope', 'x'.repeat(2000), 'imported,imported', 'VALID']),
        ],
      ],
    ],
    ['includeInactive', () => [['includeInactive', random.pick(['yes', '1', '', 'TRUE'])]]],
    ['includeInactive array', () => [['includeInactive[]', 'true']]],
  ];
  const strategies: [number, string, () => [string, string][]][] = [
    [
      3,
      'filter unknown field/operator',
      () => [[`filters[${field()}][${random.pick(FILTER_OPERATORS)}]`, value()]],
    ],
    [1, 'filter as a string', () => [['filters', random.pick(['abc', '1', ''])]]],
    [
      1,
      'filter array operator misuse',
      () => [
        [`filters[${field()}][$in]`, value()],
        [`filters[${field()}][$between][0]`, value()],
      ],
    ],
    [
      2,
      'deep $or nest',
      () => [[`filters${'[$or][0]'.repeat(random.pick([3, 12, 40]))}[${field()}][$eq]`, value()]],
    ],
    [
      1,
      'filters $and not a list',
      () => [
        ['filters[$and]', 'x'],
        ['filters[$not][$not][$not]', 'y'],
      ],
    ],
    [
      1,
      'relation filter',
      () => [
        [
          `filters[${random.pick(['customer', 'company', 'members', 'contact', 'addresses'])}][${field()}][$eq]`,
          value(),
        ],
      ],
    ],
    [
      2,
      'sort oddity',
      () => [
        [
          random.pick(['sort', 'sort[0]', 'sort[x]']),
          `${field()}:${random.pick(['asc', 'desc', 'sideways', '', 'ASC;DROP'])}`,
        ],
      ],
    ],
    [
      1,
      'sort object',
      () => [
        [`sort[${field()}]`, 'asc'],
        ['sort[0][customer][firstName]', 'asc'],
      ],
    ],
    [
      3,
      'pagination numbers',
      () => [[`pagination[${random.pick(['page', 'pageSize', 'start', 'limit'])}]`, value()]],
    ],
    [
      1,
      'pagination arrays',
      () => [
        ['pagination[page][]', '1'],
        ['pagination[page][]', '2'],
        ['pagination[pageSize][x]', '1'],
      ],
    ],
    [
      1,
      'pagination page and start',
      () => [
        ['pagination[page]', '2'],
        ['pagination[start]', '5'],
        ['pagination[withCount]', random.pick(['maybe', 'false', '1'])],
      ],
    ],
    [
      2,
      'populate unknown or deep',
      () => [
        [
          random.pick(['populate', 'populate[0]', `populate[${field()}]`]),
          random.pick([
            '*',
            'unknownRelation',
            field(),
            'addresses,unknown',
            'true',
            'ssnEncrypted',
            'constructor',
          ]),
        ],
      ],
    ],
    [
      2,
      'populate nested',
      () => [[`populate${'[customer][populate]'.repeat(random.pick([1, 4, 10]))}`, '*']],
    ],
    [
      1,
      'populate with bad sub-query',
      () => [
        [`populate[${field()}][fields][0]`, 'unknown'],
        [`populate[${field()}][filters][x][$eq]`, '1'],
        [`populate[${field()}][sort]`, 'nope:asc'],
      ],
    ],
    [
      2,
      'fields unknown',
      () => [
        [
          random.pick(['fields', 'fields[0]', 'fields[x]']),
          random.pick([
            'unknown',
            'ssnEncrypted',
            '*',
            'id',
            'firstName,unknown',
            '',
            'constructor',
            'hasOwnProperty',
          ]),
        ],
      ],
    ],
    [
      1,
      'status and locale',
      () => [
        ['status', random.pick(['draft', 'published', 'x'])],
        ['locale', random.pick(['xx', '*', 'en'])],
      ],
    ],
    [
      1,
      'unknown parameter',
      () => [
        [random.pick(['foo', 'hasPublishedVersion', 'publicationState', '_q', 'limit']), value()],
      ],
    ],
    [
      1,
      'prototype keys',
      () => [
        ['__proto__[polluted]', '1'],
        ['constructor[prototype][polluted]', '1'],
        ['filters[__proto__][x]', '1'],
      ],
    ],
  ];
  const own = ownParams.filter(([name]) => {
    if (name.startsWith('q')) return action === 'search';
    if (name === 'page') return ['search', 'activity', 'log'].includes(action);
    if (name.startsWith('depth')) return action === 'network';
    if (name === 'status') return action === 'log';
    if (name.startsWith('includeInactive'))
      return route.handler.startsWith('contact.') && action === 'find';
    return false;
  });
  if (random.chance(0.05)) {
    return {
      pairs: [],
      raw: random.pick([
        '%ZZ=1',
        'a=%E0%A4%A',
        'filters[firstName][$eq]=%00',
        '&&&===',
        'populate[=x',
        `${'a'.repeat(200)}[`.repeat(20),
      ]),
      label: 'raw query',
    };
  }
  const pairs: [string, string][] = [];
  const labels: string[] = [];
  // Mostly one malformation at a time: a second one would often be refused first and hide it.
  const times = random.weighted([
    [7, 1],
    [2, 2],
    [1, 3],
  ] as const);
  for (let i = 0; i < times; i += 1) {
    if (own.length && random.chance(0.5)) {
      const [name, make] = random.pick(own);
      pairs.push(...make());
      labels.push(name);
    } else {
      const make = random.weighted(
        strategies.map(([weight, name, build]) => [weight, [name, build]] as const)
      );
      pairs.push(...make[1]());
      labels.push(make[0]);
    }
  }
  return { pairs, label: labels.join(' + ') };
};

/** Path ids: real records, unknown ids and odd strings (already encoded as path segments). */
const ODD_IDS = [
  'nosuchdocument0000000000',
  '..',
  '.',
  '%2e%2e',
  '..%2F..%2Fadmin',
  '%00',
  'abc%00def',
  '%0A%0D',
  '1',
  '-1',
  '0',
  '1e300',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '%20',
  encodeURIComponent("' OR '1'='1"),
  encodeURIComponent('Zoë名🧪'),
  '%ED%A0%80',
  '%FF%FE',
  '%25',
  'a'.repeat(300),
  'a'.repeat(4000),
  encodeURIComponent('{"$ne":null}'),
  'search',
];

const multipartBody = (
  random: Random,
  slots: Record<string, number>
): { body: FuzzBody; label: string } => {
  const file = random.pick(CSV_FILES);
  const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
  const object = random.pick([
    'contacts',
    'customers',
    'planets',
    '',
    'contacts\u0000',
    '__proto__',
  ]);
  const shape = random.weighted<string>([
    [6, 'odd file'],
    [1, 'no file'],
    [1, 'no object'],
    [1, 'two files'],
    [1, 'object twice'],
    [1, 'file under another name'],
    [1, 'odd file name'],
  ]);
  const fields: [string, string][] = shape === 'no object' ? [] : [['object', object]];
  if (shape === 'object twice') fields.push(['object', 'customers']);
  const files: { field: string; filename: string; content: Buffer; contentType?: string }[] = [];
  const csvName = 'fuzz.csv';
  if (shape === 'odd file' || shape === 'object twice')
    files.push({ field: 'file', filename: csvName, content });
  if (shape === 'two files') {
    files.push({
      field: 'file',
      filename: 'one.csv',
      content: Buffer.from('First Name,Last Name\nA,B\n'),
    });
    files.push({ field: 'file', filename: 'two.csv', content });
  }
  if (shape === 'no object') files.push({ field: 'file', filename: csvName, content });
  if (shape === 'file under another name')
    files.push({
      field: random.pick(['files', 'upload', 'object', 'data']),
      filename: csvName,
      content,
    });
  if (shape === 'odd file name') {
    files.push({
      field: 'file',
      filename: random.pick([
        '../../etc/passwd',
        'x'.repeat(1000) + '.csv',
        'name with "quotes".csv',
        'Zoë 名.csv',
        '.csv',
        'a\u202ecsv.exe',
      ]),
      content,
      contentType: random.pick(['text/csv', 'application/zip', 'image/png']),
    });
  }
  void slots;
  return {
    body: { kind: 'multipart', fields, files },
    label: `multipart ${shape}: ${file.label}, object ${JSON.stringify(object)}`,
  };
};

/** The body of one request to a route: mostly malformed versions of what the route takes. */
const drawBody = (
  random: Random,
  route: FuzzRoute,
  models: Record<string, ModelShape>,
  slots: Record<string, number>
): { body: FuzzBody; label: string } => {
  const action = actionOf(route);
  const model = modelOf(route);
  const shape = model ? models[model] : undefined;
  const writes = route.method !== 'GET';
  if (action === 'create' && route.handler.startsWith('import.')) {
    if (random.chance(0.85)) return multipartBody(random, slots);
  }
  if (!writes) {
    // Reads ignore a body; an odd one now and then must not change that.
    if (random.chance(0.1)) {
      const raw = random.pick(RAW_BODIES);
      return {
        body: { kind: 'raw', contentType: raw.contentType, text: raw.text, headers: raw.headers },
        label: `GET with ${raw.label}`,
      };
    }
    return { body: { kind: 'none' }, label: 'no body' };
  }
  if (random.chance(0.2)) {
    const raw = random.pick(RAW_BODIES);
    return {
      body: { kind: 'raw', contentType: raw.contentType, text: raw.text, headers: raw.headers },
      label: raw.label,
    };
  }
  const own = actionBody(random, action, slots);
  const isRecordWrite = ['create', 'update', 'createConnection', 'createRelationship'].includes(
    action
  );
  if (own) {
    const malformed = random.chance(0.15)
      ? { value: oddValue(random), label: 'body of the wrong type' }
      : malformObject(random, own, undefined, slots);
    if (action === 'comment' && random.chance(0.5)) {
      return {
        body: { kind: 'json', value: { data: { body: oddValue(random) } } },
        label: 'comment body of the wrong type',
      };
    }
    return { body: { kind: 'json', value: malformed.value }, label: malformed.label };
  }
  if (isRecordWrite && model) {
    const record = baseRecord(random, model, slots);
    const strategy = random.weighted<string>([
      [6, 'record'],
      [model === 'plugin::crm.customer' ? 3 : 0, 'nested'],
      [1, 'no data wrapper'],
      [1, 'data not an object'],
      [1, 'extra top-level keys'],
      [1, 'empty'],
    ]);
    if (strategy === 'record') {
      const malformed = malformObject(random, record, shape, slots);
      return { body: { kind: 'json', value: { data: malformed.value } }, label: malformed.label };
    }
    if (strategy === 'nested') {
      const malformed = malformNested(random, record, slots);
      return { body: { kind: 'json', value: { data: malformed.value } }, label: malformed.label };
    }
    if (strategy === 'no data wrapper')
      return { body: { kind: 'json', value: record }, label: strategy };
    if (strategy === 'data not an object')
      return { body: { kind: 'json', value: { data: oddValue(random) } }, label: strategy };
    if (strategy === 'extra top-level keys') {
      return {
        body: {
          kind: 'json',
          value: {
            data: record,
            meta: oddValue(random),
            files: oddValue(random),
            [random.pick(UNKNOWN_FIELDS)]: 1,
          },
        },
        label: strategy,
      };
    }
    return {
      body: { kind: 'json', value: random.pick([{}, { data: {} }, []]) },
      label: 'empty body',
    };
  }
  // Routes without a body of their own (delete, start, undo, convert, reveal…): a stray one.
  if (random.chance(0.5)) return { body: { kind: 'none' }, label: 'no body' };
  return {
    body: {
      kind: 'json',
      value: random.chance(0.5)
        ? { data: baseRecord(random, model ?? '', slots) }
        : oddValue(random),
    },
    label: 'stray body',
  };
};

/** Draws `count` requests, cycling through the routes (each cycle in a new order) so each gets its share. */
export const generateRequests = ({
  seed,
  count,
  routes,
  models,
  callers,
  slots,
}: GeneratorInput): FuzzRequest[] => {
  const random = new Random(seed);
  const requests: FuzzRequest[] = [];
  let order: FuzzRoute[] = [];
  for (let index = 0; index < count; index += 1) {
    if (order.length === 0) order = random.shuffle(routes);
    const route = order.pop()!;
    const caller = random.weighted(callers[route.type]);
    const hasId = route.path.includes(':id');
    const id = hasId
      ? random.chance(0.55)
        ? ref(random, slots, resourceOf(route))
        : { literal: random.pick(ODD_IDS) }
      : undefined;
    const { body, label: bodyLabel } = drawBody(random, route, models, slots);
    const wantsQuery = route.method === 'GET' ? random.chance(0.8) : random.chance(0.2);
    const model = modelOf(route);
    const query = wantsQuery
      ? oddQuery(random, route, model ? models[model] : undefined)
      : { pairs: [] as [string, string][], label: '' };
    requests.push({
      index,
      route,
      caller,
      id,
      query: query.pairs,
      rawQuery: query.raw,
      body,
      label: [bodyLabel, query.label && `query: ${query.label}`].filter(Boolean).join('; '),
    });
  }
  return requests;
};
