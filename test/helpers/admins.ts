import request from 'supertest';

import type { TestApp } from './strapi';

/** A request of an admin-panel user, carrying its admin JWT. */
export type Admin = (method: 'get' | 'post' | 'put' | 'delete', path: string) => request.Test;

/** An admin-panel user with these admin roles, logged in through POST /admin/login. */
export const createAdmin = async (
  app: TestApp,
  email: string,
  roleIds: number[]
): Promise<Admin> => {
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Admin',
    lastname: email.split('@')[0],
    password: 'Admin-Password-1',
    isActive: true,
    registrationToken: null,
    roles: roleIds,
  });
  const login = await request(app.strapi.server.httpServer)
    .post('/admin/login')
    .send({ email, password: 'Admin-Password-1' });
  if (login.status !== 200)
    throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.data.token as string;
  return (method, path) =>
    request(app.strapi.server.httpServer)[method](path).set('Authorization', `Bearer ${token}`);
};

/** An admin role holding these actions (`plugin::crm.read`, …); its id. */
export const adminRole = async (app: TestApp, name: string, actions: string[]) => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name, description: `${name} (tests)` });
  if (actions.length)
    await roles.assignPermissions(
      role.id,
      actions.map((action) => ({ action }))
    );
  return role.id as number;
};

/** The super admin. */
export const createRootAdmin = async (app: TestApp, email = 'root@crm.test') => {
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  return createAdmin(app, email, [superAdmin.id]);
};

/** Strapi's error shape with `status`, its message matching `message` if given. */
export const expectStrapiError = (response: request.Response, status: number, message?: RegExp) => {
  expect(response.status).toBe(status);
  expect(response.body.error).toMatchObject({
    status,
    name: expect.any(String),
    message: expect.any(String),
  });
  if (message) expect(response.body.error.message).toMatch(message);
};
