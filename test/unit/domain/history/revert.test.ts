import { historyDateBound } from '../../../../src/plugins/crm/server/src/domain/history/query';
import { historyRetentionCutoff } from '../../../../src/plugins/crm/server/src/domain/history/retention';
import {
  planRevert,
  revertFieldShapes,
  sameHistoryValue,
  writableValue,
} from '../../../../src/plugins/crm/server/src/domain/history/revert';

const acme = { documentId: 'acme', label: 'Acme' };
const globex = { documentId: 'globex', label: 'Globex' };
const shapes = revertFieldShapes({
  firstName: { type: 'string' },
  company: { type: 'relation', relation: 'manyToOne' },
  marketingLists: { type: 'relation', relation: 'manyToMany' },
  settings: { type: 'json' },
});

describe('reverting a history entry', () => {
  it('reads how each field is written back from the attributes', () => {
    expect(shapes).toEqual({
      firstName: 'scalar',
      company: 'toOne',
      marketingLists: 'toMany',
      settings: 'json',
    });
  });

  it('writes back the values before an update while the fields are as the entry left them', () => {
    const plan = planRevert(
      {
        action: 'update',
        changes: [
          { field: 'firstName', before: 'Jane', after: 'Janet' },
          { field: 'company', before: acme, after: globex },
          { field: 'marketingLists', before: [], after: [acme] },
        ],
      },
      'contact',
      // Labels may differ since: relations compare by documentId.
      { firstName: 'Janet', company: { ...globex, label: 'Globex Inc' }, marketingLists: [acme] },
      shapes
    );
    expect(plan).toEqual({
      ok: true,
      operation: 'update',
      data: {
        firstName: 'Jane',
        company: { connect: [{ documentId: 'acme' }] },
        marketingLists: { set: [] },
      },
    });
  });

  it('clears a relation that was empty before', () => {
    const plan = planRevert(
      { action: 'update', changes: [{ field: 'company', before: null, after: acme }] },
      'contact',
      { company: acme },
      shapes
    );
    expect(plan).toEqual({ ok: true, operation: 'update', data: { company: null } });
  });

  it('refuses with a 409 naming each field changed since', () => {
    const plan = planRevert(
      {
        action: 'update',
        changes: [
          { field: 'firstName', before: 'Jane', after: 'Janet' },
          { field: 'company', before: acme, after: globex },
        ],
      },
      'contact',
      { firstName: 'Jo', company: acme },
      shapes
    );
    expect(plan).toEqual({
      ok: false,
      status: 409,
      message: 'company, firstName changed since this entry',
      fields: ['company', 'firstName'],
    });
  });

  it('refuses an SSN change (only its mask is known) and an erased value', () => {
    const ssn = planRevert(
      { action: 'update', changes: [{ field: 'ssn', before: '***-**-1234', after: null }] },
      'customer',
      { ssn: null },
      {}
    );
    expect(ssn).toMatchObject({ ok: false, status: 409, fields: ['ssn'] });
    expect(!ssn.ok && ssn.message).toMatch(/^ssn: .*mask/);
    const erased = planRevert(
      { action: 'update', changes: [{ field: 'lastName', before: '[erased]', after: 'X' }] },
      'customer',
      { lastName: 'X' },
      {}
    );
    expect(erased).toMatchObject({ ok: false, status: 409, fields: ['lastName'] });
    const number = planRevert(
      { action: 'update', changes: [{ field: 'customerNumber', before: 'C-1', after: 'C-2' }] },
      'customer',
      { customerNumber: 'C-2' },
      {}
    );
    expect(number).toMatchObject({ ok: false, status: 400, fields: ['customerNumber'] });
  });

  it('refuses an update of a record deleted since', () => {
    expect(
      planRevert(
        { action: 'update', changes: [{ field: 'firstName', before: 'A', after: 'B' }] },
        'customer',
        null,
        {}
      )
    ).toMatchObject({ ok: false, status: 409 });
  });

  it('deletes a created record unless it changed since', () => {
    const entry = {
      action: 'create' as const,
      changes: [
        { field: 'number', before: null, after: '+15550100' },
        { field: 'customer', before: null, after: acme },
      ],
    };
    expect(
      planRevert(entry, 'phone', { number: '+15550100', customer: acme, type: null }, shapes)
    ).toEqual({ ok: true, operation: 'delete' });
    expect(
      planRevert(entry, 'phone', { number: '+15550100', customer: acme, type: 'work' }, shapes)
    ).toMatchObject({ ok: false, status: 409, fields: ['type'] });
    expect(planRevert(entry, 'phone', null, shapes)).toMatchObject({ ok: false, status: 409 });
  });

  it('creates a deleted contact point, connection or relationship again, and no other record', () => {
    const entry = {
      action: 'delete' as const,
      changes: [
        { field: 'number', before: '+15550100', after: null },
        { field: 'isPrimary', before: false, after: null },
        { field: 'customer', before: acme, after: null },
      ],
    };
    expect(planRevert(entry, 'phone', null, { customer: 'toOne' })).toEqual({
      ok: true,
      operation: 'create',
      data: {
        number: '+15550100',
        isPrimary: false,
        customer: { connect: [{ documentId: 'acme' }] },
      },
    });
    expect(planRevert(entry, 'phone', { number: '+15550100' }, {})).toMatchObject({
      ok: false,
      status: 409,
    });
    const customer = planRevert(entry, 'customer', null, {});
    expect(customer).toMatchObject({ ok: false, status: 400 });
    expect(!customer.ok && customer.message).toMatch(/customer cannot be restored/);
  });

  it('compares empty text as no value and relations by documentId', () => {
    expect(sameHistoryValue('', null)).toBe(true);
    expect(sameHistoryValue(acme, { ...acme, label: 'other' })).toBe(true);
    expect(sameHistoryValue([acme, globex], [globex, acme])).toBe(true);
    expect(sameHistoryValue(acme, globex)).toBe(false);
    expect(sameHistoryValue(0, null)).toBe(false);
  });

  it('parses a JSON value back', () => {
    expect(writableValue('{"a":1}', 'json')).toEqual({ a: 1 });
    expect(writableValue('', 'json')).toBeNull();
    expect(writableValue('', 'scalar')).toBeNull();
  });
});

describe('history retention', () => {
  const now = new Date('2026-03-31T12:00:00.000Z');

  it('keeps everything without a retention', () => {
    expect(historyRetentionCutoff(now, null)).toBeNull();
    expect(historyRetentionCutoff(now, undefined)).toBeNull();
  });

  it('prunes what is older than the retention in days', () => {
    expect(historyRetentionCutoff(now, 30)?.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(historyRetentionCutoff(now, 1)?.toISOString()).toBe('2026-03-30T12:00:00.000Z');
  });

  it('refuses a retention that is not a positive whole number of days', () => {
    for (const days of [0, -1, 1.5, Number.NaN])
      expect(() => historyRetentionCutoff(now, days)).toThrow(/positive integer/);
  });
});

describe('the date bounds of a history query', () => {
  it('reads a day as its first moment (from) or its last (to), in UTC', () => {
    expect(historyDateBound('2026-03-01', 'from')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(historyDateBound('2026-03-01', 'to')?.toISOString()).toBe('2026-03-01T23:59:59.999Z');
  });

  it('reads a date and time, UTC unless it names its offset', () => {
    expect(historyDateBound('2026-03-01T10:30:00Z', 'to')?.toISOString()).toBe(
      '2026-03-01T10:30:00.000Z'
    );
    expect(historyDateBound('2026-03-01T10:30', 'from')?.toISOString()).toBe(
      '2026-03-01T10:30:00.000Z'
    );
    expect(historyDateBound('2026-03-01T10:30:00.5+02:00', 'from')?.toISOString()).toBe(
      '2026-03-01T08:30:00.500Z'
    );
  });

  it('refuses what is not an ISO date', () => {
    for (const text of [
      'yesterday',
      '2026-02-30',
      '2026-13-01',
      '01/03/2026',
      '2026-03-01T25:00',
      '',
    ])
      expect([text, historyDateBound(text, 'from')]).toEqual([text, null]);
  });
});
