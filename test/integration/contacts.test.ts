import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

const app = useTestApp();

const CONTACT = 'plugin::crm.contact';
type Result = { ok: true; data: any } | { ok: false; status: number; message: string };

const paths = {
  REST: async (data: Record<string, unknown>): Promise<Result> => {
    const response = await app.api().post('/api/crm/contacts').send({ data });
    return response.status < 300
      ? { ok: true, data: response.body.data }
      : { ok: false, status: response.status, message: response.body.error?.message };
  },
  'document service': async (data: Record<string, unknown>): Promise<Result> => {
    try {
      return {
        ok: true,
        data: await (app.strapi.documents(CONTACT as never) as any).create({ data }),
      };
    } catch (error: any) {
      return {
        ok: false,
        status: error.name === 'ValidationError' ? 400 : 500,
        message: error.message,
      };
    }
  },
};
const ok = (result: Result) => {
  if (!result.ok) throw new Error(`expected success, got ${result.status}: ${result.message}`);
  return result.data;
};
const refused = (result: Result, message: string | RegExp) => {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  expect(result.status).toBe(400);
  expect(result.message).toMatch(message);
};
const contact = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Carla',
  lastName: 'Contact',
  ...overrides,
});
const newUser = async () =>
  app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: `u${Math.random().toString(36).slice(2, 9)}`,
      email: `${Math.random().toString(36).slice(2, 9)}@users.test`,
      password: 'Password-123',
      provider: 'local',
      confirmed: true,
    });

describe.each(Object.entries(paths))('contact rules through %s', (_name, create) => {
  it('saves a contact with normalised phones and emails, active by default', async () => {
    const saved = ok(
      await create(
        contact({
          mobilePhone: '(415) 555-2671',
          workPhone: '+44 20 7946 0958',
          email: ' Carla@Example.COM ',
          timezone: 'Europe/Paris',
          language: 'pt-br',
        })
      )
    );
    expect(saved).toMatchObject({
      mobilePhone: '+14155552671',
      workPhone: '+442079460958',
      email: 'carla@example.com',
      timezone: 'Europe/Paris',
      language: 'pt-BR',
      active: true,
      contactPreference: 'any',
      isUser: false,
    });
  });

  it('requires first and last name', async () => {
    refused(await create({ lastName: 'Only' }), 'a contact needs a firstName');
    refused(await create({ firstName: 'Only' }), 'a contact needs a lastName');
  });

  it('refuses bad phones, emails, zones, languages, preferences and birthdays', async () => {
    refused(
      await create(contact({ mobilePhone: '12' })),
      /mobilePhone: .*not a valid phone number/
    );
    refused(await create(contact({ email2: 'nope' })), /email2: .*not a valid email address/);
    refused(await create(contact({ timezone: 'Mars/Olympus' })), 'IANA time zone');
    refused(await create(contact({ timezone: '+02:00' })), 'IANA time zone');
    refused(await create(contact({ language: 'not a tag!' })), 'BCP 47');
    refused(await create(contact({ contactPreference: 'pigeon' })), /contactPreference/);
    refused(await create(contact({ birthday: '2999-01-01' })), 'birthday cannot be in the future');
  });

  it('needs a user exactly when isUser is set', async () => {
    const user = await newUser();
    refused(await create(contact({ isUser: true })), 'a contact marked isUser needs a user');
    refused(
      await create(contact({ user: user.documentId })),
      'a contact with a user must be marked isUser'
    );
    ok(await create(contact({ isUser: true, user: user.documentId })));
  });

  it('links a company that is an existing customer', async () => {
    const company = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Contact Co' } })
    ).body.data;
    ok(await create(contact({ company: company.documentId, jobTitle: 'Buyer' })));
    refused(await create(contact({ company: 'nosuchcustomer0000000000' })), 'does not exist');
  });
});

describe('the contact list', () => {
  let company: string;
  beforeAll(async () => {
    company = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Listing Co' } })
    ).body.data.documentId;
    for (const [lastName, active] of [
      ['Active', true],
      ['Dormant', false],
      ['Busy', true],
    ] as const) {
      await app
        .api()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'List', lastName, active, company } })
        .expect(201);
    }
  });
  const names = (response: { body: any }) =>
    response.body.data.map((item: any) => item.lastName).sort();
  const base = () => ({ 'filters[company][documentId]': company });

  it('shows active contacts only by default', async () => {
    expect(names(await app.api().get('/api/crm/contacts').query(base()))).toEqual([
      'Active',
      'Busy',
    ]);
  });

  it('shows inactive ones when asked', async () => {
    expect(
      names(
        await app
          .api()
          .get('/api/crm/contacts')
          .query({ ...base(), includeInactive: 'true' })
      )
    ).toEqual(['Active', 'Busy', 'Dormant']);
    expect(
      names(
        await app
          .api()
          .get('/api/crm/contacts')
          .query({ ...base(), 'filters[active]': 'false' })
      )
    ).toEqual(['Dormant']);
    expect(
      (await app.api().get('/api/crm/contacts').query({ includeInactive: 'maybe' })).status
    ).toBe(400);
  });

  it("keeps Strapi's filters, sort, pagination and populate", async () => {
    const response = await app
      .api()
      .get('/api/crm/contacts')
      .query({ ...base(), sort: 'lastName:desc', 'pagination[pageSize]': 1, populate: 'company' });
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0]).toMatchObject({
      lastName: 'Busy',
      company: { businessName: 'Listing Co' },
    });
    expect(response.body.meta.pagination.total).toBe(2);
  });

  it('filters by company in every spelling, alone or with other filters', async () => {
    const get = (query: Record<string, unknown>) => app.api().get('/api/crm/contacts').query(query);
    expect(names(await get({ 'filters[company][documentId][$eq]': company }))).toEqual([
      'Active',
      'Busy',
    ]);
    expect(names(await get({ 'filters[company][documentId][$in][0]': company }))).toEqual([
      'Active',
      'Busy',
    ]);
    const companyId = (
      await app.strapi.db.query('plugin::crm.customer').findOne({ where: { documentId: company } })
    ).id;
    expect(names(await get({ 'filters[company][id]': companyId }))).toEqual(['Active', 'Busy']);
    expect(names(await get({ ...base(), 'filters[lastName][$eqi]': 'busy' }))).toEqual(['Busy']);
    expect(names(await get({ ...base(), 'filters[lastName][$startsWith]': 'Bu' }))).toEqual([
      'Busy',
    ]);
    expect(names(await get({ ...base(), 'filters[lastName][$containsi]': 'CTIV' }))).toEqual([
      'Active',
    ]);
    expect(names(await get({ ...base(), 'filters[active]': 'false' }))).toEqual(['Dormant']);
    expect(
      names(await get({ 'filters[company][documentId]': 'nosuchcustomer0000000000' }))
    ).toEqual([]);
    expect(names(await get({ 'filters[company][businessName]': 'Listing Co' }))).toEqual([
      'Active',
      'Busy',
    ]);
  });

  it('returns the related lists of one contact with populate', async () => {
    const [first] = (await app.api().get('/api/crm/contacts').query(base())).body.data;
    await app
      .api()
      .post(`/api/crm/contacts/${first.documentId}/activity`)
      .send({ data: { body: 'Met at the fair' } })
      .expect(201);
    const list = await app
      .api()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: 'Fair', channel: 'email' } });
    await app
      .api()
      .post(`/api/crm/marketing-lists/${list.body.data.documentId}/members`)
      .send({ contacts: [first.documentId] })
      .expect(200);
    const response = await app
      .api()
      .get(`/api/crm/contacts/${first.documentId}`)
      .query({ populate: ['company', 'manager', 'marketingLists', 'activities'] });
    expect(response.body.data).toMatchObject({
      company: { businessName: 'Listing Co' },
      manager: null,
      marketingLists: [{ name: 'Fair' }],
      activities: [{ body: 'Met at the fair' }],
    });
  });
});

describe('generate login', () => {
  const makeContact = async () =>
    (await app.api().post('/api/crm/contacts').send({ data: contact() })).body.data
      .documentId as string;

  it('creates a confirmed account with no CRM role, links it, and never returns a password', async () => {
    const id = await makeContact();
    const response = await app
      .api()
      .post(`/api/crm/contacts/${id}/generate-login`)
      .send({ email: 'New.Login@Example.com' });
    expect(response.status).toBe(201);
    expect(JSON.stringify(response.body)).not.toMatch(/password/i);
    const user = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: 'new.login@example.com' }, populate: ['role'] });
    expect(user).toMatchObject({ confirmed: true, blocked: false });
    expect(user.role.type).toBe('authenticated');
    const linked = await app.strapi.db
      .query(CONTACT)
      .findOne({ where: { documentId: id }, populate: ['user'] });
    expect(linked).toMatchObject({ isUser: true, user: { id: user.id } });
  });

  it('answers 409 when the contact has a login or the email is taken, 400 for a bad email', async () => {
    const id = await makeContact();
    await app
      .api()
      .post(`/api/crm/contacts/${id}/generate-login`)
      .send({ email: 'first@example.com' })
      .expect(201);
    const again = await app
      .api()
      .post(`/api/crm/contacts/${id}/generate-login`)
      .send({ email: 'second@example.com' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      status: 409,
      message: 'this contact already has a login',
    });
    const other = await makeContact();
    const taken = await app
      .api()
      .post(`/api/crm/contacts/${other}/generate-login`)
      .send({ email: 'FIRST@example.com' });
    expect(taken.status).toBe(409);
    expect(
      (await app.api().post(`/api/crm/contacts/${other}/generate-login`).send({ email: 'bad' }))
        .status
    ).toBe(400);
    expect(
      (
        await app
          .api()
          .post('/api/crm/contacts/nosuchcontact00000000000/generate-login')
          .send({ email: 'x@example.com' })
      ).status
    ).toBe(404);
  });
});

describe('marketing lists', () => {
  it('take members from crm_sales and crm_manager only', async () => {
    const target = (await app.api().post('/api/crm/contacts').send({ data: contact() })).body.data
      .documentId;
    const list = (
      await app
        .api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name: 'Roles', channel: 'email' } })
    ).body.data.documentId;
    for (const [role, status] of [
      ['crm_sales', 200],
      ['crm_manager', 200],
      ['crm_admin', 403],
      ['crm_marketeer', 403],
    ] as const) {
      const { agent } = await loginAs(app, role);
      expect(
        (
          await agent()
            .post(`/api/crm/marketing-lists/${list}/members`)
            .send({ contacts: [target] })
        ).status
      ).toBe(status);
    }
    expect(
      (
        await app
          .api()
          .post(`/api/crm/marketing-lists/${list}/members`)
          .send({ contacts: ['nosuchcontact00000000000'] })
      ).status
    ).toBe(400);
  });

  it('export the reachable members only, say who was left out and why, and neutralise formulas', async () => {
    const add = async (data: Record<string, unknown>) =>
      (
        await app
          .api()
          .post('/api/crm/contacts')
          .send({ data: contact(data) })
      ).body.data.documentId as string;
    const members = [
      await add({ lastName: 'Reachable', email: 'reach@example.com' }),
      await add({ lastName: 'NoEmails', email: 'no@example.com', doNotEmail: true }),
      await add({ lastName: 'Gone', email: 'gone@example.com', active: false }),
      await add({ lastName: 'Silent' }),
      await add({
        firstName: '=HYPERLINK("http://evil")',
        lastName: '+Formula',
        email: 'formula@example.com',
        jobTitle: '@SUM(A1)',
      }),
      await add({
        lastName: 'Caller',
        email: 'caller@example.com',
        mobilePhone: '(415) 555-2671',
        doNotCall: true,
      }),
    ];
    const email = (
      await app
        .api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name: 'Newsletter', channel: 'email' } })
    ).body.data.documentId;
    await app
      .api()
      .post(`/api/crm/marketing-lists/${email}/members`)
      .send({ contacts: members })
      .expect(200);
    const response = await app.api().get(`/api/crm/marketing-lists/${email}/export`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch('text/csv');
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"# Newsletter (email): 3 exported, 3 left out (does not want emails: 1; inactive: 1; no email address: 1)"'
    );
    expect(lines[1]).toBe('firstName,lastName,email,company,jobTitle');
    expect(lines.slice(2).join('\n')).toContain('Carla,Reachable,reach@example.com,,');
    expect(lines.slice(2).join('\n')).toContain(
      `"'=HYPERLINK(""http://evil"")",'+Formula,formula@example.com,,'@SUM(A1)`
    );
    expect(response.text).not.toContain('no@example.com');
    expect(response.text).not.toContain('gone@example.com');
    expect(response.headers['x-left-out-count']).toBe('3');

    const phone = (
      await app
        .api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name: 'Calls', channel: 'phone' } })
    ).body.data.documentId;
    await app
      .api()
      .post(`/api/crm/marketing-lists/${phone}/members`)
      .send({ contacts: members })
      .expect(200);
    const calls = await app.api().get(`/api/crm/marketing-lists/${phone}/export`);
    expect(calls.text).not.toContain('Caller');
    expect(calls.text.split('\r\n')[0]).toContain('does not want calls: 1');
  });
});

describe('the activity feed', () => {
  it('takes comments from the four CRM roles, authored by the caller whatever the body says, newest first', async () => {
    const target = (await app.api().post('/api/crm/contacts').send({ data: contact() })).body.data
      .documentId;
    for (const role of ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer']) {
      const { agent, user } = await loginAs(app, role);
      const response = await agent()
        .post(`/api/crm/contacts/${target}/activity`)
        .send({
          data: {
            body: `note from ${role}`,
            authorName: 'Somebody Else',
            authorId: '1',
            authorType: 'admin',
          },
        });
      expect(response.status).toBe(201);
      expect(response.body.data).toMatchObject({
        authorType: 'user',
        authorId: String(user.id),
        authorName: user.username,
      });
    }
    const feed = await app.api().get(`/api/crm/contacts/${target}/activity`).query({ pageSize: 3 });
    expect(feed.body.data.map((item: any) => item.body)).toEqual([
      'note from crm_marketeer',
      'note from crm_sales',
      'note from crm_manager',
    ]);
    expect(feed.body.meta.pagination).toMatchObject({
      page: 1,
      pageSize: 3,
      total: 4,
      pageCount: 2,
    });
    const { agent } = await loginAs(app, 'authenticated');
    expect(
      (
        await agent()
          .post(`/api/crm/contacts/${target}/activity`)
          .send({ data: { body: 'hi' } })
      ).status
    ).toBe(403);
  });

  it('refuses an empty comment and one over 5,000 characters', async () => {
    const target = (await app.api().post('/api/crm/contacts').send({ data: contact() })).body.data
      .documentId;
    expect(
      (
        await app
          .api()
          .post(`/api/crm/contacts/${target}/activity`)
          .send({ data: { body: '  ' } })
      ).status
    ).toBe(400);
    expect(
      (
        await app
          .api()
          .post(`/api/crm/contacts/${target}/activity`)
          .send({ data: { body: 'x'.repeat(5001) } })
      ).status
    ).toBe(400);
    expect(
      (
        await app
          .api()
          .post(`/api/crm/contacts/${target}/activity`)
          .send({ data: { body: 'x'.repeat(5000) } })
      ).status
    ).toBe(201);
  });
});

describe('convert to customer', () => {
  const company = async () =>
    (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Employer Inc' } })
    ).body.data.documentId as string;

  it("makes an individual customer with the contact's data, an employee connection, and links the contact", async () => {
    const employer = await company();
    const id = (
      await app
        .api()
        .post('/api/crm/contacts')
        .send({
          data: contact({
            middleName: 'M',
            birthday: '1990-05-17',
            mobilePhone: '(415) 555-2671',
            workPhone: '(617) 555-0101',
            email: 'carla@home.example',
            email2: 'carla@work.example',
            doNotEmail: true,
            doNotCall: true,
            jobTitle: 'CFO',
            company: employer,
          }),
        })
    ).body.data.documentId;
    const response = await app.api().post(`/api/crm/contacts/${id}/convert`);
    expect(response.status).toBe(201);
    const customer = response.body.data;
    expect(customer).toMatchObject({
      type: 'individual',
      firstName: 'Carla',
      middleName: 'M',
      lastName: 'Contact',
      dateOfBirth: '1990-05-17',
      noEmail: true,
      noPhoneCalls: true,
    });
    expect(customer).not.toHaveProperty('ssnEncrypted');
    expect(customer.phones.map((p: any) => [p.type, p.number]).sort()).toEqual([
      ['cell', '+14155552671'],
      ['work', '+16175550101'],
    ]);
    expect(customer.emails.map((e: any) => [e.type, e.address]).sort()).toEqual([
      ['personal', 'carla@home.example'],
      ['work', 'carla@work.example'],
    ]);
    const connections = (await app.api().get(`/api/crm/customers/${employer}/connections`)).body
      .data;
    expect(connections).toEqual([
      expect.objectContaining({
        relationshipType: 'employee',
        title: 'CFO',
        isPrimaryContact: true,
      }),
    ]);
    const linked = await app.strapi.db
      .query(CONTACT)
      .findOne({ where: { documentId: id }, populate: ['convertedCustomer'] });
    expect(linked.convertedCustomer.documentId).toBe(customer.documentId);

    const again = await app.api().post(`/api/crm/contacts/${id}/convert`);
    expect(again.status).toBe(409);
  });

  it('refuses, naming the rule, and creates nothing when the contact breaks a customer rule', async () => {
    const id = (
      await app
        .api()
        .post('/api/crm/contacts')
        .send({
          data: contact({
            mobilePhone: '(415) 555-2671',
            workPhone: '(617) 555-0101',
            company: await company(),
          }),
        })
    ).body.data.documentId;
    const count = async () => [
      await app.strapi.db.query('plugin::crm.customer').count(),
      await app.strapi.db.query('plugin::crm.phone').count(),
      await app.strapi.db.query('plugin::crm.connection').count(),
    ];
    const before = await count();
    app.strapi.config.set('plugin::crm.contactPointLimits', { individual: { phone: 1 } });
    try {
      const response = await app.api().post(`/api/crm/contacts/${id}/convert`);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch('an individual can have at most 1 phone');
    } finally {
      app.strapi.config.set('plugin::crm.contactPointLimits', {});
    }
    expect(await count()).toEqual(before);
    const contactRow = await app.strapi.db
      .query(CONTACT)
      .findOne({ where: { documentId: id }, populate: ['convertedCustomer'] });
    expect(contactRow.convertedCustomer).toBeNull();
  });
});
