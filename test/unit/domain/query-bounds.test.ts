import {
  DomainValidationError,
  MAX_OFFSET,
  MAX_PAGE,
  assertPagination,
  assertRelatedWithin,
  describeRelations,
  judgePopulate,
  pageNumber,
  parsePopulate,
  wholeNumber,
  type ModelRelations,
  type PopulateLevel,
} from '../../../src/plugins/crm/server/src/domain';

/** A level as nested plain data, for readable expectations. */
const shape = (level: PopulateLevel): unknown => ({
  ...(level.all ? { '*': true } : {}),
  ...Object.fromEntries(
    level.nodes.map((node) => [
      node.attribute,
      {
        ...(node.countOnly ? { count: true } : {}),
        ...(node.children.all || node.children.nodes.length
          ? { populate: shape(node.children) }
          : {}),
        ...(Object.keys(node.fragments).length
          ? {
              on: Object.fromEntries(
                Object.entries(node.fragments).map(([uid, fragment]) => [uid, shape(fragment)])
              ),
            }
          : {}),
      },
    ])
  ),
});

describe('parsePopulate reads every syntax Strapi accepts into one tree', () => {
  it.each<[string, unknown, unknown]>([
    ['nothing', undefined, {}],
    ['*', '*', { '*': true }],
    ['true', true, { '*': true }],
    ['a,b', 'company, marketingLists', { company: {}, marketingLists: {} }],
    ['a.b', 'company.addresses', { company: { populate: { addresses: {} } } }],
    ['a.*', 'company.*', { company: { populate: { '*': true } } }],
    [
      '[0]=a&[1]=a.b',
      ['company', 'company.addresses,manager'],
      { company: { populate: { addresses: {} } }, manager: {} },
    ],
    ['[a]=true', { company: 'true' }, { company: {} }],
    ['[a]=false', { company: 'false', manager: false, user: '0' }, {}],
    ['[a]=*', { company: '*' }, { company: {} }],
    ['[a]=true (boolean)', { company: true }, { company: {} }],
    [
      '[a][populate][b]=true',
      { company: { populate: { addresses: 'true' } } },
      { company: { populate: { addresses: {} } } },
    ],
    ['[a][populate]=*', { company: { populate: '*' } }, { company: { populate: { '*': true } } }],
    [
      '[a][populate]=b,c',
      { company: { populate: 'addresses,phones' } },
      { company: { populate: { addresses: {}, phones: {} } } },
    ],
    [
      '[a][populate][0]=b.c',
      { company: { populate: ['primaryContact.emails'] } },
      { company: { populate: { primaryContact: { populate: { emails: {} } } } } },
    ],
    [
      '[a][fields]',
      { company: { fields: ['businessName'], filters: { type: 'business' }, sort: 'id' } },
      { company: {} },
    ],
    ['[a][count]=true', { members: { count: 'true' } }, { members: { count: true } }],
    ['[a][count]=false', { members: { count: 'false' } }, { members: {} }],
    [
      'sanitised wildcard under an attribute',
      { company: { addresses: true, phones: true } },
      { company: {} },
    ],
    [
      'on fragments',
      { blocks: { on: { 'x.quote': { populate: { author: true } }, 'x.image': true } } },
      { blocks: { on: { 'x.quote': { author: {} }, 'x.image': {} } } },
    ],
  ])('%s', (_label, value, expected) => {
    expect(shape(parsePopulate(value))).toEqual(expected);
  });

  it('merges the same attribute named twice', () => {
    expect(shape(parsePopulate({ company: { populate: { addresses: true } } }))).toEqual(
      shape(parsePopulate(['company', 'company.addresses']))
    );
  });

  it('ignores values that are not populate syntax', () => {
    expect(shape(parsePopulate(42))).toEqual({});
    expect(shape(parsePopulate([{ company: true }, 7]))).toEqual({});
  });
});

const CUSTOMER = 'plugin::crm.customer';
const CONTACT = 'plugin::crm.contact';
const LIST = 'plugin::crm.marketing-list';
const ADDRESS = 'plugin::crm.address';
const USER = 'plugin::users-permissions.user';

const MODELS: Record<string, ModelRelations> = {
  [CUSTOMER]: describeRelations(
    {
      firstName: { type: 'string' },
      addresses: { type: 'relation', relation: 'oneToMany', target: ADDRESS },
      phones: { type: 'relation', relation: 'oneToMany', target: 'plugin::crm.phone' },
      emails: { type: 'relation', relation: 'oneToMany', target: 'plugin::crm.email' },
      primaryContact: { type: 'relation', relation: 'manyToOne', target: CUSTOMER },
    },
    ['addresses', 'phones', 'emails']
  ),
  [ADDRESS]: describeRelations({
    city: { type: 'string' },
    customer: { type: 'relation', relation: 'manyToOne', target: CUSTOMER },
  }),
  [CONTACT]: describeRelations({
    company: { type: 'relation', relation: 'manyToOne', target: CUSTOMER },
    user: { type: 'relation', relation: 'manyToOne', target: USER },
    marketingLists: { type: 'relation', relation: 'manyToMany', target: LIST },
    activities: { type: 'relation', relation: 'oneToMany', target: 'plugin::crm.activity' },
  }),
  [LIST]: describeRelations({
    name: { type: 'string' },
    members: { type: 'relation', relation: 'manyToMany', target: CONTACT },
  }),
  [USER]: describeRelations({
    role: { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.role' },
  }),
  'plugin::users-permissions.role': describeRelations({
    users: { type: 'relation', relation: 'oneToMany', target: USER },
  }),
};
const relationsOf = (uid: string) => MODELS[uid];
const judge = (model: string, populate: unknown, options = {}) =>
  judgePopulate(populate, model, relationsOf, options);
const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainValidationError);
    return (error as DomainValidationError).issues[0];
  }
  throw new Error('expected a refusal');
};

describe('describeRelations', () => {
  it('tells to-one, bounded and unbounded attributes apart', () => {
    expect(MODELS[CUSTOMER]).toEqual({
      addresses: { size: 'bounded', target: ADDRESS },
      phones: { size: 'bounded', target: 'plugin::crm.phone' },
      emails: { size: 'bounded', target: 'plugin::crm.email' },
      primaryContact: { size: 'one', target: CUSTOMER },
    });
    expect(MODELS[CONTACT].marketingLists.size).toBe('unbounded');
    expect(MODELS[CONTACT].activities.size).toBe('unbounded');
  });

  it('reads components, media, dynamic zones and polymorphic relations', () => {
    expect(
      describeRelations({
        seo: { type: 'component', component: 'shared.seo' },
        steps: { type: 'component', component: 'shared.step', repeatable: true },
        avatar: { type: 'media' },
        gallery: { type: 'media', multiple: true },
        blocks: { type: 'dynamiczone' },
        related: { type: 'relation', relation: 'morphToMany' },
        owner: { type: 'relation', relation: 'oneToOne', target: USER },
      })
    ).toEqual({
      seo: { size: 'one', target: 'shared.seo' },
      steps: { size: 'unbounded', target: 'shared.step' },
      avatar: { size: 'one', target: 'plugin::upload.file' },
      gallery: { size: 'unbounded', target: 'plugin::upload.file' },
      blocks: { size: 'unbounded' },
      related: { size: 'unbounded' },
      owner: { size: 'one', target: USER },
    });
  });
});

describe('judgePopulate', () => {
  it('lets ordinary populates through without counting anything', () => {
    expect(judge(CUSTOMER, '*')).toEqual([]);
    expect(judge(CUSTOMER, { primaryContact: { populate: '*' } })).toEqual([]);
    expect(judge(CONTACT, { company: { populate: 'addresses' } })).toEqual([]);
    expect(judge(CONTACT, 'company.addresses,user.role')).toEqual([]);
    expect(judge(ADDRESS, { customer: { populate: '*' } })).toEqual([]);
  });

  it('counts unbounded relations at the first level, in every syntax', () => {
    expect(judge(LIST, 'members')).toEqual([{ attribute: 'members', target: CONTACT }]);
    expect(judge(LIST, '*')).toEqual([{ attribute: 'members', target: CONTACT }]);
    expect(judge(LIST, { members: { fields: ['firstName'] } })).toEqual([
      { attribute: 'members', target: CONTACT },
    ]);
    expect(
      judge(CONTACT, ['marketingLists', 'activities', 'company']).map(
        (relation) => relation.attribute
      )
    ).toEqual(['marketingLists', 'activities']);
    expect(judge(LIST, { members: { populate: 'company' } })).toEqual([
      { attribute: 'members', target: CONTACT },
    ]);
  });

  it('never counts a count-only entry', () => {
    expect(judge(LIST, { members: { count: true } })).toEqual([]);
    expect(
      judge(CONTACT, { marketingLists: { populate: { members: { count: 'true' } } } })
    ).toEqual([{ attribute: 'marketingLists', target: LIST }]);
  });

  it.each<[string, string, unknown, string]>([
    [
      'nested object',
      CONTACT,
      { company: { populate: { addresses: { populate: 'customer' } } } },
      'company.addresses.customer is 3',
    ],
    [
      'dotted',
      CONTACT,
      'company.primaryContact.addresses',
      'company.primaryContact.addresses is 3',
    ],
    [
      'array',
      CONTACT,
      ['company', 'company.primaryContact.addresses'],
      'company.primaryContact.addresses is 3',
    ],
    [
      'wildcard',
      CUSTOMER,
      { primaryContact: { populate: { primaryContact: { populate: '*' } } } },
      'primaryContact.primaryContact.addresses is 3',
    ],
    [
      'through a user',
      CONTACT,
      { user: { populate: { role: { populate: 'users' } } } },
      'user.role.users is 3',
    ],
  ])('refuses a third level (%s)', (_label, model, populate, path) => {
    const issue = refusal(() => judge(model, populate));
    expect(issue.rule).toBe('populate.depth');
    expect(issue.message).toBe(`populate goes at most 2 levels deep (${path})`);
  });

  it('takes another depth', () => {
    expect(judge(CONTACT, 'company.primaryContact.addresses', { maxDepth: 3 })).toEqual([]);
    expect(refusal(() => judge(CONTACT, 'company.addresses', { maxDepth: 1 })).message).toMatch(
      'at most 1 levels deep'
    );
  });

  it.each<[string, string, unknown, string]>([
    ['object', CONTACT, { marketingLists: { populate: 'members' } }, 'marketingLists.members'],
    ['dotted', CONTACT, 'marketingLists.members', 'marketingLists.members'],
    ['wildcard', LIST, { members: { populate: '*' } }, 'members.marketingLists'],
    ['under a to-one', USER, 'role.users', 'role.users'],
  ])(
    'refuses an unbounded relation under another relation (%s)',
    (_label, model, populate, path) => {
      const issue = refusal(() =>
        judge(model, populate, {
          maxRelated: 1000,
          pagedAlternative: (owner: string, attribute: string) => `GET /${owner}/${attribute}`,
        })
      );
      expect(issue.rule).toBe('populate.nested');
      expect(issue.path).toEqual(['populate', ...path.split('.')]);
      expect(issue.message).toMatch(`populate of ${path} is refused`);
      expect(issue.message).toMatch(
        'only at the first level, for at most 1,000 related records per request'
      );
    }
  );

  it('points to the paged alternative of the nested relation', () => {
    const issue = refusal(() =>
      judge(CONTACT, 'marketingLists.members', {
        pagedAlternative: (owner: string, attribute: string) =>
          owner === LIST && attribute === 'members'
            ? 'GET /api/crm/contacts?filters[marketingLists][documentId]=…'
            : undefined,
      })
    );
    expect(issue.message).toMatch(
      /page through them instead: GET \/api\/crm\/contacts\?filters\[marketingLists\]\[documentId\]=…$/
    );
  });

  it('skips names that are not attributes of the model', () => {
    expect(
      judge(CUSTOMER, { nothing: { populate: { deeper: { populate: 'still' } } }, firstName: true })
    ).toEqual([]);
    expect(judge('plugin::unknown.model', 'a.b.c.d')).toEqual([]);
  });
});

describe('assertRelatedWithin', () => {
  it('lets a request through up to the limit', () => {
    expect(() =>
      assertRelatedWithin(LIST, [{ attribute: 'members', count: 1000 }], 1000)
    ).not.toThrow();
    expect(() => assertRelatedWithin(LIST, [], 1000)).not.toThrow();
  });

  it('refuses past the limit, summing every relation counted', () => {
    const issue = refusal(() =>
      assertRelatedWithin(
        CONTACT,
        [
          { attribute: 'marketingLists', count: 600 },
          { attribute: 'activities', count: 700 },
        ],
        1000,
        {
          pagedAlternative: (_model: string, attribute: string) =>
            attribute === 'activities' ? 'GET /api/crm/contacts/:id/activity' : undefined,
        }
      )
    );
    expect(issue).toEqual({
      path: ['populate', 'activities'],
      rule: 'populate.size',
      message:
        'populate would load 1,300 related records (marketingLists: 600, activities: 700), more than the 1,000 a request may load; ' +
        'page through them instead: GET /api/crm/contacts/:id/activity',
    });
  });
});

describe('whole numbers in query strings', () => {
  const page = (value: unknown) => pageNumber.safeParse(value);

  it.each(['1', '25', '1000000', 7])('accepts %p', (value) => {
    expect(page(value)).toEqual({ success: true, data: Number(value) });
  });

  it.each([
    '1e300',
    '1e3',
    '0',
    '-1',
    '1.5',
    '2.0',
    '0x10',
    ' 2',
    'abc',
    '',
    '1000001',
    '99999999999999999999',
    ['2'],
    { a: 1 },
    null,
    1.5,
    Number.NaN,
    Infinity,
  ])('refuses %p, naming the range', (value) => {
    const parsed = page(value);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(parsed.error.issues[0].message).toBe('must be a whole number from 1 to 1,000,000');
  });

  it('takes its own range, and -1 where Strapi reads it as "all"', () => {
    expect(wholeNumber(1, 3).safeParse('3').success).toBe(true);
    expect(wholeNumber(1, 3).safeParse('4').success).toBe(false);
    expect(wholeNumber(1, 10, { allowAll: true }).safeParse('-1')).toEqual({
      success: true,
      data: -1,
    });
    expect(wholeNumber(1, 10, { allowAll: true }).safeParse('-2').success).toBe(false);
    expect(wholeNumber(1, 10).safeParse('-1').success).toBe(false);
  });

  it('gives a default when the parameter is absent', () => {
    expect(pageNumber.default(1).parse(undefined)).toBe(1);
  });
});

describe('assertPagination', () => {
  it('accepts Strapi pagination within bounds', () => {
    expect(() => assertPagination(undefined)).not.toThrow();
    expect(() =>
      assertPagination({ page: '2', pageSize: '100', withCount: 'false' })
    ).not.toThrow();
    expect(() => assertPagination({ start: String(MAX_OFFSET), limit: '-1' })).not.toThrow();
    expect(() => assertPagination({ page: String(MAX_PAGE), pageSize: '500' })).not.toThrow();
  });

  it.each<[Record<string, unknown>, string]>([
    [{ page: '1e300' }, 'pagination[page]: must be a whole number from 1 to 1,000,000'],
    [{ page: '-3' }, 'pagination[page]: must be a whole number from 1 to 1,000,000'],
    [{ page: ['1'] }, 'pagination[page]: must be a whole number from 1 to 1,000,000'],
    [{ pageSize: '2.5' }, 'pagination[pageSize]: must be a whole number from 1 to 1,000,000'],
    [{ start: '1e300' }, 'pagination[start]: must be a whole number from 0 to 100,000,000'],
    [{ start: '-1' }, 'pagination[start]: must be a whole number from 0 to 100,000,000'],
    [
      { limit: 'all' },
      'pagination[limit]: must be a whole number from 1 to 1,000,000, or -1 for all',
    ],
  ])('refuses %p, naming the parameter', (pagination, message) => {
    const issue = refusal(() => assertPagination(pagination));
    expect(issue.rule).toBe('pagination.range');
    expect(issue.message).toBe(message);
  });

  it('names every bad parameter at once', () => {
    try {
      assertPagination({ page: 'x', pageSize: 'y' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as DomainValidationError).message).toBe(
        'pagination[page]: must be a whole number from 1 to 1,000,000; pagination[pageSize]: must be a whole number from 1 to 1,000,000'
      );
    }
  });

  it.each(['5', ['1'], null])('refuses pagination=%p that is not an object', (pagination) => {
    expect(refusal(() => assertPagination(pagination)).rule).toBe('pagination.shape');
  });
});
