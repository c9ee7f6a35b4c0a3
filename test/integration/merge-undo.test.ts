import { crmTables, mergeHelpers } from '../helpers/merges';
import { useTestApp } from '../helpers/strapi';

// POST /api/crm/merges/:id/undo: exact when nothing stands in the way; refused with the reasons
// (409) when what changed since makes it impossible.
const app = useTestApp();
const h = mergeHelpers(app);

const setup = async (label: string) => {
  const s = await h.person(label, 'Survivor', {
    phones: [{ type: 'cell', number: '+14155559001' }],
  });
  const a = await h.person(label, 'Merged', {
    middleName: 'Mid',
    externalId: `EXT-${label}`,
    phones: [{ type: 'home', number: '+14155559002' }],
  });
  const friend = await h.person(`${label}-friend`, 'Other');
  const connection = await h.connect(a.documentId, friend.documentId, {
    relationshipType: 'friend',
  });
  return { s, a, friend, connection };
};

describe('undoing a merge', () => {
  it('keeps what was written since to fields the merge did not set', async () => {
    const { s, a } = await setup('Keep');
    const before = await crmTables(app);
    const merged = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    await app
      .api()
      .put(`/api/crm/customers/${s.documentId}`)
      .send({ data: { gender: 'female' } })
      .expect(200);
    expect((await h.undo(merged.body.meta.merge)).status).toBe(200);
    const survivor = (await app.api().get(`/api/crm/customers/${s.documentId}`)).body.data;
    expect(survivor).toMatchObject({ gender: 'female', middleName: null, externalId: null });
    const restored = (await app.api().get(`/api/crm/customers/${a.documentId}?populate=phones`))
      .body.data;
    expect(restored).toMatchObject({
      documentId: a.documentId,
      middleName: 'Mid',
      externalId: 'EXT-Keep',
    });
    expect(restored.phones).toEqual([
      expect.objectContaining({ number: '+14155559002', isPrimary: true }),
    ]);
    const after = await crmTables(app);
    const strip = (tables: Record<string, any[]>) => ({
      ...tables,
      crm_customers: tables.crm_customers.map(
        ({ gender: _g, updated_at: _u, published_at: _p, ...row }) => row
      ),
    });
    expect(strip(after)).toEqual(strip(before));
  });

  it('is refused, naming each reason, when what it moved changed or is gone', async () => {
    const { s, a, connection } = await setup('Changed');
    const merged = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    expect(merged.status).toBe(200);
    await app.api().delete(`/api/crm/connections/${connection.documentId}`).expect(204);
    await app
      .api()
      .put(`/api/crm/customers/${s.documentId}`)
      .send({ data: { middleName: 'Changed' } })
      .expect(200);
    const snapshot = await crmTables(app);
    const refused = await h.undo(merged.body.meta.merge);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.rule).toBe('merge.changed');
    const reasons = refused.body.error.details.reasons.join('\n');
    expect(reasons).toMatch(/connection/);
    expect(reasons).toMatch(/middleName changed since the merge/);
    expect(await crmTables(app)).toEqual(snapshot);
  });

  it('is refused when the survivor is gone, or an external id is taken since', async () => {
    const first = await setup('Gone');
    const gone = await h.mergeCustomers({
      survivor: first.s.documentId,
      merged: [first.a.documentId],
    });
    await app.api().delete(`/api/crm/customers/${first.s.documentId}`).expect(204);
    const refused = await h.undo(gone.body.meta.merge);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reasons.join(' ')).toMatch(
      `the survivor ${first.s.documentId} was deleted since`
    );

    const second = await setup('Taken');
    const taken = await h.mergeCustomers({
      survivor: second.s.documentId,
      merged: [second.a.documentId],
      fields: { externalId: second.s.documentId },
    });
    await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { firstName: 'New', lastName: 'Holder', externalId: 'EXT-Taken' } })
      .expect(201);
    const blocked = await h.undo(taken.body.meta.merge);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.details.reasons.join(' ')).toMatch(/externalId "EXT-Taken"/);
  });

  it(`is refused after mergeUndoDays, and for an unknown merge`, async () => {
    const { s, a } = await setup('Old');
    const merged = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    await app.strapi.db.query('plugin::crm.merge').update({
      where: { documentId: merged.body.meta.merge },
      data: { mergedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) },
    });
    const refused = await h.undo(merged.body.meta.merge);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ rule: 'merge.expired', mergeUndoDays: 30 });
    expect((await h.undo('nosuchmerge0000000000000')).status).toBe(404);
  });
});
