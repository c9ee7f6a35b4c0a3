import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Core } from '@strapi/strapi';

import duplicateScans from '../../../src/plugins/crm/server/src/services/duplicate-scans';
import importJobs from '../../../src/plugins/crm/server/src/services/imports/import-jobs';
import importRunner from '../../../src/plugins/crm/server/src/services/imports/import-runner';
import { inBackground } from '../../../src/plugins/crm/server/src/utils/event-loop';

type Scripted = {
  /** what `strapi.plugin('crm').service(name)` answers while the service is made and set up */
  services?: Record<string, object>;
  /** what `strapi.db.query(uid)` answers then */
  query?: object;
};

/**
 * A Strapi stand-in that answers anything (or what `scripted` says) until it is armed; once armed
 * it notes, at each touch, whether the caller runs as background work, and throws at the first:
 * the work stops at its first touch of Strapi, and the touches show the scope it runs in.
 */
const recordingStrapi = (scripted: Scripted = {}) => {
  const touches: boolean[] = [];
  let armed = false;
  const stop = new Error('stand-in: stop here');
  const guard = <T>(answer: () => T): T => {
    if (!armed) return answer();
    touches.push(inBackground());
    // The first touch stops the work; the failure's own handling (a log, a note on the job) is
    // answered, so that no rejection is left unhandled.
    if (touches.length === 1) throw stop;
    return anything as T;
  };
  const anything: object = new Proxy(function stub() {}, {
    get(_target, property) {
      if (property === 'then') return undefined; // not a promise
      return guard(() => anything);
    },
    apply: () => anything,
  });
  const strapi = new Proxy(
    {},
    {
      get(_target, property) {
        if (property === 'plugin')
          return guard(() => () => ({
            service: (name: string) => guard(() => scripted.services?.[name] ?? anything),
          }));
        if (property === 'db')
          return guard(() => ({ query: () => guard(() => scripted.query ?? anything) }));
        return guard(() => anything);
      },
    }
  );
  return {
    strapi: strapi as Core.Strapi,
    touches,
    arm: () => {
      armed = true;
    },
  };
};

/** Lets the event loop run until the stand-in was touched (background work starts later). */
const untilTouched = async (touches: boolean[]) => {
  for (let turn = 0; turn < 100 && touches.length === 0; turn += 1)
    await new Promise((resolve) => setImmediate(resolve));
};

/**
 * Makes a service with the stand-in, runs `setUp` (scripted answers), then starts its work outside
 * any scope, and expects every touch of Strapi the work made (at least one) to come from background
 * work. The work's failure is expected.
 */
const expectRunsInBackground = async (
  make: (strapi: Core.Strapi) => () => Promise<unknown>,
  scripted?: Scripted
) => {
  const { strapi, touches, arm } = recordingStrapi(scripted);
  const work = make(strapi);
  arm();
  await work().catch(() => undefined);
  await untilTouched(touches);
  expect(touches.length).toBeGreaterThan(0);
  expect(touches.every(Boolean)).toBe(true);
};

describe('long work runs as background work from its entry point', () => {
  it('is not background work outside those entry points', () => {
    expect(inBackground()).toBe(false);
  });

  it("an import's run", () =>
    expectRunsInBackground((strapi) => {
      const runner = importRunner({ strapi });
      return () => runner.run(1);
    }));

  it('a duplicate scan', () =>
    expectRunsInBackground((strapi) => {
      const scans = duplicateScans({ strapi });
      return () => scans.run(1);
    }));

  it("an upload's reading", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-background-'));
    try {
      const path = join(dir, 'contacts.csv');
      writeFileSync(path, 'First name,Last name\nAda,Lovelace\n');
      await expectRunsInBackground((strapi) => {
        const jobs = importJobs({ strapi });
        return () =>
          jobs.createFromUpload({ path, fileName: 'contacts.csv', size: 36, object: 'contacts' });
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a validation taken over from a quiet node (the validation after a mapping change)', async () => {
    // The job is read and claimed in the caller's scope; its rows are judged later, in the
    // background, which is what the stand-in is armed for.
    const { strapi, touches, arm } = recordingStrapi({
      services: {
        settings: { get: () => ({ importStaleMs: 60_000 }) },
        'import-rows': { counts: async () => ({ valid: 2 }) },
      },
      query: {
        findOne: async () => ({
          id: 1,
          documentId: 'job',
          revision: 3,
          stage: 'validating',
          columns: ['First name'],
          heartbeatAt: null,
        }),
        updateMany: async () => ({ count: 1 }),
      },
    });
    const jobs = importJobs({ strapi });
    expect(await jobs.resumeValidation(1)).toBe(true);
    arm();
    await untilTouched(touches);
    expect(touches.length).toBeGreaterThan(0);
    expect(touches.every(Boolean)).toBe(true);
  });
});
