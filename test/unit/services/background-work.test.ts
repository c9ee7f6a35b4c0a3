import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';

import duplicateScans from '../../../src/plugins/crm/server/src/services/duplicate-scans';
import importJobs from '../../../src/plugins/crm/server/src/services/imports/import-jobs';
import importRunner from '../../../src/plugins/crm/server/src/services/imports/import-runner';
import { inBackground } from '../../../src/plugins/crm/server/src/utils/event-loop';

/**
 * A Strapi stand-in that answers anything while a service is made, and once armed notes, at each
 * touch, whether the caller runs as background work, then throws: the work stops at its first
 * touch of Strapi, which shows the scope it runs in.
 */
const recordingStrapi = () => {
  const touches: boolean[] = [];
  let armed = false;
  const stop = new Error('stand-in: stop here');
  const anything: object = new Proxy(function stub() {}, {
    get(_target, property) {
      if (property === 'then') return undefined; // not a promise
      if (armed) {
        touches.push(inBackground());
        throw stop;
      }
      return anything;
    },
    apply: () => anything,
  });
  return {
    strapi: anything as Core.Strapi,
    touches,
    arm: () => {
      armed = true;
    },
  };
};

/** Runs `work` outside any scope and answers what the stand-in saw (the work's failure is expected). */
const touchesOf = async (make: (strapi: Core.Strapi) => () => Promise<unknown>) => {
  const { strapi, touches, arm } = recordingStrapi();
  const work = make(strapi);
  arm();
  await work().catch(() => undefined);
  return touches;
};

describe('long work runs as background work from its entry point', () => {
  it('is not background work outside those entry points', () => {
    expect(inBackground()).toBe(false);
  });

  it("an import's run", async () => {
    const touches = await touchesOf((strapi) => {
      const runner = importRunner({ strapi });
      return () => runner.run(1);
    });
    expect(touches.length).toBeGreaterThan(0);
    expect(touches.every(Boolean)).toBe(true);
  });

  it('a duplicate scan', async () => {
    const touches = await touchesOf((strapi) => {
      const scans = duplicateScans({ strapi });
      return () => scans.run(1);
    });
    expect(touches.length).toBeGreaterThan(0);
    expect(touches.every(Boolean)).toBe(true);
  });

  it("an upload's reading", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-background-'));
    try {
      const path = join(dir, 'contacts.csv');
      writeFileSync(path, 'First name,Last name\nAda,Lovelace\n');
      const touches = await touchesOf((strapi) => {
        const jobs = importJobs({ strapi });
        return () => jobs.createFromUpload({ path, object: 'contact' } as never);
      });
      expect(touches.length).toBeGreaterThan(0);
      expect(touches.every(Boolean)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
