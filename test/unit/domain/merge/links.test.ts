import {
  MergeConflict,
  mergedParent,
  planLinks,
} from '../../../../src/plugins/crm/server/src/domain/merge';

const members = new Set(['s', 'a', 'b']);

describe('planLinks', () => {
  it('moves the ends of merged records to the survivor', () => {
    const plan = planLinks([{ documentId: 'c1', first: 'a', second: 'x' }], members, 's', {
      directed: false,
    });
    expect(plan.moved).toEqual([
      { link: expect.objectContaining({ documentId: 'c1' }), first: 's', second: 'x' },
    ]);
    expect(plan.removed).toEqual([]);
    expect(plan.folded).toEqual([]);
  });

  it('removes links between two of the merged records, the survivor included', () => {
    const plan = planLinks(
      [
        { documentId: 'c1', first: 's', second: 'a' },
        { documentId: 'c2', first: 'b', second: 'a' },
      ],
      members,
      's',
      { directed: false }
    );
    expect(plan.removed.map((link) => link.documentId)).toEqual(['c1', 'c2']);
  });

  it("folds links that become the same into the survivor's own, else the oldest", () => {
    const plan = planLinks(
      [
        { documentId: 'c1', first: 'x', second: 'a', createdAt: '2020-01-01T00:00:00Z' },
        { documentId: 'c2', first: 's', second: 'x', createdAt: '2024-01-01T00:00:00Z' },
        { documentId: 'c3', first: 'b', second: 'y', createdAt: '2022-01-01T00:00:00Z', order: 7 },
        { documentId: 'c4', first: 'a', second: 'y', createdAt: '2022-01-01T00:00:00Z', order: 3 },
      ],
      members,
      's',
      { directed: false }
    );
    expect(plan.folded).toEqual([
      { link: expect.objectContaining({ documentId: 'c1' }), into: 'c2' },
      { link: expect.objectContaining({ documentId: 'c3' }), into: 'c4' },
    ]);
    expect(plan.moved.map(({ link }) => link.documentId)).toEqual(['c4']);
  });

  it('keeps directed links of opposite directions, and links of other kinds, apart', () => {
    const plan = planLinks(
      [
        { documentId: 'r1', first: 'a', second: 'x', kind: 'investor' },
        { documentId: 'r2', first: 'x', second: 'b', kind: 'investor' },
        { documentId: 'r3', first: 's', second: 'x', kind: 'other' },
        { documentId: 'r4', first: 'b', second: 'x', kind: 'investor' },
      ],
      members,
      's',
      { directed: true }
    );
    expect(plan.moved.map(({ link }) => link.documentId).sort()).toEqual(['r1', 'r2']);
    expect(plan.folded).toEqual([
      { link: expect.objectContaining({ documentId: 'r4' }), into: 'r1' },
    ]);
  });
});

describe('mergedParent', () => {
  const parents = (entries: [string, string | null][]) => new Map(entries);

  it('is the one parent outside the merge, links between members aside', () => {
    expect(
      mergedParent(
        ['s', 'a', 'b'],
        's',
        parents([
          ['s', null],
          ['a', 's'],
          ['b', 'p'],
          ['p', null],
        ])
      )
    ).toBe('p');
    expect(
      mergedParent(
        ['s', 'a'],
        's',
        parents([
          ['s', 'p'],
          ['a', 'p'],
          ['p', null],
        ])
      )
    ).toBe('p');
    expect(
      mergedParent(
        ['s', 'a'],
        's',
        parents([
          ['s', null],
          ['a', null],
        ])
      )
    ).toBeNull();
  });

  it('refuses members with different parents', () => {
    const attempt = () =>
      mergedParent(
        ['s', 'a'],
        's',
        parents([
          ['s', 'p'],
          ['a', 'q'],
          ['p', null],
          ['q', null],
        ])
      );
    expect(attempt).toThrow(MergeConflict);
    try {
      attempt();
    } catch (error) {
      expect((error as MergeConflict).rule).toBe('relationship.oneParent');
    }
  });

  it('refuses a merge that would make the survivor its own ancestor', () => {
    // a -> x -> s: merging a into s makes s the parent of x, x the parent of s.
    const attempt = () =>
      mergedParent(
        ['s', 'a'],
        's',
        parents([
          ['s', 'x'],
          ['x', 'a'],
          ['a', null],
        ])
      );
    expect(attempt).toThrow(MergeConflict);
    try {
      attempt();
    } catch (error) {
      expect((error as MergeConflict).rule).toBe('relationship.cycle');
      expect((error as MergeConflict).message).toMatch(/cycle/);
      expect((error as MergeConflict).details).toMatchObject({ parent: 'x', ancestor: 'a' });
    }
  });

  it('finds a cycle through a longer chain', () => {
    const attempt = () =>
      mergedParent(
        ['s', 'b'],
        's',
        parents([
          ['s', 'x'],
          ['x', 'y'],
          ['y', 'b'],
          ['b', null],
        ])
      );
    expect(attempt).toThrow(/cycle/);
  });
});
