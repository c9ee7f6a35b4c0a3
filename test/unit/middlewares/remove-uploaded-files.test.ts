import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Context } from 'koa';

import {
  removeUploadedFiles,
  uploadedFilePaths,
} from '../../../src/plugins/crm/server/src/middlewares/remove-uploaded-files';

const dir = mkdtempSync(join(tmpdir(), 'crm-uploads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
const uploaded = () => {
  counter += 1;
  const filepath = join(dir, `part-${counter}`);
  writeFileSync(filepath, 'x');
  return { filepath };
};
const contextFor = (path: string, files?: Record<string, unknown>) =>
  ({ path, request: { files } }) as unknown as Context;

describe('uploadedFilePaths', () => {
  it('lists every part of every field, one or many per field', () => {
    const ctx = contextFor('/api/crm/imports', {
      file: [{ filepath: '/tmp/a' }, { filepath: '/tmp/b' }],
      attachment: { filepath: '/tmp/c' },
      empty: [],
    });
    expect(uploadedFilePaths(ctx)).toEqual(['/tmp/a', '/tmp/b', '/tmp/c']);
    expect(uploadedFilePaths(contextFor('/api/crm/imports'))).toEqual([]);
  });
});

describe('removeUploadedFiles', () => {
  const warnings: string[] = [];
  const middleware = removeUploadedFiles(['/api/crm/', '/crm/'], (message) =>
    warnings.push(message)
  );

  it('removes every uploaded file once the request has been handled', async () => {
    const parts = { file: [uploaded(), uploaded()], attachment: uploaded() };
    const ctx = contextFor('/api/crm/imports', parts);
    let presentWhileHandled = false;
    await middleware(ctx, async () => {
      presentWhileHandled = existsSync(parts.attachment.filepath);
    });
    expect(presentWhileHandled).toBe(true);
    expect([...parts.file, parts.attachment].map((part) => existsSync(part.filepath))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('removes them when the handler fails too, and lets the failure through', async () => {
    const part = uploaded();
    const ctx = contextFor('/crm/imports', { file: part });
    await expect(middleware(ctx, async () => Promise.reject(new Error('refused')))).rejects.toThrow(
      'refused'
    );
    expect(existsSync(part.filepath)).toBe(false);
  });

  it('leaves the requests to other paths alone', async () => {
    const part = uploaded();
    await middleware(contextFor('/api/upload', { files: part }), async () => undefined);
    expect(existsSync(part.filepath)).toBe(true);
  });

  it('warns about a file it cannot remove, without failing the request', async () => {
    const notAFile = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(notAFile, 'inside'), 'x');
    await middleware(
      contextFor('/api/crm/imports', { file: { filepath: notAFile } }),
      async () => undefined
    );
    expect(warnings).toEqual([
      expect.stringContaining(`could not remove the uploaded file ${notAFile}`),
    ]);
  });
});
