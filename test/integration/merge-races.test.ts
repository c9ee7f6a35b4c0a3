import { mergeHelpers } from '../helpers/merges';
import { useTestApp } from '../helpers/strapi';

// Merges of overlapping records sent at once: one wins, the other gets 409, nothing is lost.
const app = useTestApp();
const h = mergeHelpers(app);

const connectionsOf = async (documentId: string) =>
  ((await app.api().get(`/api/crm/customers/${documentId}/connections`)).body.data as any[])
    .map((row) => row.customer.documentId)
    .sort();

describe('concurrent merges of overlapping customers', () => {
  it.each([1, 2, 3])('let one win and refuse the other with 409 (round %i)', async () => {
    const [s1, s2, shared, a, c] = [
      await h.person('S1', 'Race'),
      await h.person('S2', 'Race'),
      await h.person('Shared', 'Race'),
      await h.person('A', 'Race'),
      await h.person('C', 'Race'),
    ];
    const friends: string[] = [];
    for (const record of [s1, s2, shared, a, c]) {
      const friend = await h.person(`${record.firstName}-friend`, 'Race');
      await h.connect(record.documentId, friend.documentId, { relationshipType: 'friend' });
      friends.push(friend.documentId);
    }
    const [first, second] = await Promise.all([
      h.mergeCustomers({ survivor: s1.documentId, merged: [a.documentId, shared.documentId] }),
      h.mergeCustomers({ survivor: s2.documentId, merged: [shared.documentId, c.documentId] }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] = first.status === 200 ? [first, second] : [second, first];
    const winnerSurvivor = winner === first ? s1 : s2;
    const loserRecords = winner === first ? [s2, c] : [s1, a];
    expect(loser.body.error.details).toMatchObject({
      rule: 'merge.merged',
      mergedInto: { [shared.documentId]: winnerSurvivor.documentId },
    });
    // The winner has every connection of what it merged; the loser's records are untouched.
    const merged = winner === first ? [s1, a, shared] : [s2, shared, c];
    expect(await connectionsOf(winnerSurvivor.documentId)).toEqual(
      merged.map((record) => friends[[s1, s2, shared, a, c].indexOf(record)]).sort()
    );
    for (const record of loserRecords) {
      const response = await app.api().get(`/api/crm/customers/${record.documentId}`);
      expect(response.body.data.documentId).toBe(record.documentId);
      expect(response.body.meta.mergedInto).toBeUndefined();
      expect(await connectionsOf(record.documentId)).toEqual([
        friends[[s1, s2, shared, a, c].indexOf(record)],
      ]);
    }
  });

  it('run one after the other when they share nothing', async () => {
    const records: any[] = [];
    for (const name of ['P', 'Q', 'R', 'T']) records.push(await h.person(name, 'Apart'));
    const [p, q, r, t] = records;
    const results = await Promise.all([
      h.mergeCustomers({ survivor: p.documentId, merged: [q.documentId] }),
      h.mergeCustomers({ survivor: r.documentId, merged: [t.documentId] }),
    ]);
    expect(results.map((response) => response.status)).toEqual([200, 200]);
  });

  it('and an undo racing a merge of its survivor run one after the other, never half done', async () => {
    const s = await h.person('U', 'Race');
    const a = await h.person('U2', 'Race');
    const t = await h.person('U3', 'Race');
    const merge = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    const [undo, again] = await Promise.all([
      h.undo(merge.body.meta.merge),
      h.mergeCustomers({ survivor: t.documentId, merged: [s.documentId] }),
    ]);
    // Either the undo ran first (then the second merge took the survivor alone), or the merge did
    // (then the undo is refused: its survivor is merged away).
    expect(again.status).toBe(200);
    const restored = await app.api().get(`/api/crm/customers/${a.documentId}`);
    if (undo.status === 200) {
      expect(restored.body.data.documentId).toBe(a.documentId);
      expect(again.body.meta.moved).toBeDefined();
    } else {
      expect(undo.status).toBe(409);
      expect(undo.body.error.details.reasons.join(' ')).toMatch(/was merged into/);
      expect(restored.body.meta.mergedInto).toBe(t.documentId);
    }
    const old = await app.api().get(`/api/crm/customers/${s.documentId}`);
    expect(old.body.meta.mergedInto).toBe(t.documentId);
  });
});
