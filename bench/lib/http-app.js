'use strict';

/**
 * Serves a booted app over HTTP on a free local port and logs a users-permissions user of
 * `roleType` in: what a benchmark needs to call the content API as a client would.
 */
const serveWithUser = async (app, roleType = 'crm_sales') => {
  await app.server.mount();
  await new Promise((resolve) => app.server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${app.server.httpServer.address().port}`;
  const role = await app.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: roleType } });
  const username = `bench-${Date.now()}`;
  await app
    .plugin('users-permissions')
    .service('user')
    .add({
      username,
      email: `${username}@crm.bench`,
      password: 'Bench-Password-1',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  const login = await fetch(`${base}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: username, password: 'Bench-Password-1' }),
  });
  const { jwt } = await login.json();
  if (!jwt) throw new Error(`bench user login failed (${login.status})`);
  return { base, jwt };
};

module.exports = { serveWithUser };
