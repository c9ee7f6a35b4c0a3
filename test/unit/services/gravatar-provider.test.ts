import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { gravatarHash } from '../../../src/plugins/crm/server/src/domain';
import { createGravatarProvider } from '../../../src/plugins/crm/server/src/services/social-lookup/gravatar';
import { SourceUnavailable } from '../../../src/plugins/crm/server/src/services/social-lookup/provider';
import { gravatarProfile } from '../../fixtures/social/gravatar-profile';

// A stand-in for Gravatar on the loopback interface, answering in its documented shape.
type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let server: Server;
let baseUrl: string;
let handler: Handler;
const requests: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
});

const json =
  (status: number, body: unknown): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };

const EMAIL = 'Jane.Doe@Example.com';
const PROFILE = gravatarProfile(EMAIL, {
  display_name: 'Jane Doe',
  avatar_url: 'https://0.gravatar.com/avatar/x',
});

/** One lookup, aborted after `timeoutMs` as the service does. */
const lookup = async (options: { apiKey?: string; timeoutMs?: number; at?: string } = {}) => {
  const provider = createGravatarProvider({
    baseUrl: options.at ?? baseUrl,
    apiKey: options.apiKey ?? '',
  });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 2000);
  try {
    return await provider.lookup(EMAIL, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
};

const unavailable = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown
  );
  expect(error).toBeInstanceOf(SourceUnavailable);
  return (error as SourceUnavailable).reason;
};

describe('the Gravatar provider', () => {
  it('asks for the hash of the address, as JSON, without credentials when it has no key', async () => {
    handler = json(200, PROFILE);
    expect(await lookup()).toEqual({
      firstName: 'Jane',
      lastName: 'Doe',
      displayName: 'Jane Doe',
      jobTitle: 'Engineer',
      company: 'Globex',
      location: 'Lisbon',
      avatarUrl: 'https://0.gravatar.com/avatar/x',
      accounts: [{ service: 'GitHub', url: 'https://github.com/janetdoe' }],
    });
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe('GET');
    expect(requests[0].url).toBe(`/v3/profiles/${gravatarHash('jane.doe@example.com')}`);
    expect(requests[0].headers.accept).toBe('application/json');
    expect(requests[0].headers.authorization).toBeUndefined();
  });

  it('sends the API key as a bearer token when one is set', async () => {
    handler = json(200, { ...PROFILE, first_name: 'Janet', last_name: 'Doe' });
    expect(await lookup({ apiKey: 'secret-key' })).toMatchObject({
      firstName: 'Janet',
      lastName: 'Doe',
    });
    expect(requests[0].headers.authorization).toBe('Bearer secret-key');
  });

  it('answers null for an address Gravatar does not know (404)', async () => {
    handler = json(404, { error: 'Profile not found', code: 'profile_not_found' });
    expect(await lookup()).toBeNull();
  });

  it.each([429, 500, 503])('is unavailable when Gravatar answers %i', async (status) => {
    handler = json(status, { error: 'nope' });
    expect(await unavailable(lookup())).toBe(`answered HTTP ${status}`);
  });

  it('is unavailable when no answer comes in time', async () => {
    handler = (request, response) => {
      const timer = setTimeout(() => json(200, PROFILE)(request, response), 1000);
      response.on('close', () => clearTimeout(timer));
    };
    const started = Date.now();
    expect(await unavailable(lookup({ timeoutMs: 100 }))).toBe('no answer in time');
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('is unavailable when the body is not JSON', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('<html>maintenance</html>');
    };
    expect(await unavailable(lookup())).toBe('answered something that is not JSON');
  });

  it('is unavailable when the JSON is not a profile', async () => {
    handler = json(200, { hash: 42, verified_accounts: 'none' });
    expect(await unavailable(lookup())).toMatch(/^answered a profile of another shape \(hash: /);
  });

  it('is unavailable when nothing listens', async () => {
    expect(await unavailable(lookup({ at: 'http://127.0.0.1:1' }))).toMatch(/^request failed/);
  });
});
