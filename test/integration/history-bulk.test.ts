import { diffSnapshots, historyChangesOf } from '../../src/plugins/crm/server/src/domain';
import { getService } from '../../src/plugins/crm/server/src/utils/get-service';
import { importCsv } from '../helpers/imports';
import { mergeHelpers } from '../helpers/merges';
import { useTestApp } from '../helpers/strapi';

// Imports, their undo, merges and their undo write one history entry per record they change,
// in bulk, as "import <job>" or "merge <id>" on behalf of whoever started them.
const app = useTestApp();
const h = mergeHelpers(app);

const CONTACT = 'plugin::crm.contact';
const CUSTOMER = 'plugin::crm.customer';
const PHONE = 'plugin::crm.phone';

type Entry = {
  id: number;
  action: string;
  recordUid: string;
  recordDocumentId: string;
  recordLabel: string | null;
  subjectDocumentId: string | null;
  otherSubjectDocumentId: string | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  actorDocumentId: string | null;
  onBehalfOf: unknown;
  changes: { field: string; before: unknown; after: unknown }[];
};

/** Every entry written by one import or merge (by its documentId), oldest first, from the table. */
const entriesBy = async (actorDocumentId: string): Promise<Entry[]> => {
  const rows = await app.strapi.db
    .query('plugin::crm.history-entry')
    .findMany({ where: { actorDocumentId }, orderBy: { id: 'asc' } });
  return (rows as Entry[]).map((row) => ({
    ...row,
    // Stored compactly for creates and deletes (see domain/history/stored-changes.ts).
    changes: historyChangesOf(
      typeof row.changes === 'string' ? JSON.parse(row.changes) : row.changes
    ),
    onBehalfOf: typeof row.onBehalfOf === 'string' ? JSON.parse(row.onBehalfOf) : row.onBehalfOf,
  }));
};

const jobId = async (documentId: string) =>
  String(
    (
      await app.strapi.db
        .query('plugin::crm.import-job')
        .findOne({ where: { documentId }, select: ['id'] })
    ).id
  );

const change = (entry: Entry | undefined, field: string) =>
  entry?.changes.find((item) => item.field === field);

const contactByEmail = (email: string) =>
  app.strapi.db.query(CONTACT).findOne({ where: { email }, populate: ['company'] });

/** The token every test request is made with, as the history names it. */
const tokenRef = { type: 'token', id: expect.any(String), name: expect.any(String) };

describe('history of an import and its undo', () => {
  it('writes one entry per created and updated contact, as the import for its user', async () => {
    const csv = [
      'First Name,Last Name,Email,Job Title,Company,Birthday',
      'Ann,Bulk,ann.bulk@example.com,Engineer,Bulkworks,1990-04-01',
      'Ben,Bulk,ben.bulk@example.com,Clerk,,',
    ].join('\n');
    const first = await importCsv(app, csv, 'contacts', 'create', { mode: 'upsert' });
    expect(first.counts).toMatchObject({ imported: 2, created: 2 });
    const firstId = await jobId(first.documentId);
    const ann = await contactByEmail('ann.bulk@example.com');
    const ben = await contactByEmail('ben.bulk@example.com');
    const company = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { businessName: 'Bulkworks' } });

    const created = await entriesBy(first.documentId);
    // The two contacts and the company made for them, once each.
    expect(created).toHaveLength(3);
    expect(created.every((entry) => entry.action === 'create')).toBe(true);
    for (const entry of created)
      expect(entry).toMatchObject({
        actorType: 'import',
        actorId: firstId,
        actorName: `import ${firstId}`,
        actorDocumentId: first.documentId,
        onBehalfOf: tokenRef,
      });
    const annEntry = created.find((entry) => entry.recordDocumentId === ann.documentId);
    expect(annEntry).toMatchObject({
      recordUid: CONTACT,
      // The contact's display name (with its company), as the document-service path labels it.
      recordLabel: expect.stringMatching(/^Ann Bulk/),
      subjectDocumentId: ann.documentId,
    });
    expect(change(annEntry, 'firstName')).toEqual({
      field: 'firstName',
      before: null,
      after: 'Ann',
    });
    expect(change(annEntry, 'jobTitle')).toEqual({
      field: 'jobTitle',
      before: null,
      after: 'Engineer',
    });
    expect(change(annEntry, 'company')).toEqual({
      field: 'company',
      before: null,
      after: { documentId: company.documentId, label: company.displayName },
    });
    expect(created.find((entry) => entry.recordDocumentId === company.documentId)).toMatchObject({
      recordUid: CUSTOMER,
      subjectDocumentId: company.documentId,
    });
    expect(created.some((entry) => entry.recordDocumentId === ben.documentId)).toBe(true);
    // Built from the values the import wrote, the same as reading the records back gives.
    const states = await getService(app.strapi, 'history').states.load('contact', CONTACT, [
      ann.id,
      ben.id,
    ]);
    for (const contact of [ann, ben]) {
      const state = states.get(contact.id)!;
      const entry = created.find((item) => item.recordDocumentId === contact.documentId)!;
      expect(entry.changes).toEqual(diffSnapshots(null, state.snapshot));
      expect(entry.recordLabel).toBe(state.label);
      expect(entry.subjectDocumentId).toBe(state.subjects[0]);
    }
    expect(change(annEntry, 'birthday')?.after).toBe('1990-04-01');

    // Upsert: Ann's title changes, Ben joins the company: one update entry each, built from the
    // values read before and written, the same as reading the records back would give.
    const again = [
      'First Name,Last Name,Email,Job Title,Company,Birthday',
      'Ann,Bulk,ann.bulk@example.com,Director,Bulkworks,1990-04-01',
      'Ben,Bulk,ben.bulk@example.com,Clerk,Bulkworks,',
    ].join('\n');
    const second = await importCsv(app, again, 'contacts', 'create', { mode: 'upsert' });
    expect(second.counts).toMatchObject({ updated: 2 });
    const secondId = await jobId(second.documentId);
    const updated = await entriesBy(second.documentId);
    expect(updated).toHaveLength(2);
    const annUpdate = updated.find((entry) => entry.recordDocumentId === ann.documentId);
    expect(annUpdate).toMatchObject({
      action: 'update',
      actorType: 'import',
      actorName: `import ${secondId}`,
      changes: [{ field: 'jobTitle', before: 'Engineer', after: 'Director' }],
    });
    const benUpdate = updated.find((entry) => entry.recordDocumentId === ben.documentId);
    expect(benUpdate?.changes).toEqual([
      {
        field: 'company',
        before: null,
        after: { documentId: company.documentId, label: company.displayName },
      },
    ]);
    const now = await getService(app.strapi, 'history').states.load('contact', CONTACT, [ben.id]);
    expect(benUpdate?.recordLabel).toBe(now.get(ben.id)!.label);
    expect(
      diffSnapshots(states.get(ben.id)!.snapshot, now.get(ben.id)!.snapshot).map((c) => c.field)
    ).toEqual(['company']);

    // Undo of the update puts the title back; undo of the creation deletes the records.
    await app.api().post(`/api/crm/imports/${second.documentId}/undo`).expect(200);
    const restored = (await entriesBy(second.documentId)).slice(2);
    expect(restored).toHaveLength(2);
    expect(restored.find((entry) => entry.recordDocumentId === ann.documentId)).toMatchObject({
      action: 'update',
      recordDocumentId: ann.documentId,
      actorType: 'import',
      onBehalfOf: tokenRef,
      changes: [{ field: 'jobTitle', before: 'Director', after: 'Engineer' }],
    });
    await app.api().post(`/api/crm/imports/${first.documentId}/undo`).expect(200);
    const deleted = (await entriesBy(first.documentId)).slice(3);
    expect(deleted.map((entry) => [entry.action, entry.recordDocumentId]).sort()).toEqual(
      [
        ['delete', ann.documentId],
        ['delete', ben.documentId],
        ['delete', company.documentId],
      ].sort()
    );
    expect(
      change(
        deleted.find((e) => e.recordDocumentId === ann.documentId),
        'email'
      )
    ).toEqual({
      field: 'email',
      before: 'ann.bulk@example.com',
      after: null,
    });
  });

  it('writes entries for customers and their contact points, created and updated', async () => {
    const csv = [
      'Type,First Name,Last Name,Email,Mobile',
      'individual,Cal,Points,cal.points@example.com,(415) 555-0101',
    ].join('\n');
    const first = await importCsv(app, csv, 'customers');
    expect(first.counts).toMatchObject({ created: 1 });
    const firstId = await jobId(first.documentId);
    const cal = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { firstName: 'Cal', lastName: 'Points' }, populate: ['phones', 'emails'] });
    const created = await entriesBy(first.documentId);
    expect(created.every((entry) => entry.actorId === firstId)).toBe(true);
    expect(created.map((entry) => entry.recordUid).sort()).toEqual(
      [CUSTOMER, 'plugin::crm.email', PHONE].sort()
    );
    const phone = created.find((entry) => entry.recordUid === PHONE);
    expect(phone).toMatchObject({
      action: 'create',
      recordDocumentId: cal.phones[0].documentId,
      recordLabel: '+14155550101',
      subjectDocumentId: cal.documentId,
    });
    expect(change(phone, 'customer')?.after).toMatchObject({ documentId: cal.documentId });

    const changed = [
      'Type,First Name,Middle Name,Last Name,Email,Mobile',
      'individual,Cal,Pilot,Points,cal.points@example.com,(415) 555-0199',
    ].join('\n');
    const second = await importCsv(app, changed, 'customers', 'create', {
      mode: 'upsert',
      matchBy: ['email'],
    });
    expect(second.counts).toMatchObject({ updated: 1 });
    const secondId = await jobId(second.documentId);
    const entries = await entriesBy(second.documentId);
    expect(entries.every((entry) => entry.actorName === `import ${secondId}`)).toBe(true);
    const customerEntry = entries.find((entry) => entry.recordUid === CUSTOMER);
    expect(customerEntry).toMatchObject({ action: 'update', recordDocumentId: cal.documentId });
    expect(change(customerEntry, 'middleName')).toEqual({
      field: 'middleName',
      before: null,
      after: 'Pilot',
    });
    // Every record the update wrote (the customer, and a new or changed phone) has its entry.
    const phones = entries.filter((entry) => entry.recordUid === PHONE);
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((entry) => entry.subjectDocumentId === cal.documentId)).toBe(true);
    expect(
      phones.some(
        (entry) =>
          change(entry, 'number')?.after === '+14155550199' &&
          ['create', 'update'].includes(entry.action)
      )
    ).toBe(true);
  });
});

describe('history of a merge and its undo', () => {
  it('a customer merge records the survivor, the moved points and the merged customer', async () => {
    const s = await h.person('Hist', 'Survivor', {
      phones: [{ type: 'cell', number: '+14155559301' }],
    });
    const a = await h.person('Hist', 'Merged', {
      middleName: 'Mid',
      phones: [
        { type: 'home', number: '+14155559302' },
        { type: 'work', number: '+14155559303' },
      ],
    });
    // Moved as it is (not primary before or after): only its link to the customer changes.
    const home = a.phones.find((phone: { number: string }) => phone.number === '+14155559302');
    const work = a.phones.find((phone: { number: string }) => phone.number === '+14155559303');
    expect(work.isPrimary).toBe(false);
    const merged = await h.mergeCustomers({
      survivor: s.documentId,
      merged: [a.documentId],
      fields: { middleName: a.documentId },
    });
    expect(merged.status).toBe(200);
    const merge = merged.body.meta.merge as string;
    const entries = await entriesBy(merge);
    for (const entry of entries)
      expect(entry).toMatchObject({
        actorType: 'merge',
        actorId: merge,
        actorName: `merge ${merge}`,
        onBehalfOf: tokenRef,
      });
    const survivor = entries.find((entry) => entry.recordDocumentId === s.documentId);
    expect(survivor).toMatchObject({ action: 'update', recordUid: CUSTOMER });
    expect(change(survivor, 'middleName')).toEqual({
      field: 'middleName',
      before: null,
      after: 'Mid',
    });
    expect(entries.find((entry) => entry.recordDocumentId === a.documentId)).toMatchObject({
      action: 'delete',
      recordUid: CUSTOMER,
    });
    const moved = entries.find(
      (entry) => entry.recordUid === PHONE && entry.recordDocumentId === home.documentId
    );
    expect(moved).toMatchObject({
      action: 'update',
      subjectDocumentId: s.documentId,
      otherSubjectDocumentId: a.documentId,
    });
    expect(change(moved, 'customer')).toMatchObject({
      before: { documentId: a.documentId },
      after: { documentId: s.documentId },
    });
    const movedWork = entries.find((entry) => entry.recordDocumentId === work.documentId);
    expect(movedWork).toMatchObject({ action: 'update', subjectDocumentId: s.documentId });
    expect(movedWork?.changes.map((item) => item.field)).toEqual(['customer']);

    // The undo: the merged customer back (create), the survivor and the phone as they were.
    expect((await h.undo(merge)).status).toBe(200);
    const undone = (await entriesBy(merge)).slice(entries.length);
    expect(undone.find((entry) => entry.recordDocumentId === a.documentId)).toMatchObject({
      action: 'create',
      actorType: 'merge',
    });
    expect(
      change(
        undone.find((entry) => entry.recordDocumentId === s.documentId),
        'middleName'
      )
    ).toEqual({ field: 'middleName', before: 'Mid', after: null });
    expect(
      change(
        undone.find((entry) => entry.recordDocumentId === home.documentId),
        'customer'
      )
    ).toMatchObject({ before: { documentId: s.documentId }, after: { documentId: a.documentId } });
    expect(
      change(
        undone.find((entry) => entry.recordDocumentId === work.documentId),
        'customer'
      )
    ).toMatchObject({ before: { documentId: s.documentId }, after: { documentId: a.documentId } });
  });

  it('a contact merge records the survivor, the merged contact and the moved memberships', async () => {
    const list = await h.list('History merge list');
    const s = await h.contact('Hana', 'Keep', { email: 'hana.keep@example.com' });
    const a = await h.contact('Hana', 'Gone', { jobTitle: 'Chemist' });
    await h.addMembers(list.documentId, [a.documentId]);
    const merged = await h.mergeContacts({
      survivor: s.documentId,
      merged: [a.documentId],
      fields: { jobTitle: a.documentId },
    });
    expect(merged.status).toBe(200);
    const merge = merged.body.meta.merge as string;
    const entries = await entriesBy(merge);
    const survivor = entries.find((entry) => entry.recordDocumentId === s.documentId);
    expect(survivor).toMatchObject({ action: 'update', actorType: 'merge', onBehalfOf: tokenRef });
    expect(change(survivor, 'jobTitle')).toEqual({
      field: 'jobTitle',
      before: null,
      after: 'Chemist',
    });
    expect(change(survivor, 'marketingLists')).toEqual({
      field: 'marketingLists',
      before: [],
      after: [{ documentId: list.documentId, label: 'History merge list' }],
    });
    expect(entries.find((entry) => entry.recordDocumentId === a.documentId)).toMatchObject({
      action: 'delete',
      recordUid: CONTACT,
    });

    expect((await h.undo(merge)).status).toBe(200);
    const undone = (await entriesBy(merge)).slice(entries.length);
    expect(undone.find((entry) => entry.recordDocumentId === a.documentId)).toMatchObject({
      action: 'create',
    });
    expect(
      change(
        undone.find((entry) => entry.recordDocumentId === s.documentId),
        'jobTitle'
      )
    ).toEqual({ field: 'jobTitle', before: 'Chemist', after: null });
  });

  it('a dry run writes no entry', async () => {
    const s = await h.contact('Dry', 'Keep');
    const a = await h.contact('Dry', 'Gone');
    const before = await app.strapi.db.query('plugin::crm.history-entry').count({
      where: { actorType: 'merge' },
    });
    const dry = await h.mergeContacts(
      { survivor: s.documentId, merged: [a.documentId] },
      { dryRun: true }
    );
    expect(dry.status).toBe(200);
    expect(
      await app.strapi.db
        .query('plugin::crm.history-entry')
        .count({ where: { actorType: 'merge' } })
    ).toBe(before);
    expect(getService(app.strapi, 'history').currentSession()).toBeUndefined();
  });
});
