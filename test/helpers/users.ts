import request from 'supertest';

import type { TestApp } from './strapi';

/**
 * A users-permissions user with the given role type (e.g. `crm_sales`, `authenticated`), logged in
 * through POST /api/auth/local; returns a supertest agent carrying its JWT.
 */
export const loginAs = async (app: TestApp, roleType: string) => {
  const role = await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: roleType } });
  if (!role) throw new Error(`no users-permissions role of type ${roleType}`);
  const username = `${roleType}-${Math.random().toString(36).slice(2, 8)}`;
  const password = 'Password-123';
  const user = await app.strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username,
      email: `${username}@crm.test`,
      password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  const login = await request(app.strapi.server.httpServer)
    .post('/api/auth/local')
    .send({ identifier: username, password });
  if (login.status !== 200)
    throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const jwt = login.body.jwt as string;
  return {
    user,
    role,
    agent: () =>
      app.checking(
        request.agent(app.strapi.server.httpServer).set('Authorization', `Bearer ${jwt}`)
      ),
  };
};

export const apiToken = async (
  app: TestApp,
  type: 'full-access' | 'read-only' | 'custom',
  permissions: string[] = []
) => {
  const token = await app.strapi.service('admin::api-token').create({
    name: `${type}-${Math.random().toString(36).slice(2, 8)}`,
    type,
    lifespan: null,
    description: 'tests',
    ...(type === 'custom' ? { permissions } : {}),
  });
  return () =>
    app.checking(
      request.agent(app.strapi.server.httpServer).set('Authorization', `Bearer ${token.accessKey}`)
    );
};
