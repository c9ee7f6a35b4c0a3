import type { HistoryEntry } from '../../src/plugins/crm/contracts';
import { getService } from '../../src/plugins/crm/server/src/utils/get-service';
import { createRootAdmin, type Admin } from '../helpers/admins';
import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// Every write through the document service leaves its history entries, in its own transaction.
const app = useTestApp();
const history = () => getService(app.strapi, 'history');
const knex = () => app.strapi.db.connection;
const TABLE = 'crm_history_entries';
const CUSTOMER = 'plugin::crm.customer';

const SSN = '287-65-4321';
const SSN_DIGITS = '287654321';

let manager: { user: { id: number; username: string }; agent: () => any };
let admin: Admin;

beforeAll(async () => {
  manager = await loginAs(app, 'crm_manager');
  admin = await createRootAdmin(app);
});

/** Entries about one record, oldest first. */
const entriesOf = async (recordDocumentId: string): Promise<HistoryEntry[]> => {
  const ids = (await knex()(TABLE)
    .where('record_document_id', recordDocumentId)
    .orderBy('id', 'asc')
    .pluck('document_id')) as string[];
  const entries: HistoryEntry[] = [];
  for (const id of ids) entries.push((await history().repository.findOne(id))!);
  return entries;
};
const lastOf = async (recordDocumentId: string) => (await entriesOf(recordDocumentId)).at(-1)!;
const changeOf = (entry: HistoryEntry, field: string) =>
  entry.changes.find((change) => change.field === field);

const api = () => app.api();
const created = async (response: any) => {
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; id: number; [field: string]: any };
};
const individual = async (firstName: string, lastName: string, extra = {}) =>
  created(
    await api()
      .post('/api/crm/customers')
      .send({ data: { type: 'individual', firstName, lastName, ...extra } })
  );
const business = async (businessName: string) =>
  created(
    await api()
      .post('/api/crm/customers')
      .send({ data: { type: 'business', businessName } })
  );

describe('writes through REST', () => {
  it("records a user's create and update with the values before and after, the SSN masked", async () => {
    const response = await manager
      .agent()
      .post('/api/crm/customers')
      .send({ data: { type: 'individual', firstName: 'Jane', lastName: 'Doe', ssn: SSN } });
    const jane = await created(response);
    const [creation] = await entriesOf(jane.documentId);
    expect(creation).toMatchObject({
      action: 'create',
      record: { uid: CUSTOMER, documentId: jane.documentId },
      actor: { type: 'user', id: String(manager.user.id), name: manager.user.username },
    });
    expect(creation.changes).toEqual(
      expect.arrayContaining([
        { field: 'firstName', before: null, after: 'Jane' },
        { field: 'ssn', before: null, after: '***-**-4321' },
      ])
    );

    await manager
      .agent()
      .put(`/api/crm/customers/${jane.documentId}`)
      .send({ data: { lastName: 'Smith' } })
      .expect(200);
    const update = await lastOf(jane.documentId);
    expect(update).toMatchObject({
      action: 'update',
      actor: { type: 'user' },
      changes: [{ field: 'lastName', before: 'Doe', after: 'Smith' }],
    });

    // Neither the clear SSN nor its digits are anywhere in the stored history.
    const rows = await knex()(TABLE).select('*');
    const stored = JSON.stringify(rows);
    expect(stored).toContain('***-**-4321');
    expect(stored).not.toContain(SSN);
    expect(stored.replace(/\D/g, ' ')).not.toMatch(new RegExp(SSN_DIGITS));
  });

  it('names an API token by its name', async () => {
    const joe = await individual('Joe', 'Token');
    await api()
      .put(`/api/crm/customers/${joe.documentId}`)
      .send({ data: { firstName: 'Joseph' } })
      .expect(200);
    const update = await lastOf(joe.documentId);
    expect(update.actor).toMatchObject({ type: 'token', name: expect.stringMatching(/^tests-/) });
    expect(update.changes).toEqual([{ field: 'firstName', before: 'Joe', after: 'Joseph' }]);
  });

  it.each([
    [
      'address',
      'addresses',
      {
        type: 'physical',
        line1: '1 Main St',
        city: 'Springfield',
        postalCode: '12345',
        country: 'US',
      },
      {
        type: 'mailing',
        line1: '2 Side St',
        city: 'Springfield',
        postalCode: '12345',
        country: 'US',
      },
      { line1: '3 New St' },
    ],
    [
      'phone',
      'phones',
      { type: 'home', number: '+12025550143' },
      { type: 'cell', number: '+12025550188' },
      { number: '+12025550199' },
    ],
    [
      'email',
      'emails',
      { type: 'personal', address: 'one@history.test' },
      { type: 'work', address: 'two@history.test' },
      { address: 'three@history.test' },
    ],
  ] as const)(
    'records a %s created, updated and deleted, and the primary flag its sibling loses and regains',
    async (kind, plural, firstData, secondData, change) => {
      const owner = await individual('Point', `Owner-${kind}`);
      const first = await created(
        await api()
          .post(`/api/crm/${plural}`)
          .send({ data: { ...firstData, customer: owner.documentId } })
      );
      expect(await entriesOf(first.documentId)).toHaveLength(1);
      expect((await lastOf(first.documentId)).changes).toEqual(
        expect.arrayContaining([
          { field: 'isPrimary', before: null, after: true },
          {
            field: 'customer',
            before: null,
            after: { documentId: owner.documentId, label: expect.stringContaining('Point') },
          },
        ])
      );

      const second = await created(
        await api()
          .post(`/api/crm/${plural}`)
          .send({ data: { ...secondData, isPrimary: true, customer: owner.documentId } })
      );
      expect(await lastOf(second.documentId)).toMatchObject({ action: 'create' });
      expect(changeOf(await lastOf(second.documentId), 'isPrimary')).toEqual({
        field: 'isPrimary',
        before: null,
        after: true,
      });
      // The first point lost the primary flag in the same write.
      expect(await entriesOf(first.documentId)).toHaveLength(2);
      expect(await lastOf(first.documentId)).toMatchObject({
        action: 'update',
        changes: [{ field: 'isPrimary', before: true, after: false }],
      });

      await api().put(`/api/crm/${plural}/${second.documentId}`).send({ data: change }).expect(200);
      const update = await lastOf(second.documentId);
      expect(update.action).toBe('update');
      expect(update.changes.map((item) => item.field)).toEqual(Object.keys(change));

      await api().delete(`/api/crm/${plural}/${second.documentId}`).expect(204);
      expect(await lastOf(second.documentId)).toMatchObject({ action: 'delete' });
      expect(changeOf(await lastOf(second.documentId), 'isPrimary')).toEqual({
        field: 'isPrimary',
        before: true,
        after: null,
      });
      // Deleting the primary promotes the remaining one.
      expect(await lastOf(first.documentId)).toMatchObject({
        action: 'update',
        changes: [{ field: 'isPrimary', before: false, after: true }],
      });
      // Every entry of the point shows in its customer's history.
      const page = await history().repository.list(
        { subjectDocumentId: owner.documentId },
        { page: 1, pageSize: 50 }
      );
      expect(page.total).toBe(1 + 2 + 1 + 1 + 2);
    }
  );

  it("records a connection and the business's primary contact it sets and clears", async () => {
    const acme = await business('Acme History');
    const ann = await individual('Ann', 'Employee');
    const connection = await created(
      await api()
        .post('/api/crm/connections')
        .send({
          data: {
            customer: acme.documentId,
            connectedCustomer: ann.documentId,
            relationshipType: 'employee',
            title: 'CEO',
          },
        })
    );
    const creation = await lastOf(connection.documentId);
    expect(creation).toMatchObject({ action: 'create' });
    expect(creation.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', before: null, after: 'CEO' },
        {
          field: 'customer',
          before: null,
          after: { documentId: acme.documentId, label: expect.stringContaining('Acme History') },
        },
        {
          field: 'connectedCustomer',
          before: null,
          after: { documentId: ann.documentId, label: expect.stringContaining('Ann') },
        },
      ])
    );
    expect(await lastOf(acme.documentId)).toMatchObject({
      action: 'update',
      changes: [{ field: 'primaryContact', before: null, after: { documentId: ann.documentId } }],
    });
    // The connection shows in the history of both customers.
    for (const side of [acme, ann]) {
      const page = await history().repository.list(
        { subjectDocumentId: side.documentId },
        { page: 1, pageSize: 50 }
      );
      expect(page.entries.map((entry) => entry.record.documentId)).toContain(connection.documentId);
    }

    await api().delete(`/api/crm/connections/${connection.documentId}`).expect(204);
    expect(await lastOf(connection.documentId)).toMatchObject({ action: 'delete' });
    expect(await lastOf(acme.documentId)).toMatchObject({
      changes: [{ field: 'primaryContact', before: { documentId: ann.documentId }, after: null }],
    });
  });

  it('records the primary contact chosen through PUT /customers/:id/primary-contact', async () => {
    const acme = await business('Acme Primary');
    const [bob, cy] = [await individual('Bob', 'First'), await individual('Cy', 'Second')];
    for (const person of [bob, cy])
      await api()
        .post('/api/crm/connections')
        .send({
          data: {
            customer: acme.documentId,
            connectedCustomer: person.documentId,
            relationshipType: 'employee',
          },
        })
        .expect(201);
    await api()
      .put(`/api/crm/customers/${acme.documentId}/primary-contact`)
      .send({ customer: cy.documentId })
      .expect(200);
    expect(await lastOf(acme.documentId)).toMatchObject({
      changes: [
        {
          field: 'primaryContact',
          before: { documentId: bob.documentId },
          after: { documentId: cy.documentId },
        },
      ],
    });
  });

  it('records a relationship created and deleted', async () => {
    const [parent, child] = [await business('Parent Co'), await business('Child Co')];
    const relationship = await created(
      await api()
        .post('/api/crm/relationships')
        .send({
          data: { kind: 'hierarchical', parent: parent.documentId, child: child.documentId },
        })
    );
    expect(await lastOf(relationship.documentId)).toMatchObject({
      action: 'create',
      record: { label: expect.stringContaining('Parent Co') },
    });
    await api().delete(`/api/crm/relationships/${relationship.documentId}`).expect(204);
    const deletion = await lastOf(relationship.documentId);
    expect(deletion.action).toBe('delete');
    expect(changeOf(deletion, 'child')).toEqual({
      field: 'child',
      before: { documentId: child.documentId, label: expect.stringContaining('Child Co') },
      after: null,
    });
  });

  it('records a contact, its comments and its marketing lists, and what goes with it', async () => {
    const acme = await business('Acme Contacts');
    const contact = await created(
      await api()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'Carl', lastName: 'Contact', company: acme.documentId } })
    );
    expect(changeOf(await lastOf(contact.documentId), 'company')).toEqual({
      field: 'company',
      before: null,
      after: { documentId: acme.documentId, label: expect.stringContaining('Acme Contacts') },
    });

    await api()
      .put(`/api/crm/contacts/${contact.documentId}`)
      .send({ data: { jobTitle: 'Buyer' } })
      .expect(200);
    expect(await lastOf(contact.documentId)).toMatchObject({
      action: 'update',
      changes: [{ field: 'jobTitle', before: null, after: 'Buyer' }],
    });

    const comment = await created(
      await api()
        .post(`/api/crm/contacts/${contact.documentId}/activity`)
        .send({ data: { body: 'Called about the offer' } })
    );
    const commentEntry = await lastOf(comment.documentId);
    expect(commentEntry).toMatchObject({
      action: 'create',
      record: { uid: 'plugin::crm.activity', label: 'Called about the offer' },
    });
    expect(changeOf(commentEntry, 'body')).toEqual({
      field: 'body',
      before: null,
      after: 'Called about the offer',
    });

    const list = await created(
      await api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name: 'Spring Fair', channel: 'email' } })
    );
    await api()
      .post(`/api/crm/marketing-lists/${list.documentId}/members`)
      .send({ contacts: [contact.documentId] })
      .expect(200);
    expect(await lastOf(contact.documentId)).toMatchObject({
      action: 'update',
      changes: [
        {
          field: 'marketingLists',
          before: [],
          after: [{ documentId: list.documentId, label: 'Spring Fair' }],
        },
      ],
    });
    await api()
      .post(`/api/crm/marketing-lists/${list.documentId}/members/remove`)
      .send({ contacts: [contact.documentId] })
      .expect(200);
    expect(changeOf(await lastOf(contact.documentId), 'marketingLists')).toEqual({
      field: 'marketingLists',
      before: [{ documentId: list.documentId, label: 'Spring Fair' }],
      after: [],
    });

    await api().delete(`/api/crm/contacts/${contact.documentId}`).expect(204);
    expect(await lastOf(contact.documentId)).toMatchObject({ action: 'delete' });
    expect(await lastOf(comment.documentId)).toMatchObject({ action: 'delete' });
  });

  it('records a customer deleted with its contact points and connections', async () => {
    const acme = await business('Acme Gone');
    const dan = await individual('Dan', 'Stays');
    const withEmail = await created(
      await api()
        .post('/api/crm/customers')
        .send({
          data: {
            type: 'individual',
            firstName: 'Eve',
            lastName: 'Leaves',
            emails: [{ type: 'work', address: 'eve@history.test' }],
          },
        })
    );
    const [email] = (await knex()('crm_emails')
      .where('address', 'eve@history.test')
      .select('document_id')) as { document_id: string }[];
    expect(await lastOf(email.document_id)).toMatchObject({ action: 'create' });
    for (const person of [withEmail, dan])
      await api()
        .post('/api/crm/connections')
        .send({
          data: {
            customer: acme.documentId,
            connectedCustomer: person.documentId,
            relationshipType: 'employee',
          },
        })
        .expect(201);
    const [connection] = (
      await history().repository.list(
        { subjectDocumentId: withEmail.documentId },
        { page: 1, pageSize: 50 }
      )
    ).entries.filter((entry) => entry.record.uid === 'plugin::crm.connection');
    expect(changeOf(await lastOf(acme.documentId), 'primaryContact')?.after).toMatchObject({
      documentId: withEmail.documentId,
    });

    await api().delete(`/api/crm/customers/${withEmail.documentId}`).expect(204);
    expect(await lastOf(withEmail.documentId)).toMatchObject({ action: 'delete' });
    expect(await lastOf(email.document_id)).toMatchObject({ action: 'delete' });
    expect(await lastOf(connection.record.documentId)).toMatchObject({ action: 'delete' });
    // The business promoted its other employee.
    expect(changeOf(await lastOf(acme.documentId), 'primaryContact')).toEqual({
      field: 'primaryContact',
      before: { documentId: withEmail.documentId, label: expect.any(String) },
      after: { documentId: dan.documentId, label: expect.any(String) },
    });
  });
});

describe('writes that reach other records', () => {
  it('records a phone moved to another customer in the history of both', async () => {
    const [from, to] = [await individual('Moves', 'From'), await individual('Moves', 'To')];
    const phone = (number: string, owner: string) =>
      api()
        .post('/api/crm/phones')
        .send({ data: { type: number.endsWith('1') ? 'home' : 'cell', number, customer: owner } });
    const moving = await created(await phone('+12025550171', from.documentId));
    const staying = await created(await phone('+12025550172', from.documentId));
    await api()
      .put(`/api/crm/phones/${moving.documentId}`)
      .send({ data: { customer: to.documentId } })
      .expect(200);
    const move = await lastOf(moving.documentId);
    expect(changeOf(move, 'customer')).toEqual({
      field: 'customer',
      before: { documentId: from.documentId, label: expect.any(String) },
      after: { documentId: to.documentId, label: expect.any(String) },
    });
    // The one left behind becomes its customer's primary phone, in the same write.
    expect(await lastOf(staying.documentId)).toMatchObject({
      changes: [{ field: 'isPrimary', before: false, after: true }],
    });
    for (const side of [from, to]) {
      const page = await history().repository.list(
        { subjectDocumentId: side.documentId },
        { page: 1, pageSize: 50 }
      );
      expect(page.entries.map((entry) => entry.documentId)).toContain(move.documentId);
    }
  });

  it("records each contact whose membership a list's own writes change", async () => {
    const contact = (lastName: string) =>
      app.strapi
        .documents('plugin::crm.contact')
        .create({ data: { firstName: 'Member', lastName } as never });
    const [first, second] = [await contact('First'), await contact('Second')];
    const list = await app.strapi.documents('plugin::crm.marketing-list').create({
      data: { name: 'Server List', channel: 'email', members: [first.documentId] } as never,
    });
    const member = [{ documentId: list.documentId, label: 'Server List' }];
    expect(changeOf(await lastOf(first.documentId), 'marketingLists')).toEqual({
      field: 'marketingLists',
      before: [],
      after: member,
    });

    // Replacing the members takes one off and puts the other on.
    await app.strapi.documents('plugin::crm.marketing-list').update({
      documentId: list.documentId,
      data: { members: [second.documentId] } as never,
    });
    expect(changeOf(await lastOf(first.documentId), 'marketingLists')).toEqual({
      field: 'marketingLists',
      before: member,
      after: [],
    });
    expect(changeOf(await lastOf(second.documentId), 'marketingLists')?.after).toEqual(member);

    await app.strapi
      .documents('plugin::crm.marketing-list')
      .delete({ documentId: list.documentId });
    expect(changeOf(await lastOf(second.documentId), 'marketingLists')).toEqual({
      field: 'marketingLists',
      before: member,
      after: [],
    });
    expect(await entriesOf(first.documentId)).toHaveLength(3);
  });

  it("records a contact's conversion: the new customer, its connection and the contact's link", async () => {
    const acme = await business('Acme Convert');
    const contact = await created(
      await api()
        .post('/api/crm/contacts')
        .send({
          data: {
            firstName: 'Vera',
            lastName: 'Convert',
            jobTitle: 'CTO',
            company: acme.documentId,
          },
        })
    );
    const response = await api().post(`/api/crm/contacts/${contact.documentId}/convert`);
    expect(response.status).toBeLessThan(300);
    const customer = response.body.data as { documentId: string };
    expect(await entriesOf(customer.documentId)).toEqual([
      expect.objectContaining({
        action: 'create',
        actor: expect.objectContaining({ type: 'token' }),
      }),
    ]);
    expect(await lastOf(contact.documentId)).toMatchObject({
      action: 'update',
      changes: [
        { field: 'convertedCustomer', before: null, after: { documentId: customer.documentId } },
      ],
    });
    const page = await history().repository.list(
      { subjectDocumentId: acme.documentId },
      { page: 1, pageSize: 50 }
    );
    expect(page.entries.map((entry) => [entry.action, entry.record.uid])).toEqual(
      expect.arrayContaining([
        ['create', 'plugin::crm.connection'],
        ['update', CUSTOMER],
      ])
    );
  });
});

describe('other writers', () => {
  it('names an admin user of the content manager', async () => {
    const kim = await individual('Kim', 'Panel');
    const response = await admin(
      'put',
      `/content-manager/collection-types/${CUSTOMER}/${kim.documentId}`
    ).send({ lastName: 'Edited' });
    expect(response.status).toBe(200);
    const update = await lastOf(kim.documentId);
    expect(update.actor.type).toBe('admin');
    expect(update.changes).toEqual([{ field: 'lastName', before: 'Panel', after: 'Edited' }]);
  });

  it("names the admin for a comment and a list's members changed in the content manager", async () => {
    const contact = await created(
      await api()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'Panel', lastName: 'Member' } })
    );
    const comment = await admin(
      'post',
      '/content-manager/collection-types/plugin::crm.activity'
    ).send({
      body: 'Written in the panel',
      contact: { connect: [{ documentId: contact.documentId }] },
    });
    expect(comment.status).toBe(201);
    expect(await lastOf(comment.body.data.documentId)).toMatchObject({
      action: 'create',
      actor: { type: 'admin' },
      record: { label: 'Written in the panel' },
    });

    const list = await created(
      await api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name: 'Panel List', channel: 'email' } })
    );
    const update = await admin(
      'put',
      `/content-manager/collection-types/plugin::crm.marketing-list/${list.documentId}`
    ).send({ members: { connect: [{ documentId: contact.documentId }], disconnect: [] } });
    expect(update.status).toBe(200);
    expect(await lastOf(contact.documentId)).toMatchObject({
      action: 'update',
      actor: { type: 'admin' },
      changes: [
        {
          field: 'marketingLists',
          before: [],
          after: [{ documentId: list.documentId, label: 'Panel List' }],
        },
      ],
    });
  });

  it('names the system for server code outside a request', async () => {
    const sam = await app.strapi
      .documents(CUSTOMER)
      .create({ data: { type: 'individual', firstName: 'Sam', lastName: 'Server' } as never });
    await app.strapi
      .documents(CUSTOMER)
      .update({ documentId: sam.documentId, data: { lastName: 'Script' } as never });
    const entries = await entriesOf(sam.documentId);
    expect(entries.map((entry) => [entry.action, entry.actor.type])).toEqual([
      ['create', 'system'],
      ['update', 'system'],
    ]);
  });

  it('writes no entry for a write that changes nothing', async () => {
    const noop = await individual('No', 'Change');
    await api()
      .put(`/api/crm/customers/${noop.documentId}`)
      .send({ data: { lastName: 'Change' } })
      .expect(200);
    expect(await entriesOf(noop.documentId)).toHaveLength(1);
  });
});

describe('transactions', () => {
  it('keeps every one of 20 concurrent updates, each starting where the previous ended', async () => {
    const busy = await individual('Busy', 'Start');
    const values = Array.from({ length: 20 }, (_, index) => `Value${index}`);
    const responses = await Promise.all(
      values.map((lastName) =>
        api().put(`/api/crm/customers/${busy.documentId}`).send({ data: { lastName } })
      )
    );
    expect(responses.map((response) => response.status)).toEqual(values.map(() => 200));
    const updates = (await entriesOf(busy.documentId)).filter((entry) => entry.action === 'update');
    expect(updates).toHaveLength(20);
    const chain = updates.map((entry) => changeOf(entry, 'lastName')!);
    expect(chain[0].before).toBe('Start');
    for (let index = 1; index < chain.length; index++)
      expect(chain[index].before).toBe(chain[index - 1].after);
    expect(new Set(chain.map((change) => change.after))).toEqual(new Set(values));
    const row = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { documentId: busy.documentId } });
    expect(row.lastName).toBe(chain.at(-1)!.after);
  });

  it('leaves no entry behind a write that a rule rolls back', async () => {
    const kept = await individual('Roll', 'Back');
    const before = await knex()(TABLE).count({ n: '*' });
    const refused = await api()
      .put(`/api/crm/customers/${kept.documentId}`)
      .send({ data: { lastName: 'Changed', phones: [{ type: 'home', number: 'not a number' }] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/phone/);
    expect(await knex()(TABLE).count({ n: '*' })).toEqual(before);
    expect(await entriesOf(kept.documentId)).toHaveLength(1);
    const row = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { documentId: kept.documentId } });
    expect(row.lastName).toBe('Back');
  });
});
