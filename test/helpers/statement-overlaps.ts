/**
 * Fails a test that sends a PostgreSQL connection a statement while another is still running on
 * it. Outside a transaction every statement gets a pool connection of its own, so this happens
 * only inside one: a `Promise.all` of reads on the transaction's single connection. pg queues
 * them today, with a deprecation warning printed once per process; pg 9 makes it an error.
 *
 * pg warns only from the third statement queued; this records the second too, with the stack
 * that sent it. Strapi itself reads a record's relations with a `Promise.all` (populate) and
 * transforms relations with p-map, also inside the document service's transactions; those
 * overlaps are left out, as nothing in this repository can change them.
 */
import { afterAll, afterEach } from '@jest/globals';

interface PgClient {
  _activeQuery: unknown;
  _queryQueue: unknown[];
  query: (...args: unknown[]) => unknown;
}

const overlaps: string[] = [];

/**
 * Strapi ran the reads at once: going out from the statement, a point where reads run together
 * (`Promise.all`, p-map) comes before any frame of this
 * repository's code.
 */
const fromStrapisConcurrency = (frames: string[]) => {
  const together = frames.findIndex((frame) =>
    /at async Promise\.all|node_modules[\\/]p-map[\\/]/.test(frame)
  );
  const ours = frames.findIndex(
    (frame) => /(\(|at )(\/|[A-Za-z]:\\)/.test(frame) && !frame.includes('node_modules')
  );
  return together >= 0 && (ours < 0 || together < ours);
};

/** The plugin's frame nearest to the statement, to tell the overlaps of a test apart. */
const originOf = (overlap: string) =>
  overlap
    .split('\n')
    .find((line) => /src[\\/]plugins[\\/]crm[\\/]/.test(line))
    ?.trim() ?? overlap.split('\n')[0];

const watch = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as { Client: { prototype: PgClient } };
  const marker = Symbol.for('crm-tests.statement-overlaps');
  const prototype = Client.prototype as PgClient & { [marker]?: true };
  if (prototype[marker]) return;
  prototype[marker] = true;
  const query = prototype.query;
  prototype.query = function (this: PgClient, ...args: unknown[]) {
    if (this._activeQuery || this._queryQueue.length > 0) {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 100;
      const frames = (new Error().stack ?? '').split('\n').slice(2);
      Error.stackTraceLimit = limit;
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      // A rollback comes when one of reads run together failed while the others still ran: those
      // reads were recorded (or were Strapi's) when they were sent.
      if (!fromStrapisConcurrency(frames) && !/^ROLLBACK/i.test(String(text))) {
        overlaps.push(`${String(text).slice(0, 160)}\n${frames.join('\n')}`);
      }
    }
    return query.apply(this, args);
  };
};

/** The overlaps recorded since the last call, which then no longer fail the test. */
export const takeOverlaps = (): string[] => overlaps.splice(0);

const report = () => {
  if (overlaps.length === 0) return;
  const found = takeOverlaps();
  const origins = [...new Set(found.map(originOf))];
  throw new Error(
    `${found.length} statement(s) sent to a PostgreSQL connection that was still running one ` +
      `(a Promise.all inside a transaction?), from:\n${origins.join('\n')}\nThe first:\n${found[0]}`
  );
};

if (process.env.DATABASE_CLIENT === 'postgres') {
  watch();
  afterEach(report);
  afterAll(report);
}
