import type { Core } from '@strapi/strapi';

import { sliceIsOver, yieldToEventLoop } from './event-loop';

type RunStatement = (this: KnexClient, connection: unknown, statement: unknown) => Promise<unknown>;

interface KnexClient {
  config: object;
  _query: RunStatement;
}

/**
 * Where the driver's prototype keeps the configs of the knex clients whose statements yield (a
 * transaction's client shares its parent's config); one set, whichever copy of this code came first.
 */
const YIELDING = Symbol.for('strapi-plugin-crm.sqlite-statement-turns');

/**
 * SQLite's driver runs a statement synchronously, and knex resolves its promise at once: code that
 * awaits statement after statement (a decision that reads every unmatched company, a page of 500
 * records, a validation's lookups) holds the event loop until its last statement. Here every
 * statement of the app's SQLite connection first gives the event loop a turn when the current
 * slice is over, so requests and timers wait at most one slice and one statement, whatever code
 * runs. A transaction keeps its connection across the turn. PostgreSQL's driver is asynchronous:
 * nothing changes there.
 */
export const yieldBetweenSqliteStatements = (strapi: Core.Strapi): void => {
  if (strapi.db.dialect.client !== 'sqlite') return;
  const client = strapi.db.connection.client as unknown as KnexClient;
  // knex makes a transaction's client from the driver's prototype, not from this client, so the
  // prototype's method is wrapped, and acts only for clients of the config registered here.
  const driver = Object.getPrototypeOf(client) as KnexClient & { [YIELDING]?: WeakSet<object> };
  if (!driver[YIELDING]) {
    const yielding = new WeakSet<object>();
    const run = driver._query;
    driver._query = async function (connection, statement) {
      if (yielding.has(this.config) && sliceIsOver()) await yieldToEventLoop();
      return run.call(this, connection, statement);
    };
    driver[YIELDING] = yielding;
  }
  driver[YIELDING].add(client.config);
};
