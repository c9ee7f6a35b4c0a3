import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { gravatarHash } from '../../src/plugins/crm/server/src/domain';
import { gravatarProfile } from '../fixtures/social/gravatar-profile';
import {
  adminRole,
  createAdmin,
  createRootAdmin,
  expectStrapiError,
  type Admin,
} from '../helpers/admins';
import { useTestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

// The social profile lookup against a stand-in for Gravatar on the loopback interface: nothing
// in this file reaches outside the machine.
const app = useTestApp();

type Row = Record<string, any>;
const PERSONAL = 'jane.doe@social.test';
const WORK = 'jane@globex.social.test';
const OTHER = 'j.doe@elsewhere.social.test';
const FAILING = 'busy@social.test';

const profileOf = (email: string) => gravatarProfile(email);

let server: Server;
let baseUrl: string;
const asked: IncomingMessage[] = [];
const KNOWN = new Map([gravatarHash(WORK), gravatarHash(OTHER)].map((hash) => [hash, true]));

const answer = (request: IncomingMessage, response: ServerResponse) => {
  asked.push(request);
  const hash = request.url?.split('/').at(-1) ?? '';
  const email = [WORK, OTHER].find((address) => gravatarHash(address) === hash);
  response.setHeader('Content-Type', 'application/json');
  if (hash === gravatarHash(FAILING)) {
    response.writeHead(503);
    response.end(JSON.stringify({ error: 'busy' }));
  } else if (email && KNOWN.has(hash)) {
    response.writeHead(200);
    response.end(JSON.stringify(profileOf(email)));
  } else {
    response.writeHead(404);
    response.end(JSON.stringify({ error: 'Profile not found' }));
  }
};

const turn = (enabled: boolean) =>
  app.strapi.config.set('plugin::crm.socialLookup', {
    enabled,
    timeoutMs: 2000,
    gravatar: { baseUrl, apiKey: '' },
  });

let jane: Row;
let root: Admin;

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
  turn(false);
  const created = await app
    .api()
    .post('/api/crm/customers')
    .send({
      data: {
        type: 'individual',
        firstName: 'J',
        lastName: 'Doe',
        socialProfiles: [
          { service: 'GitHub', url: 'https://github.com/janetdoe', username: 'old' },
        ],
        emails: [
          { type: 'personal', address: PERSONAL },
          { type: 'work', address: WORK, isPrimary: true },
        ],
      },
    });
  expect(created.status).toBe(201);
  jane = created.body.data;
  root = await createRootAdmin(app, 'root@social.test');
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  asked.length = 0;
});

const lookup = (body?: Row) =>
  app
    .api()
    .post(`/api/crm/customers/${jane.documentId}/social-lookup`)
    .send(body ?? {});
const take = (body: Row, id = jane.documentId) =>
  app.api().put(`/api/crm/customers/${id}/social-profile`).send(body);

describe('while the lookup is turned off (the default)', () => {
  it('refuses both routes with 403 saying how to turn it on, and asks nobody', async () => {
    expectStrapiError(
      await lookup(),
      403,
      /social profile lookup is turned off.*CRM_SOCIAL_LOOKUP=true/
    );
    expectStrapiError(
      await take({ data: { lastName: 'Doe' } }),
      403,
      /social profile lookup is turned off/
    );
    expectStrapiError(
      await root('post', `/crm/customers/${jane.documentId}/social-lookup`).send({}),
      403
    );
    expect(asked).toHaveLength(0);
  });

  it('tells the admin pages it is off', async () => {
    const settings = await root('get', '/crm/settings');
    expect(settings.status).toBe(200);
    expect(settings.body.data.socialLookup).toEqual({ enabled: false });
  });
});

describe('while the lookup is turned on', () => {
  beforeAll(() => turn(true));
  afterAll(() => turn(false));

  it('looks up every e-mail address of the customer, primary first, and writes nothing', async () => {
    const response = await lookup();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        found: [
          {
            email: WORK,
            source: 'gravatar',
            profile: {
              firstName: 'Janet',
              lastName: 'Doe',
              displayName: 'Janet Doe',
              jobTitle: 'Engineer',
              company: 'Globex',
              location: 'Lisbon',
              avatarUrl: 'https://0.gravatar.com/avatar/janet',
              accounts: [{ service: 'GitHub', url: 'https://github.com/janetdoe' }],
            },
          },
        ],
      },
      meta: { searched: [WORK, PERSONAL], unavailable: [] },
    });
    expect(asked.map((request) => request.url).sort()).toEqual(
      [`/v3/profiles/${gravatarHash(WORK)}`, `/v3/profiles/${gravatarHash(PERSONAL)}`].sort()
    );
    const stored = await app.api().get(`/api/crm/customers/${jane.documentId}`);
    expect(stored.body.data).toMatchObject({ firstName: 'J', avatarUrl: null });
  });

  it('looks up another address when asked, and says when the source could not answer', async () => {
    const other = await lookup({ email: ` ${OTHER.toUpperCase()} ` });
    expect(other.status).toBe(200);
    expect(other.body.data.found).toEqual([
      expect.objectContaining({ email: OTHER, source: 'gravatar' }),
    ]);
    expect(other.body.meta).toEqual({ searched: [OTHER], unavailable: [] });

    const failing = await lookup({ email: FAILING });
    expect(failing.status).toBe(200);
    expect(failing.body).toEqual({
      data: { found: [] },
      meta: { searched: [FAILING], unavailable: [{ email: FAILING, source: 'gravatar' }] },
    });

    const nobody = await lookup({ email: 'nobody@social.test' });
    expect(nobody.body).toEqual({
      data: { found: [] },
      meta: { searched: ['nobody@social.test'], unavailable: [] },
    });
  });

  it('refuses an address that is not one (400 naming email), and an unknown customer (404)', async () => {
    expectStrapiError(await lookup({ email: 'not-an-address' }), 400, /email/);
    expectStrapiError(await lookup({ email: 42 }), 400, /email/);
    expectStrapiError(
      await app.api().post('/api/crm/customers/nosuchcustomer000000000/social-lookup').send({}),
      404
    );
    expect(asked).toHaveLength(0);
  });

  it('takes chosen names, the avatar and profiles through the customer update, recorded in the history', async () => {
    const response = await take({
      data: {
        firstName: 'Janet',
        lastName: 'Doe',
        avatarUrl: 'https://0.gravatar.com/avatar/janet',
        socialProfiles: [
          { service: 'GitHub', url: 'https://github.com/janetdoe' },
          { service: 'Mastodon', url: 'https://mastodon.social/@janet' },
        ],
      },
      source: { service: 'gravatar', email: WORK },
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: jane.documentId,
      firstName: 'Janet',
      lastName: 'Doe',
      displayName: expect.stringContaining('Janet Doe'),
      avatarUrl: 'https://0.gravatar.com/avatar/janet',
      socialProfiles: [
        { service: 'GitHub', url: 'https://github.com/janetdoe' },
        { service: 'Mastodon', url: 'https://mastodon.social/@janet' },
      ],
    });

    const history = await app.api().get(`/api/crm/customers/${jane.documentId}/history`);
    expect(history.status).toBe(200);
    const [latest] = history.body.data;
    expect(latest.action).toBe('update');
    expect(latest.origin).toBe(`social-profile:gravatar ${WORK}`);
    expect(latest.changes.map((change: Row) => change.field).sort()).toEqual([
      'avatarUrl',
      'firstName',
      'socialProfiles',
    ]);
  });

  it('keeps every profile when several takes for one customer run at once', async () => {
    const created = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { type: 'individual', firstName: 'Con', lastName: 'Current' } });
    expect(created.status).toBe(201);
    const urls = Array.from({ length: 6 }, (_, i) => `https://profiles.example/con-${i}`);
    const responses = await Promise.all(
      urls.map((url) =>
        take({ data: { socialProfiles: [{ service: 'Site', url }] } }, created.body.data.documentId)
      )
    );
    expect(responses.map((response) => response.status)).toEqual(urls.map(() => 200));
    const stored = await app.api().get(`/api/crm/customers/${created.body.data.documentId}`);
    expect(stored.body.data.socialProfiles.map((profile: Row) => profile.url).sort()).toEqual(
      [...urls].sort()
    );
  });

  it('refuses, by name, a field a profile may not fill and a value the customer rules refuse', async () => {
    expectStrapiError(await take({ data: { businessName: 'Globex' } }), 400, /data\.businessName/);
    expectStrapiError(await take({ data: { ssn: '287-65-4321' } }), 400, /data\.ssn/);
    expectStrapiError(await take({ data: { avatarUrl: 'javascript:alert(1)' } }), 400, /avatarUrl/);
    expectStrapiError(
      await take({ data: { socialProfiles: [{ service: 'X', url: 'ftp://x.example/jane' }] } }),
      400,
      /socialProfiles\.0\.url/
    );
    expectStrapiError(await take({ data: { lastName: '' } }), 400, /lastName/);
    expectStrapiError(await take({}), 400);
    expectStrapiError(await take({ data: { lastName: 'Doe' } }, 'nosuchcustomer000000000'), 404);
    const stored = await app.api().get(`/api/crm/customers/${jane.documentId}`);
    expect(stored.body.data).toMatchObject({ lastName: 'Doe', businessName: null });
  });

  it('checks avatarUrl and socialProfiles on every customer write', async () => {
    expectStrapiError(
      await app
        .api()
        .put(`/api/crm/customers/${jane.documentId}`)
        .send({ data: { avatarUrl: 'data:image/png;base64,AAAA' } }),
      400,
      /avatarUrl must be an http or https URL/
    );
  });

  it('is for those who may change customers: a read-only role or token gets 403', async () => {
    const marketeer = (await loginAs(app, 'crm_marketeer')).agent;
    const readOnly = await apiToken(app, 'read-only');
    for (const agent of [marketeer, readOnly]) {
      expectStrapiError(
        await agent().post(`/api/crm/customers/${jane.documentId}/social-lookup`).send({}),
        403
      );
      expectStrapiError(
        await agent()
          .put(`/api/crm/customers/${jane.documentId}/social-profile`)
          .send({ data: { lastName: 'Nope' } }),
        403
      );
    }
    const sales = (await loginAs(app, 'crm_sales')).agent;
    const allowed = await sales()
      .post(`/api/crm/customers/${jane.documentId}/social-lookup`)
      .send({});
    expect(allowed.status).toBe(200);
  });

  it('serves the admin panel behind plugin::crm.manage', async () => {
    const settings = await root('get', '/crm/settings');
    expect(settings.body.data.socialLookup).toEqual({ enabled: true });

    const found = await root('post', `/crm/customers/${jane.documentId}/social-lookup`).send({
      email: OTHER,
    });
    expect(found.status).toBe(200);
    expect(found.body.meta.searched).toEqual([OTHER]);

    const taken = await root('put', `/crm/customers/${jane.documentId}/social-profile`).send({
      data: { socialProfiles: [{ service: 'Blog', url: 'https://janet.example' }] },
      source: { service: 'gravatar', email: OTHER },
    });
    expect(taken.status).toBe(200);
    expect(taken.body.data.socialProfiles.map((profile: Row) => profile.url)).toEqual([
      'https://github.com/janetdoe',
      'https://mastodon.social/@janet',
      'https://janet.example',
    ]);

    const reader = await createAdmin(app, 'reader@social.test', [
      await adminRole(app, 'CRM social reader', ['plugin::crm.read']),
    ]);
    expectStrapiError(
      await reader('post', `/crm/customers/${jane.documentId}/social-lookup`).send({}),
      403
    );
    expectStrapiError(
      await reader('put', `/crm/customers/${jane.documentId}/social-profile`).send({
        data: { lastName: 'Nope' },
      }),
      403
    );
  });
});

describe("a customer's avatar and social profiles on other paths", () => {
  beforeAll(() => turn(true));
  afterAll(() => turn(false));
  const create = async (data: Row) => {
    const response = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { type: 'individual', ...data } });
    expect(response.status).toBe(201);
    return response.body.data as Row;
  };
  const github = { service: 'GitHub', url: 'https://github.com/ann' };
  const x = { service: 'X', url: 'https://x.com/ann' };
  const site = { service: 'Site', url: 'https://ann.example' };

  it("a merge keeps the survivor's avatar, else a merged one's, and joins the profiles by url", async () => {
    const survivor = await create({ firstName: 'Ann', lastName: 'Lee', socialProfiles: [github] });
    const merged = await create({
      firstName: 'Ann',
      lastName: 'Lee',
      avatarUrl: 'https://a.example/ann.png',
      socialProfiles: [{ ...github, username: 'ann' }, x],
    });
    const response = await app
      .api()
      .post('/api/crm/customers/merge')
      .send({ data: { survivor: survivor.documentId, merged: [merged.documentId] } });
    expect(response.status).toBe(200);
    const stored = await app.api().get(`/api/crm/customers/${survivor.documentId}`);
    expect(stored.body.data).toMatchObject({
      avatarUrl: 'https://a.example/ann.png',
      socialProfiles: [github, x],
    });
  });

  it('a revert of what was taken puts the avatar and profiles back as they were', async () => {
    const ann = await create({ firstName: 'Ann', lastName: 'Revert', socialProfiles: [github] });
    const taken = await take(
      { data: { avatarUrl: 'https://a.example/r.png', socialProfiles: [x] } },
      ann.documentId
    );
    expect(taken.body.data.socialProfiles).toEqual([github, x]);
    const history = await app.api().get(`/api/crm/customers/${ann.documentId}/history`);
    const [latest] = history.body.data;
    expect(latest.origin).toBe('social-profile');
    const reverted = await app.api().post(`/api/crm/history/${latest.documentId}/revert`);
    expect(reverted.status).toBe(200);
    const stored = await app.api().get(`/api/crm/customers/${ann.documentId}`);
    expect(stored.body.data).toMatchObject({ avatarUrl: null, socialProfiles: [github] });
  });

  it('the personal data export shows them and the erasure clears them', async () => {
    const ann = await create({
      firstName: 'Ann',
      lastName: 'Other',
      avatarUrl: 'https://a.example/other.png',
      socialProfiles: [site],
    });
    const exported = await app.api().get(`/api/crm/customers/${ann.documentId}/personal-data`);
    expect(exported.status).toBe(200);
    expect(exported.body.data.record).toMatchObject({
      avatarUrl: 'https://a.example/other.png',
      socialProfiles: [site],
    });
    const taken = await take(
      { data: { lastName: 'Found' }, source: { service: 'gravatar', email: OTHER } },
      ann.documentId
    );
    expect(taken.status).toBe(200);
    const erased = await app.api().post(`/api/crm/customers/${ann.documentId}/erase`);
    expect(erased.status).toBe(200);
    const row = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { documentId: ann.documentId }, select: ['avatarUrl', 'socialProfiles'] });
    expect(row).toEqual({ avatarUrl: null, socialProfiles: null });
    // The history still says where the name came from, no longer which address it was found by.
    const history = await app.api().get(`/api/crm/customers/${ann.documentId}/history`);
    const origins = history.body.data.map((entry: Row) => entry.origin).filter(Boolean);
    expect(origins).toEqual(['social-profile:gravatar']);
  });
});
