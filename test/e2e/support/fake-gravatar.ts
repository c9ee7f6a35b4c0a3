import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A stand-in for Gravatar's profile API on 127.0.0.1, so a browser test's lookups never leave the
 * machine: `GET /profiles/<sha256 of the trimmed, lower-cased address>` answers the profile filed
 * under that address in Gravatar's shape (404 for any other), and `GET /avatars/<name>.png` a tiny
 * image. scripts/e2e.js starts Strapi with `CRM_SOCIAL_GRAVATAR_URL` pointing at its port.
 */

/** A profile as Gravatar's API answers it (snake_case), without its avatar's address. */
export interface GravatarProfile {
  display_name?: string;
  first_name?: string;
  last_name?: string;
  job_title?: string;
  company?: string;
  location?: string;
  verified_accounts?: {
    service_type: string;
    service_label: string;
    service_icon: string;
    url: string;
    is_hidden: boolean;
  }[];
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64'
);

export const gravatarHash = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** The port scripts/e2e.js told Strapi the fake Gravatar listens on. */
export const gravatarPort = (): number => {
  const port = Number(process.env.E2E_GRAVATAR_PORT);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error('E2E_GRAVATAR_PORT is not set: run the browser tests with npm run test:e2e');
  return port;
};

export interface FakeGravatar {
  /** Files a profile under an address; its avatar is served by the fake server itself. */
  add: (email: string, profile: GravatarProfile) => { avatarUrl: string };
  /** The profile hashes Strapi asked for, in order. */
  requested: string[];
  close: () => Promise<void>;
}

export const startFakeGravatar = async (port = gravatarPort()): Promise<FakeGravatar> => {
  const base = `http://127.0.0.1:${port}`;
  const profiles = new Map<string, GravatarProfile & { avatar_url: string; hash: string }>();
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    const profile = /^\/profiles\/([0-9a-f]{64})$/.exec(path);
    if (request.method === 'GET' && profile) {
      requested.push(profile[1]);
      const found = profiles.get(profile[1]);
      response.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(found ?? { error: 'Profile not found', code: 'not_found' }));
      return;
    }
    if (request.method === 'GET' && /^\/avatars\/[\w-]+\.png$/.test(path)) {
      response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': PNG.length });
      response.end(PNG);
      return;
    }
    response.writeHead(404, { 'Content-Type': 'application/json' });
    response.end('{"error":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    requested,
    add: (email, profile) => {
      const hash = gravatarHash(email);
      const avatarUrl = `${base}/avatars/${hash.slice(0, 16)}.png`;
      profiles.set(hash, {
        hash,
        profile_url: `${base}/${hash.slice(0, 16)}`,
        avatar_url: avatarUrl,
        ...profile,
      } as GravatarProfile & { avatar_url: string; hash: string });
      return { avatarUrl };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
