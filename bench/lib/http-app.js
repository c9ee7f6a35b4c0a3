'use strict';

const PASSWORD = 'Bench-Password-1';

/**
 * Makes a users-permissions user of `roleType` and logs it in through `base`'s `/api/auth/local`:
 * what a benchmark needs to call the content API as a client would.
 */
const loginAs = async (app, base, roleType = 'crm_sales') => {
  const role = await app.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: roleType } });
  if (!role) throw new Error(`no ${roleType} role`);
  const username = `bench-${roleType}-${Date.now()}`;
  await app
    .plugin('users-permissions')
    .service('user')
    .add({
      username,
      email: `${username}@crm.bench`,
      password: PASSWORD,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  const login = await fetch(`${base}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: username, password: PASSWORD }),
  });
  const { jwt } = await login.json();
  if (!jwt) throw new Error(`${roleType} login failed (${login.status})`);
  return { identifier: username, password: PASSWORD, jwt };
};

/** Serves a booted app over HTTP on a free local port; answers its port and base URL. */
const serve = async (app) => {
  await app.server.mount();
  await new Promise((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
  const port = app.server.httpServer.address().port;
  return { port, base: `http://127.0.0.1:${port}` };
};

/** Serves a booted app and logs a user of `roleType` in. */
const serveWithUser = async (app, roleType = 'crm_sales') => {
  const { base } = await serve(app);
  const { jwt, identifier, password } = await loginAs(app, base, roleType);
  return { base, jwt, identifier, password };
};

module.exports = { loginAs, serve, serveWithUser };
