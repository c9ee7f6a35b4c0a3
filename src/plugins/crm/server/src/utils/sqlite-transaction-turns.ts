import type { Core } from '@strapi/strapi';

import { sliceIsOverSince, yieldToEventLoop } from './event-loop';

type RunStatement = (this: KnexClient, connection: unknown, statement: unknown) => Promise<unknown>;

interface KnexClient {
  config: object;
  /** Set by knex on the client of a transaction. */
  transacting?: boolean;
  _query: RunStatement;
  /** When this transaction's client last ran a statement after a turn, or its first one. */
  [TURN_AT]?: number;
}

/**
 * Where the driver's prototype keeps the configs of the knex clients whose transactions yield (a
 * transaction's client shares its parent's config); one set, whichever copy of this code came first.
 */
const YIELDING = Symbol.for('strapi-plugin-crm.sqlite-statement-turns');
const TURN_AT = Symbol('turnAt');

/**
 * SQLite's driver runs a statement synchronously, and knex resolves its promise at once: a
 * transaction that awaits statement after statement (an import batch, a merge, a bulk change)
 * holds the event loop until its commit. Here every statement of a transaction on the app's SQLite
 * connection first gives the event loop a turn when the current slice is over, so requests are
 * read, and those that need no database answered, meanwhile. The transaction keeps its connection
 * across the turn. The slice is timed from the transaction's first statement when that came after
 * the last turn.
 *
 * Statements outside a transaction run back to back, as before: a request's reads are short, and
 * a request that gave the loop away between them would find the one connection taken by a
 * background batch at its next read, and wait for that batch's commit each time (measured: quick
 * search beside an import three times slower). PostgreSQL's driver is asynchronous: nothing
 * changes there.
 */
export const yieldInSqliteTransactions = (strapi: Core.Strapi): void => {
  if (strapi.db.dialect.client !== 'sqlite') return;
  const client = strapi.db.connection.client as unknown as KnexClient;
  // knex makes a transaction's client from the driver's prototype, not from this client, so the
  // prototype's method is wrapped, and acts only for transactions of the configs registered here.
  const driver = Object.getPrototypeOf(client) as KnexClient & { [YIELDING]?: WeakSet<object> };
  if (!driver[YIELDING]) {
    const yielding = new WeakSet<object>();
    const run = driver._query;
    driver._query = async function (connection, statement) {
      if (this.transacting && yielding.has(this.config)) {
        // Timed from the transaction's own start: a request's short read transaction that
        // follows a slice of background work runs through instead of waiting for the next one.
        this[TURN_AT] ??= performance.now();
        if (sliceIsOverSince(this[TURN_AT])) {
          await yieldToEventLoop();
          this[TURN_AT] = performance.now();
        }
      }
      return run.call(this, connection, statement);
    };
    driver[YIELDING] = yielding;
  }
  driver[YIELDING].add(client.config);
};
