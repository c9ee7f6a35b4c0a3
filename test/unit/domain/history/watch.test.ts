import { historyWatchSet, membershipWatch } from '../../../../src/plugins/crm/server/src/domain';

describe('what a write watches beside its record', () => {
  it('watches the sibling contact points of the same kind for every contact point write', () => {
    expect(historyWatchSet('phone', 'create')).toEqual(['siblingPoints']);
    expect(historyWatchSet('email', 'update')).toEqual(['self', 'siblingPoints']);
    expect(historyWatchSet('address', 'delete')).toEqual(['self', 'siblingPoints']);
  });

  it("watches a connection's two customers (the primary contact is on the business)", () => {
    expect(historyWatchSet('connection', 'create')).toEqual(['sides']);
    expect(historyWatchSet('connection', 'update')).toEqual(['self', 'sides']);
    expect(historyWatchSet('connection', 'delete')).toEqual(['self', 'sides']);
  });

  it('watches what goes with a deleted customer or contact', () => {
    expect(historyWatchSet('customer', 'delete')).toEqual(['self', 'dependants']);
    expect(historyWatchSet('contact', 'delete')).toEqual(['self', 'dependants']);
    expect(historyWatchSet('customer', 'update')).toEqual(['self']);
    expect(historyWatchSet('customer', 'create')).toEqual([]);
  });

  it('watches only the record itself for relationships and activity entries', () => {
    expect(historyWatchSet('relationship', 'create')).toEqual([]);
    expect(historyWatchSet('relationship', 'update')).toEqual(['self']);
    expect(historyWatchSet('activity', 'delete')).toEqual(['self']);
  });
});

describe('the contacts a marketing-list write may add or remove', () => {
  it('is nobody when membership is left alone', () => {
    expect(membershipWatch({ kind: 'unchanged' })).toEqual({ refs: [], currentMembers: false });
  });

  it('is the named contacts and the current members when the list is replaced', () => {
    expect(membershipWatch({ kind: 'set', refs: ['a', 'b'], unreadable: 0 })).toEqual({
      refs: ['a', 'b'],
      currentMembers: true,
    });
  });

  it('is the connected and disconnected contacts of a delta', () => {
    expect(
      membershipWatch({ kind: 'delta', connect: ['a'], disconnect: ['b'], unreadable: 0 })
    ).toEqual({ refs: ['a', 'b'], currentMembers: false });
  });

  it('includes the current members when some names cannot be read', () => {
    expect(
      membershipWatch({ kind: 'delta', connect: ['a'], disconnect: [], unreadable: 1 })
    ).toEqual({ refs: ['a'], currentMembers: true });
  });
});
