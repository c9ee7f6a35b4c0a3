import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type request from 'supertest';

import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// The body parser writes every file part of a multipart request to the temporary directory; none
// of them may stay there once the request has been answered, whatever the answer.
const app = useTestApp();

/** The regular files of the temporary directory changed in the last minute, by name. */
const recentTemporaryFiles = () => {
  const since = Date.now() - 60_000;
  const names = new Set<string>();
  for (const name of readdirSync(tmpdir())) {
    try {
      const stat = statSync(join(tmpdir(), name));
      if (stat.isFile() && stat.mtimeMs >= since) names.add(name);
    } catch {
      // removed meanwhile (another process's file)
    }
  }
  return names;
};

/**
 * Sends `send` (a multipart request whose every part holds a marker of its own) and returns the
 * response and the files this request left in the temporary directory: new files holding the
 * marker, so that other processes' files are never counted.
 */
const leftBehind = async (send: (marker: string) => request.Test) => {
  const marker = `upload-cleanup-${randomBytes(8).toString('hex')}`;
  const before = recentTemporaryFiles();
  const response = await send(marker);
  const left = [...recentTemporaryFiles()].filter((name) => {
    if (before.has(name)) return false;
    try {
      return readFileSync(join(tmpdir(), name), 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
  return { response, left };
};

/** Two `file` parts and an `attachment` part, each a CSV holding `marker`. */
const threeParts = (post: request.Test, marker: string) =>
  post
    .field('object', 'contacts')
    .attach(
      'file',
      Buffer.from(`First Name,Last Name,Notes\nAda,Lovelace,${marker} first\n`),
      'first.csv'
    )
    .attach(
      'file',
      Buffer.from(`First Name,Last Name,Notes\nBob,Builder,${marker} second\n`),
      'second.csv'
    )
    .attach('attachment', Buffer.from(`notes,${marker} attachment\n`), 'notes.csv');

describe('the files of a multipart upload to the CRM', () => {
  it('are all removed after an import is created, a part under another field name too', async () => {
    const { response, left } = await leftBehind((marker) =>
      app
        .api()
        .post('/api/crm/imports')
        .field('object', 'contacts')
        .attach(
          'file',
          Buffer.from(`First Name,Last Name,Notes\nAda,Lovelace,${marker}\n`),
          'contacts.csv'
        )
        .attach('attachment', Buffer.from(`notes,${marker} attachment\n`), 'notes.csv')
    );
    expect(response.status).toBe(201);
    expect(response.body.data.fileName).toBe('contacts.csv');
    expect(left).toEqual([]);
  });

  it('are all removed when two file parts are sent (refused: one file per import)', async () => {
    const { response, left } = await leftBehind((marker) =>
      threeParts(app.api().post('/api/crm/imports'), marker)
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'one file per import: the request has 2 parts named file',
    });
    expect(left).toEqual([]);
  });

  it('are all removed when the upload is refused as bad input', async () => {
    const { response, left } = await leftBehind((marker) =>
      app
        .api()
        .post('/api/crm/imports')
        .field('object', 'planets')
        .attach('file', Buffer.from(`Name\n${marker}\n`), 'planets.csv')
        .attach('attachment', Buffer.from(marker), 'notes.txt')
    );
    expect(response.status).toBe(400);
    expect(left).toEqual([]);
  });

  it('are all removed when a policy refuses the request before the controller runs', async () => {
    const { agent } = await loginAs(app, 'crm_sales');
    const { response, left } = await leftBehind((marker) =>
      threeParts(agent().post('/api/crm/imports'), marker)
    );
    expect(response.status).toBe(403);
    expect(left).toEqual([]);
  });

  it('are all removed when an anonymous request is refused, on the content API and on the admin API', async () => {
    const contentApi = await leftBehind((marker) =>
      threeParts(app.anonymous().post('/api/crm/imports'), marker)
    );
    expect(contentApi.response.status).toBe(403);
    expect(contentApi.left).toEqual([]);
    const adminApi = await leftBehind((marker) =>
      threeParts(app.anonymous().post('/crm/imports'), marker)
    );
    expect(adminApi.response.status).toBe(401);
    expect(adminApi.left).toEqual([]);
  });
});
