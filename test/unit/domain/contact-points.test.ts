import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  CONTACT_POINT_TYPES,
  ContactPointLimits,
  DEFAULT_CONTACT_POINT_LIMITS,
  PrimaryCandidate,
  checkContactPointSet,
  choosePrimary,
  defaultContactPointType,
  primaryUpdates,
  resolveContactPointLimits,
} from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

function ofTypes(...types: string[]): { type: string }[] {
  return types.map((type) => ({ type }));
}

const defaults = DEFAULT_CONTACT_POINT_LIMITS;

describe('contact point constants', () => {
  it('lists kinds, types and plurals', () => {
    expect(CONTACT_POINT_KINDS).toEqual(['address', 'phone', 'email']);
    expect(CONTACT_POINT_TYPES).toEqual({
      address: ['physical', 'garage', 'mailing', 'previous', 'work'],
      phone: ['home', 'cell', 'fax', 'work'],
      email: ['personal', 'work'],
    });
    expect(CONTACT_POINT_PLURALS).toEqual({
      address: 'addresses',
      phone: 'phones',
      email: 'emails',
    });
  });

  it('defaults each kind to its first type', () => {
    expect(defaultContactPointType('address')).toBe('physical');
    expect(defaultContactPointType('phone')).toBe('home');
    expect(defaultContactPointType('email')).toBe('personal');
  });

  it('has the agreed default limits for both customer types', () => {
    const expected = { address: 5, phone: 4, email: 2, onePerType: true };
    expect(DEFAULT_CONTACT_POINT_LIMITS).toEqual({ individual: expected, business: expected });
  });
});

describe('resolveContactPointLimits', () => {
  it('returns the defaults without config', () => {
    expect(resolveContactPointLimits()).toEqual(DEFAULT_CONTACT_POINT_LIMITS);
    expect(resolveContactPointLimits({})).toEqual(DEFAULT_CONTACT_POINT_LIMITS);
  });

  it('merges partial config over the defaults per customer type', () => {
    expect(
      resolveContactPointLimits({
        business: { phone: 10, onePerType: false },
        individual: { email: 1 },
      })
    ).toEqual({
      individual: { address: 5, phone: 4, email: 1, onePerType: true },
      business: { address: 5, phone: 10, email: 2, onePerType: false },
    });
  });

  it('returns a fresh object that does not share state with the defaults', () => {
    const limits = resolveContactPointLimits();
    limits.individual.address = 99;
    expect(DEFAULT_CONTACT_POINT_LIMITS.individual.address).toBe(5);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null])(
    'refuses limit %p',
    (limit) => {
      const issues = issuesOf(() =>
        resolveContactPointLimits({ individual: { phone: limit as unknown as number } })
      );
      expect(issues).toEqual([
        {
          path: ['individual', 'phone'],
          rule: 'config.contactPointLimits',
          message: 'individual.phone limit must be a positive integer',
        },
      ]);
    }
  );

  it('reports every bad value at once', () => {
    const issues = issuesOf(() =>
      resolveContactPointLimits({
        individual: { address: 0 },
        business: { email: -2, onePerType: 'yes' as unknown as boolean },
      })
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      ['individual', 'address'],
      ['business', 'email'],
      ['business', 'onePerType'],
    ]);
  });

  it('refuses a config that is not an object', () => {
    expect(issuesOf(() => resolveContactPointLimits(5 as never))[0]!.rule).toBe(
      'config.contactPointLimits'
    );
    expect(
      issuesOf(() => resolveContactPointLimits({ individual: 'x' as never }))[0]!.path
    ).toEqual(['individual']);
  });
});

describe('checkContactPointSet', () => {
  it('accepts an empty set and a set at the limit', () => {
    expect(checkContactPointSet('individual', 'address', [], defaults)).toEqual([]);
    expect(
      checkContactPointSet(
        'individual',
        'address',
        ofTypes('physical', 'garage', 'mailing', 'previous', 'work'),
        defaults
      )
    ).toEqual([]);
    expect(
      checkContactPointSet('business', 'phone', ofTypes('home', 'cell', 'fax', 'work'), defaults)
    ).toEqual([]);
    expect(
      checkContactPointSet('individual', 'email', ofTypes('personal', 'work'), defaults)
    ).toEqual([]);
  });

  describe('limits', () => {
    const noOnePerType: ContactPointLimits = resolveContactPointLimits({
      individual: { onePerType: false },
      business: { onePerType: false },
    });

    it.each([
      ['individual', 'address', 6, 'an individual can have at most 5 addresses'],
      ['business', 'address', 6, 'a business can have at most 5 addresses'],
      ['individual', 'phone', 5, 'an individual can have at most 4 phones'],
      ['business', 'phone', 5, 'a business can have at most 4 phones'],
      ['individual', 'email', 3, 'an individual can have at most 2 emails'],
      ['business', 'email', 3, 'a business can have at most 2 emails'],
    ] as const)('%s %s: %d is over the limit', (customerType, kind, count, message) => {
      const points = Array.from({ length: count }, () => ({ type: CONTACT_POINT_TYPES[kind][0] }));
      expect(checkContactPointSet(customerType, kind, points, noOnePerType)).toEqual([
        { path: [CONTACT_POINT_PLURALS[kind]], rule: 'contactPoint.limit', message },
      ]);
    });

    it('uses the singular when the limit is 1', () => {
      const limits = resolveContactPointLimits({ individual: { address: 1, phone: 1, email: 1 } });
      expect(
        checkContactPointSet('individual', 'address', ofTypes('physical', 'work'), limits)
      ).toEqual([
        {
          path: ['addresses'],
          rule: 'contactPoint.limit',
          message: 'an individual can have at most 1 address',
        },
      ]);
      expect(
        checkContactPointSet('individual', 'phone', ofTypes('home', 'cell'), limits)[0]!.message
      ).toBe('an individual can have at most 1 phone');
      expect(
        checkContactPointSet('individual', 'email', ofTypes('personal', 'work'), limits)[0]!.message
      ).toBe('an individual can have at most 1 email');
    });

    it('applies custom limits per customer type', () => {
      const limits = resolveContactPointLimits({
        business: { phone: 8 },
        individual: { phone: 2, onePerType: false },
      });
      expect(
        checkContactPointSet(
          'business',
          'phone',
          ofTypes('home', 'cell', 'fax', 'work', 'home'),
          limits
        )
      ).toEqual([
        {
          path: ['phones'],
          rule: 'contactPoint.onePerType',
          message: 'a business can have only one home phone',
        },
      ]);
      expect(
        checkContactPointSet('individual', 'phone', ofTypes('cell', 'cell', 'cell'), limits)
      ).toEqual([
        {
          path: ['phones'],
          rule: 'contactPoint.limit',
          message: 'an individual can have at most 2 phones',
        },
      ]);
    });
  });

  describe('one per type', () => {
    it.each([
      [
        'individual',
        'address',
        ['physical', 'physical'],
        'an individual can have only one physical address',
      ],
      [
        'business',
        'address',
        ['work', 'mailing', 'work'],
        'a business can have only one work address',
      ],
      [
        'individual',
        'phone',
        ['cell', 'home', 'cell'],
        'an individual can have only one cell phone',
      ],
      ['business', 'phone', ['fax', 'fax'], 'a business can have only one fax phone'],
      ['individual', 'email', ['work', 'work'], 'an individual can have only one work email'],
      [
        'business',
        'email',
        ['personal', 'personal'],
        'a business can have only one personal email',
      ],
    ] as const)('%s %s %j', (customerType, kind, types, message) => {
      expect(checkContactPointSet(customerType, kind, ofTypes(...types), defaults)).toEqual([
        { path: [CONTACT_POINT_PLURALS[kind]], rule: 'contactPoint.onePerType', message },
      ]);
    });

    it('reports each duplicated type once', () => {
      const issues = checkContactPointSet(
        'individual',
        'phone',
        ofTypes('cell', 'cell', 'home', 'home'),
        defaults
      );
      expect(issues.map((issue) => issue.message)).toEqual([
        'an individual can have only one cell phone',
        'an individual can have only one home phone',
      ]);
      expect(
        checkContactPointSet('individual', 'phone', ofTypes('cell', 'cell', 'cell'), defaults)
      ).toHaveLength(1);
    });

    it('allows repeated types when onePerType is false for that customer type only', () => {
      const limits = resolveContactPointLimits({ business: { onePerType: false } });
      expect(checkContactPointSet('business', 'phone', ofTypes('cell', 'cell'), limits)).toEqual(
        []
      );
      expect(
        checkContactPointSet('individual', 'phone', ofTypes('cell', 'cell'), limits)
      ).toHaveLength(1);
    });

    it('counts a point without a type as the default type', () => {
      const points = [{ type: '' }, { type: 'home' }];
      expect(checkContactPointSet('individual', 'phone', points, defaults)).toEqual([
        {
          path: ['phones'],
          rule: 'contactPoint.onePerType',
          message: 'an individual can have only one home phone',
        },
      ]);
    });

    it('reports both the limit and the duplicates', () => {
      const issues = checkContactPointSet(
        'individual',
        'email',
        ofTypes('work', 'work', 'personal'),
        defaults
      );
      expect(issues).toEqual([
        {
          path: ['emails'],
          rule: 'contactPoint.limit',
          message: 'an individual can have at most 2 emails',
        },
        {
          path: ['emails'],
          rule: 'contactPoint.onePerType',
          message: 'an individual can have only one work email',
        },
      ]);
    });
  });

  describe('types', () => {
    it.each([
      ['address', 'home', 'address type must be one of: physical, garage, mailing, previous, work'],
      ['phone', 'mobile', 'phone type must be one of: home, cell, fax, work'],
      ['email', 'school', 'email type must be one of: personal, work'],
    ] as const)('refuses a %s of type %p', (kind, type, message) => {
      expect(checkContactPointSet('individual', kind, ofTypes(type), defaults)).toEqual([
        { path: [CONTACT_POINT_PLURALS[kind]], rule: 'field.enum', message },
      ]);
    });

    it('reports an unknown type once and never as a duplicate', () => {
      expect(
        checkContactPointSet('individual', 'phone', ofTypes('mobile', 'mobile'), defaults)
      ).toEqual([
        {
          path: ['phones'],
          rule: 'field.enum',
          message: 'phone type must be one of: home, cell, fax, work',
        },
      ]);
    });
  });

  it('returns issues instead of throwing', () => {
    expect(() =>
      checkContactPointSet('individual', 'email', ofTypes('x', 'x', 'x'), defaults)
    ).not.toThrow();
  });
});

describe('choosePrimary', () => {
  const point = (
    id: number,
    isPrimary: boolean,
    createdAt: string | Date | null
  ): PrimaryCandidate => ({ id, isPrimary, createdAt });

  it('returns null for an empty list', () => {
    expect(choosePrimary([])).toBeNull();
    expect(choosePrimary([], 3)).toBeNull();
  });

  it('lets the preferred point win over one already marked', () => {
    const points = [point(1, true, '2024-01-01T00:00:00Z'), point(2, true, '2024-02-01T00:00:00Z')];
    expect(choosePrimary(points, 2)).toBe(2);
  });

  it('lets the preferred point win even when it is not marked yet', () => {
    expect(choosePrimary([point(1, true, '2024-01-01'), point(2, false, '2024-02-01')], 2)).toBe(2);
  });

  it('ignores a preferred id that is not in the list', () => {
    expect(choosePrimary([point(1, false, '2024-01-01'), point(2, true, '2024-02-01')], 99)).toBe(
      2
    );
    expect(choosePrimary([point(1, false, '2024-01-01'), point(2, true, '2024-02-01')], null)).toBe(
      2
    );
  });

  it('keeps the single marked point', () => {
    expect(
      choosePrimary([
        point(1, false, '2024-01-01'),
        point(2, true, '2024-03-01'),
        point(3, false, '2024-02-01'),
      ])
    ).toBe(2);
  });

  it('keeps the oldest of several marked points', () => {
    const points = [
      point(1, false, '2023-01-01'),
      point(2, true, '2024-03-01'),
      point(3, true, '2024-02-01'),
      point(4, true, '2024-04-01'),
    ];
    expect(choosePrimary(points)).toBe(3);
  });

  it('picks the oldest point when none is marked', () => {
    expect(
      choosePrimary([
        point(5, false, '2024-03-01'),
        point(6, false, '2024-01-01'),
        point(7, false, '2024-02-01'),
      ])
    ).toBe(6);
  });

  it('breaks ties on createdAt by the lower id', () => {
    expect(
      choosePrimary([
        point(9, false, '2024-01-01T00:00:00Z'),
        point(4, false, '2024-01-01T00:00:00Z'),
      ])
    ).toBe(4);
    expect(
      choosePrimary([
        point(9, true, '2024-01-01T00:00:00Z'),
        point(4, true, '2024-01-01T00:00:00Z'),
        point(1, false, '2023-01-01'),
      ])
    ).toBe(4);
  });

  it('compares Date objects and strings alike', () => {
    expect(
      choosePrimary([
        point(1, false, '2024-02-01T00:00:00Z'),
        point(2, false, new Date('2024-01-01T00:00:00Z')),
      ])
    ).toBe(2);
  });

  it('sorts points with no or an unreadable createdAt last, then by id', () => {
    expect(choosePrimary([point(1, false, null), point(2, false, '2024-05-01')])).toBe(2);
    expect(choosePrimary([point(1, false, 'not a date'), point(2, false, '2024-05-01')])).toBe(2);
    expect(choosePrimary([point(3, false, null), point(2, false, null)])).toBe(2);
  });

  it('does not reorder its input', () => {
    const points = [point(2, false, '2024-02-01'), point(1, false, '2024-01-01')];
    choosePrimary(points);
    expect(points.map((p) => p.id)).toEqual([2, 1]);
  });
});

describe('primaryUpdates', () => {
  const point = (id: number, isPrimary: boolean, createdAt: string | null): PrimaryCandidate => ({
    id,
    isPrimary,
    createdAt,
  });

  it('is empty for an empty list', () => {
    expect(primaryUpdates([])).toEqual([]);
  });

  it('is empty when exactly the right point is already primary', () => {
    expect(primaryUpdates([point(1, true, '2024-01-01'), point(2, false, '2024-02-01')])).toEqual(
      []
    );
    expect(
      primaryUpdates([point(1, false, '2024-01-01'), point(2, true, '2024-02-01')], 2)
    ).toEqual([]);
  });

  it('promotes the oldest point when none is marked', () => {
    expect(primaryUpdates([point(1, false, '2024-02-01'), point(2, false, '2024-01-01')])).toEqual([
      { id: 2, isPrimary: true },
    ]);
  });

  it('demotes the other marked points when the preferred one is saved', () => {
    expect(
      primaryUpdates(
        [point(1, true, '2024-01-01'), point(2, true, '2024-02-01'), point(3, false, '2024-03-01')],
        2
      )
    ).toEqual([{ id: 1, isPrimary: false }]);
  });

  it('demotes the newer marked points, keeping the oldest', () => {
    expect(
      primaryUpdates([
        point(1, true, '2024-03-01'),
        point(2, true, '2024-01-01'),
        point(3, true, '2024-02-01'),
      ])
    ).toEqual([
      { id: 1, isPrimary: false },
      { id: 3, isPrimary: false },
    ]);
  });

  it('puts demotions before the promotion', () => {
    expect(
      primaryUpdates([point(1, true, '2024-01-01'), point(2, false, '2024-02-01')], 2)
    ).toEqual([
      { id: 1, isPrimary: false },
      { id: 2, isPrimary: true },
    ]);
  });

  it('always leaves exactly the chosen point primary', () => {
    const cases: [PrimaryCandidate[], number | null][] = [
      [[point(1, true, '2024-01-01'), point(2, true, '2024-01-01'), point(3, false, null)], null],
      [[point(1, false, null), point(2, false, null), point(3, true, '2020-01-01')], 1],
      [[point(4, false, '2024-01-01')], null],
      [[point(4, true, '2024-01-01'), point(5, true, null)], 5],
    ];
    for (const [points, preferredId] of cases) {
      const updates = primaryUpdates(points, preferredId);
      const after = points.map((p) => ({
        ...p,
        isPrimary: updates.find((u) => u.id === p.id)?.isPrimary ?? p.isPrimary,
      }));
      const primaries = after.filter((p) => p.isPrimary).map((p) => p.id);
      expect(primaries).toEqual([choosePrimary(points, preferredId)]);
      // Minimal: every update changes a value.
      for (const update of updates) {
        expect(points.find((p) => p.id === update.id)!.isPrimary).not.toBe(update.isPrimary);
      }
    }
  });
});
