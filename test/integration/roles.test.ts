import { CRM_ROLES, actionsForRole } from '../../src/plugins/crm/server/src/permissions';
import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

const app = useTestApp();

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';
const roles = () => app.strapi.plugin('crm').service('roles');
const roleId = async (type: string) =>
  (await app.strapi.db.query(ROLE).findOne({ where: { type } })).id;
const actionsOf = async (type: string) =>
  (await app.strapi.db.query(PERMISSION).findMany({ where: { role: { type } } }))
    .map((p: { action: string }) => p.action)
    .sort();

describe('CRM roles', () => {
  it('exist with the permissions of the role table, beside Public and Authenticated', async () => {
    const types = (await app.strapi.db.query(ROLE).findMany())
      .map((role: { type: string }) => role.type)
      .sort();
    expect(types).toEqual([
      'authenticated',
      'crm_admin',
      'crm_manager',
      'crm_marketeer',
      'crm_sales',
      'public',
    ]);
    for (const type of CRM_ROLES) {
      expect(await actionsOf(type)).toEqual(
        [...actionsForRole(type), 'plugin::users-permissions.user.me'].sort()
      );
    }
    expect(
      (await actionsOf('authenticated')).filter((action: string) =>
        action.startsWith('plugin::crm.')
      )
    ).toEqual([]);
  });

  it('are seeded idempotently: a restart creates nothing twice', async () => {
    const before = [
      await app.strapi.db.query(ROLE).count(),
      await app.strapi.db.query(PERMISSION).count(),
    ];
    await roles().ensureRoles();
    await roles().ensureRoles();
    expect([
      await app.strapi.db.query(ROLE).count(),
      await app.strapi.db.query(PERMISSION).count(),
    ]).toEqual(before);
  });

  it("keep an admin's later changes: a removed permission is not granted again", async () => {
    const sales = await roleId('crm_sales');
    await app.strapi.db
      .query(PERMISSION)
      .deleteMany({ where: { role: sales, action: 'plugin::crm.customer.create' } });
    await roles().ensureRoles();
    expect(await actionsOf('crm_sales')).not.toContain('plugin::crm.customer.create');
    const { agent } = await loginAs(app, 'crm_sales');
    const response = await agent()
      .post('/api/crm/customers')
      .send({ data: { firstName: 'A', lastName: 'B' } });
    expect(response.status).toBe(403);
  });

  it('cannot be widened beyond the table, even by a permission ticked in the admin panel', async () => {
    const marketeer = await roleId('crm_marketeer');
    await app.strapi.db
      .query(PERMISSION)
      .create({ data: { action: 'plugin::crm.customer.delete', role: marketeer } });
    await app.strapi.db
      .query(PERMISSION)
      .create({ data: { action: 'plugin::crm.customer.create', role: marketeer } });
    const { agent } = await loginAs(app, 'crm_marketeer');
    expect(
      (
        await agent()
          .post('/api/crm/customers')
          .send({ data: { firstName: 'A', lastName: 'B' } })
      ).status
    ).toBe(403);
    expect(await app.strapi.db.query('plugin::crm.customer').count()).toBe(0);
  });
});

describe('a CRM user', () => {
  it("cannot change their own role or anyone else's", async () => {
    const { agent, user } = await loginAs(app, 'crm_sales');
    const admin = await roleId('crm_admin');
    const response = await agent().put(`/api/users/${user.id}`).send({ role: admin });
    expect(response.status).toBe(403);
    const stored = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: user.id }, populate: ['role'] });
    expect(stored.role.type).toBe('crm_sales');
  });

  it('cannot populate what no CRM role may read', async () => {
    const { agent } = await loginAs(app, 'crm_manager');
    const created = await agent()
      .post('/api/crm/customers')
      .send({ data: { firstName: 'Pop', lastName: 'Ulate', ssn: '123-45-6789' } });
    expect(created.status).toBe(201);
    const everything = await agent()
      .get(`/api/crm/customers/${created.body.data.documentId}`)
      .query({ populate: '*' });
    expect(everything.status).toBe(200);
    expect(everything.body.data).not.toHaveProperty('ssnEncrypted');
    expect(everything.body.data).not.toHaveProperty('createdBy');
    const creator = await agent().get('/api/crm/customers').query({ 'populate[createdBy]': '*' });
    expect([200, 400]).toContain(creator.status);
    if (creator.status === 200) expect(creator.body.data[0]).not.toHaveProperty('createdBy');
    const filterOnSecret = await agent()
      .get('/api/crm/customers')
      .query({ 'filters[ssnEncrypted][$startsWith]': 'v1' });
    expect(filterOnSecret.status).toBe(400);
  });
});
