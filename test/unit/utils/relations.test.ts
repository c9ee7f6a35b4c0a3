import { readToManyChange } from '../../../src/plugins/crm/server/src/utils/relations';

describe('reading a to-many relation value', () => {
  it('tells a field left alone from a new set and from links added or removed', () => {
    expect(readToManyChange(undefined)).toEqual({ kind: 'unchanged' });
    expect(readToManyChange(null)).toEqual({ kind: 'set', refs: [], unreadable: 0 });
    expect(readToManyChange(['a', 7, { documentId: 'b' }, { id: '8' }])).toEqual({
      kind: 'set',
      refs: [{ documentId: 'a' }, { id: 7 }, { documentId: 'b' }, { id: 8 }],
      unreadable: 0,
    });
    expect(readToManyChange('a')).toEqual({
      kind: 'set',
      refs: [{ documentId: 'a' }],
      unreadable: 0,
    });
    expect(readToManyChange({ set: [{ documentId: 'a', position: { end: true } }] })).toEqual({
      kind: 'set',
      refs: [{ documentId: 'a' }],
      unreadable: 0,
    });
    expect(readToManyChange({ connect: ['a'], disconnect: [{ id: 3 }] })).toEqual({
      kind: 'delta',
      connect: [{ documentId: 'a' }],
      disconnect: [{ id: 3 }],
      unreadable: 0,
    });
    expect(readToManyChange({ connect: [], disconnect: [] })).toEqual({
      kind: 'delta',
      connect: [],
      disconnect: [],
      unreadable: 0,
    });
  });

  it('counts the items that name no record', () => {
    expect(readToManyChange({ connect: [{ name: 'x' }, true] })).toMatchObject({
      kind: 'delta',
      unreadable: 2,
    });
    expect(readToManyChange([{}])).toMatchObject({ kind: 'set', unreadable: 1 });
  });
});
