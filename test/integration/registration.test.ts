import { join } from 'node:path';

import { useTestApp } from '../helpers/strapi';

// A CRM's accounts are made by its staff: strangers cannot register themselves in a new app.
const app = useTestApp();

const register = (username: string) =>
  app
    .anonymous()
    .post('/api/auth/local/register')
    .send({ username, email: `${username}@strangers.test`, password: 'Password-123' });

describe('public self-registration', () => {
  it('is off in a new app', async () => {
    const response = await register('stranger');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch('Register action is currently disabled');
    expect(
      await app.strapi.db
        .query('plugin::users-permissions.user')
        .count({ where: { username: 'stranger' } })
    ).toBe(0);
  });

  it('stays as an admin sets it: the default is applied once', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: true } });
    // The host app's bootstrap runs at every start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const host = require(join(__dirname, '..', '..', 'dist', 'src', 'index.js')).default;
    await host.bootstrap({ strapi: app.strapi });
    expect(((await store.get({ key: 'advanced' })) as Record<string, unknown>).allow_register).toBe(
      true
    );
    expect((await register('invited')).status).toBe(200);
  });
});
