import { e2eEnv } from './env';

/**
 * The admin API as a logged-in admin sees it (the same routes the admin panel calls), for setting
 * up data and roles before a browser test and for checking what the server answers.
 */
export interface AdminApi {
  token: string;
  request: (
    method: string,
    path: string,
    body?: unknown
  ) => Promise<{ status: number; body: any; text: string; headers: Headers }>;
}

export const adminLogin = async (email: string, password: string): Promise<AdminApi> => {
  const { baseUrl } = e2eEnv();
  const login = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const json = (await login.json()) as any;
  if (login.status !== 200)
    throw new Error(`admin login of ${email} failed: ${login.status} ${JSON.stringify(json)}`);
  const token = json.data.token as string;
  return {
    token,
    request: async (method, path, body) => {
      const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      return { status: response.status, body: parsed, text, headers: response.headers };
    },
  };
};

/** The super admin scripts/e2e.js created. */
export const superAdmin = () => {
  const { admin } = e2eEnv();
  return adminLogin(admin.email, admin.password);
};

const ok = <T extends { status: number; text: string }>(
  what: string,
  response: T,
  ...expected: number[]
): T => {
  if (!expected.includes(response.status))
    throw new Error(`${what}: ${response.status} ${response.text.slice(0, 500)}`);
  return response;
};

/** An admin role with exactly the given actions (e.g. `plugin::crm.read`; none for a role outside the CRM). */
export const createAdminRole = async (
  api: AdminApi,
  name: string,
  actions: { action: string; subject?: string | null }[] = []
) => {
  const created = ok(
    'create admin role',
    await api.request('POST', '/admin/roles', { name, description: `${name} (browser tests)` }),
    200,
    201
  );
  const role = created.body.data as { id: number; name: string };
  const permissions = actions.map(({ action, subject = null }) => ({
    action,
    subject,
    properties: {},
    conditions: [],
  }));
  ok(
    'assign role permissions',
    await api.request('PUT', `/admin/roles/${role.id}/permissions`, { permissions }),
    200
  );
  return role;
};

/** An active admin user with the given roles and password, registered as an invited admin would be. */
export const createAdminUser = async (
  api: AdminApi,
  user: { email: string; password: string; roles: number[]; firstname?: string; lastname?: string }
) => {
  const firstname = user.firstname ?? 'Browser';
  const lastname = user.lastname ?? 'Tester';
  const created = ok(
    'create admin user',
    await api.request('POST', '/admin/users', {
      email: user.email,
      firstname,
      lastname,
      roles: user.roles,
    }),
    200,
    201
  );
  const { registrationToken, id } = created.body.data as { registrationToken: string; id: number };
  const { baseUrl } = e2eEnv();
  const registered = await fetch(`${baseUrl}/admin/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      registrationToken,
      userInfo: { firstname, lastname, password: user.password },
    }),
  });
  if (registered.status !== 200)
    throw new Error(
      `register admin ${user.email}: ${registered.status} ${await registered.text()}`
    );
  return { id, email: user.email, password: user.password };
};

/** Creates a record through the content manager (document middlewares apply, as in the admin UI). */
export const createEntry = async (api: AdminApi, uid: string, data: Record<string, unknown>) => {
  const response = ok(
    `create ${uid}`,
    await api.request('POST', `/content-manager/collection-types/${uid}`, data),
    200,
    201
  );
  return response.body.data as { id: number; documentId: string } & Record<string, unknown>;
};
