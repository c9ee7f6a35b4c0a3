import { hold } from '../helpers/hold';
import { idOf, importCsv } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// Undo removes exactly what the job created, through the same rules as a REST delete, and keeps
// what others have built on since, saying what it kept and why.
const app = useTestApp();

const CONTACT = 'plugin::crm.contact';
const CUSTOMER = 'plugin::crm.customer';

/** Link rows pointing at a missing record, and connections or relationships missing a side. */
const orphans = async () => {
  const knex = app.strapi.db.connection;
  const found: string[] = [];
  for (const uid of Object.keys(app.strapi.contentTypes).filter((name) =>
    name.startsWith('plugin::crm.')
  )) {
    const meta = app.strapi.db.metadata.get(uid);
    for (const [name, attribute] of Object.entries(meta.attributes) as [string, any][]) {
      const join = attribute.joinTable;
      if (!join || attribute.type !== 'relation') continue;
      const target = app.strapi.db.metadata.get(attribute.target).tableName;
      const dangling = await knex(join.name)
        .whereNotIn(join.joinColumn.name, knex(meta.tableName).select('id'))
        .orWhereNotIn(join.inverseJoinColumn.name, knex(target).select('id'))
        .count({ n: '*' })
        .first();
      if (Number(dangling?.n))
        found.push(`${uid}.${name}: ${dangling?.n} link rows to missing records`);
    }
  }
  for (const [uid, sides] of [
    ['plugin::crm.connection', ['customer', 'connectedCustomer']],
    ['plugin::crm.activity', ['contact']],
  ] as const) {
    const meta = app.strapi.db.metadata.get(uid);
    for (const side of sides) {
      const join = (meta.attributes as any)[side].joinTable;
      const missing = await knex(meta.tableName)
        .whereNotIn('id', knex(join.name).select(join.joinColumn.name))
        .count({ n: '*' })
        .first();
      if (Number(missing?.n)) found.push(`${uid}: ${missing?.n} without ${side}`);
    }
  }
  return found;
};

const search = async (q: string) =>
  (await app.api().get('/api/crm/customers/search').query({ q })).body.meta.pagination.total;

describe('undo of a contacts import', () => {
  it('keeps contacts and companies others built on, removes the rest through the rules', async () => {
    const csv = [
      'First Name,Last Name,Email,Company',
      'Cy,Commented,cy@initech.example,Initech',
      'Dee,Listed,dee@initech.example,Initech',
      'Eli,Plain,eli@initech.example,Initech',
      'Fox,Alone,fox@umbrella.example,Umbrella',
      'Gil,Free,gil@example.org,',
      'Jay,Gone,jay@globex.example,Globex Vanishing',
      'Kai,Net,kai@hooli.example,Hooli',
    ].join('\n');
    const contactsBefore = await app.strapi.db.query(CONTACT).count();
    const customersBefore = await app.strapi.db.query(CUSTOMER).count();
    const job = await importCsv(app, csv);
    expect(job.counts).toMatchObject({ imported: 7 });
    const contact = (firstName: string) =>
      app.strapi.db.query(CONTACT).findOne({ where: { firstName, lastName: { $ne: 'Other' } } });
    const company = (businessName: string) =>
      app.strapi.db.query(CUSTOMER).findOne({ where: { businessName } });
    const cy = await contact('Cy');
    const dee = await contact('Dee');

    // Built on since the import: a comment, a list membership, a contact of another source at a
    // created company, a connection to a created company.
    await app
      .api()
      .post(`/api/crm/contacts/${cy.documentId}/activity`)
      .send({ data: { body: 'Called back' } })
      .expect(201);
    const list = (
      await app
        .api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name: 'Leads', channel: 'email' } })
    ).body.data.documentId;
    await app
      .api()
      .post(`/api/crm/marketing-lists/${list}/members`)
      .send({ contacts: [dee.documentId] })
      .expect(200);
    const umbrella = await company('Umbrella');
    await app
      .api()
      .post('/api/crm/contacts')
      .send({ data: { firstName: 'Ike', lastName: 'Other', company: umbrella.documentId } })
      .expect(201);
    const hooli = await company('Hooli');
    const person = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { firstName: 'Pat', lastName: 'Person' } })
    ).body.data.documentId;
    await app
      .api()
      .post('/api/crm/connections')
      .send({ data: { customer: hooli.documentId, connectedCustomer: person } })
      .expect(201);
    const globex = await company('Globex Vanishing');
    expect(await search('Globex Vanishing')).toBe(1);

    const undone = await app.api().post(`/api/crm/imports/${job.documentId}/undo`);
    expect(undone.status).toBe(200);
    const result = undone.body.data;
    expect(result.stage).toBe('undone');
    expect(result.undo.removed).toEqual({ contacts: 5, customers: 1 });
    const kept = Object.fromEntries(
      result.undo.kept.map((entry: any) => [entry.documentId, entry])
    );
    expect(kept[cy.documentId]).toMatchObject({
      type: 'contact',
      reasons: [expect.stringMatching(/comment/)],
    });
    expect(kept[dee.documentId]).toMatchObject({
      type: 'contact',
      reasons: [expect.stringMatching(/marketing list/)],
    });
    expect(kept[umbrella.documentId]).toMatchObject({
      type: 'customer',
      reasons: [expect.stringMatching(/contact/)],
    });
    expect(kept[hooli.documentId]).toMatchObject({
      type: 'customer',
      reasons: [expect.stringMatching(/connection/)],
    });
    const initech = await company('Initech');
    expect(kept[initech.documentId]).toMatchObject({
      type: 'customer',
      reasons: [expect.stringMatching(/contact/)],
    });
    expect(result.undo.keptCount).toBe(5);
    expect(Object.keys(kept)).toHaveLength(5);

    expect(await app.strapi.db.query(CONTACT).count()).toBe(contactsBefore + 3); // Cy, Dee, Ike
    expect(
      (
        await app.strapi.db
          .query(CONTACT)
          .findMany({ where: { firstName: { $in: ['Eli', 'Fox', 'Gil', 'Jay', 'Kai'] } } })
      ).length
    ).toBe(0);
    expect(await app.strapi.db.query(CUSTOMER).count()).toBe(customersBefore + 4); // Initech, Umbrella, Hooli, Pat
    expect(await app.strapi.db.query(CUSTOMER).findOne({ where: { id: globex.id } })).toBeNull();
    expect(await search('Globex Vanishing')).toBe(0);
    const feed = (await app.api().get(`/api/crm/contacts/${cy.documentId}/activity`)).body.data;
    expect(feed.map((entry: any) => entry.body)).toEqual(['Called back']);
    expect(
      (await app.api().get(`/api/crm/contacts/${cy.documentId}`).query({ populate: 'company' }))
        .body.data.company.documentId
    ).toBe(initech.documentId);
    expect(await orphans()).toEqual([]);
    expect((await app.api().get(`/api/crm/imports/${job.documentId}`)).body.data.undo).toEqual(
      result.undo
    );
  });
});

describe('undo of a customers import', () => {
  it('keeps customers with later connections, relationships, contacts or contact points', async () => {
    const employer = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Employer Ltd' } })
    ).body.data.documentId;
    const investor = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Investor AG' } })
    ).body.data.documentId;
    const csv = [
      'Type,First Name,Last Name,Company,Email,Mobile',
      'individual,Ian,Connected,,ian@example.com,(415) 555-0101',
      'individual,Ivy,Related,,ivy@example.com,',
      'individual,Ira,Phoned,,ira@example.com,',
      'individual,Isa,Plainly,,isa@example.com,(415) 555-0102',
      'business,,,Bizco Undone,info@bizco.example,',
    ].join('\n');
    const customersBefore = await app.strapi.db.query(CUSTOMER).count();
    const job = await importCsv(app, csv, 'customers');
    expect(job.counts).toMatchObject({ imported: 5 });
    const byName = (firstName: string) =>
      app.strapi.db.query(CUSTOMER).findOne({ where: { firstName } });
    const [ian, ivy, ira, isa] = await Promise.all(['Ian', 'Ivy', 'Ira', 'Isa'].map(byName));
    const bizco = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { businessName: 'Bizco Undone' } });

    await app
      .api()
      .post('/api/crm/connections')
      .send({ data: { customer: employer, connectedCustomer: ian.documentId, title: 'CFO' } })
      .expect(201);
    await app
      .api()
      .post('/api/crm/relationships')
      .send({
        data: {
          kind: 'loose',
          customer: investor,
          linkedCustomer: ivy.documentId,
          type: 'investor',
        },
      })
      .expect(201);
    await app
      .api()
      .post('/api/crm/phones')
      .send({ data: { customer: ira.documentId, type: 'home', number: '(415) 555-0199' } })
      .expect(201);
    await app
      .api()
      .post('/api/crm/contacts')
      .send({ data: { firstName: 'Bo', lastName: 'Staff', company: bizco.documentId } })
      .expect(201);
    const isaPhones = await app.strapi.db
      .query('plugin::crm.phone')
      .count({ where: { customer: { id: isa.id } } });
    expect(isaPhones).toBe(1);
    expect(await search('Isa Plainly')).toBe(1);

    const undone = await app.api().post(`/api/crm/imports/${job.documentId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.data.undo.removed).toEqual({ contacts: 0, customers: 1 });
    const reasons = Object.fromEntries(
      undone.body.data.undo.kept.map((entry: any) => [entry.documentId, entry.reasons.join('; ')])
    );
    expect(reasons).toEqual({
      [ian.documentId]: expect.stringMatching(/connection/),
      [ivy.documentId]: expect.stringMatching(/relationship/),
      [ira.documentId]: expect.stringMatching(/phone/),
      [bizco.documentId]: expect.stringMatching(/contact/),
    });

    expect(await app.strapi.db.query(CUSTOMER).count()).toBe(customersBefore + 4);
    expect(await app.strapi.db.query(CUSTOMER).findOne({ where: { id: isa.id } })).toBeNull();
    expect(
      await app.strapi.db.query('plugin::crm.phone').count({ where: { number: '+14155550102' } })
    ).toBe(0);
    expect(
      await app.strapi.db
        .query('plugin::crm.email')
        .count({ where: { address: 'isa@example.com' } })
    ).toBe(0);
    expect(await search('Isa Plainly')).toBe(0);
    const business = (
      await app.api().get(`/api/crm/customers/${employer}`).query({ populate: 'primaryContact' })
    ).body.data;
    expect(business.primaryContact.documentId).toBe(ian.documentId);
    expect(
      (await app.api().get(`/api/crm/customers/${ivy.documentId}/relationships`)).body.data
    ).toHaveLength(1);
    expect(await orphans()).toEqual([]);
    expect(await idOf(app, CUSTOMER, ira.documentId)).toBe(ira.id);
  });
});

describe('writes racing an undo', () => {
  it('a comment posted while the undo removes its contact waits, then answers 404; never an orphan comment', async () => {
    const job = await importCsv(app, 'First Name,Last Name\nLate,Commenter\n');
    const late = await app.strapi.db
      .query(CONTACT)
      .findOne({ where: { firstName: 'Late', lastName: 'Commenter' } });
    const gate = hold(app, 'record-removal', 'removeContacts');
    const undo = app
      .api()
      .post(`/api/crm/imports/${job.documentId}/undo`)
      .then((response) => response);
    await gate.entered;
    const comment = app
      .api()
      .post(`/api/crm/contacts/${late.documentId}/activity`)
      .send({ data: { body: 'Too late' } })
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 300));
    gate.release();
    expect((await undo).status).toBe(200);
    expect((await comment).status).toBe(404);
    expect(await app.strapi.db.query(CONTACT).findOne({ where: { id: late.id } })).toBeNull();
    expect(await orphans()).toEqual([]);
  });

  it('a contact linked to a created company while the undo removes it waits, then is refused with 400', async () => {
    const job = await importCsv(
      app,
      'First Name,Last Name,Company\nOnly,Worker,Short Lived Works\n'
    );
    const company = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { businessName: 'Short Lived Works' } });
    const gate = hold(app, 'record-removal', 'removeCustomers');
    const undo = app
      .api()
      .post(`/api/crm/imports/${job.documentId}/undo`)
      .then((response) => response);
    await gate.entered;
    const contact = app
      .api()
      .post('/api/crm/contacts')
      .send({ data: { firstName: 'New', lastName: 'Hire', company: company.documentId } })
      .then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 300));
    gate.release();
    expect((await undo).status).toBe(200);
    const created = await contact;
    expect(created.status).toBe(400);
    expect(created.body.error.message).toMatch('does not exist');
    expect(
      await app.strapi.db.query(CONTACT).count({ where: { firstName: 'New', lastName: 'Hire' } })
    ).toBe(0);
    expect(await orphans()).toEqual([]);
  });
});
