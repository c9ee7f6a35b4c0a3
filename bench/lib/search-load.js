'use strict';

/**
 * A quick-search load through HTTP, run in a process of its own so that its client work does not
 * blur the timing of the server it measures. Forked by `startSearchLoad`; on each
 * `{ type: 'measure' }` it sends `GET /api/crm/customers/search?q=` requests over `connections`
 * connections, one after another on each, until `{ type: 'stop' }`, then answers the latencies.
 * A user's access token lives ten minutes (Strapi's sessions), less than a long import: a 401
 * logs the user in again (`login`) and the search is sent again, not counted as a failure.
 */
const { fork } = require('node:child_process');

const { msSince, percentile } = require('./stats');

const runLoad = () => {
  // Gone with the process that forked it.
  process.on('disconnect', () => process.exit(0));
  let measuring = null;
  process.on('message', async (message) => {
    if (message.type === 'measure') {
      const { base, login, queries, connections } = message;
      let { jwt } = message;
      const samples = [];
      let failures = 0;
      const statuses = {};
      let relogin = null;
      const logInAgain = () =>
        (relogin ??= (async () => {
          const answer = await fetch(`${base}/api/auth/local`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(login),
          });
          jwt = (await answer.json()).jwt ?? jwt;
        })().finally(() => (relogin = null)));
      let next = 0;
      const state = { stopped: false };
      const worker = async () => {
        while (!state.stopped) {
          const q = queries[next++ % queries.length];
          const start = process.hrtime.bigint();
          let failed = false;
          try {
            const token = jwt;
            const response = await fetch(
              `${base}/api/crm/customers/search?q=${encodeURIComponent(q)}`,
              { headers: { Authorization: `Bearer ${token}` } }
            );
            await response.arrayBuffer();
            if (response.status === 401 && login) {
              if (token === jwt) await logInAgain();
              continue;
            }
            if (response.status !== 200) {
              failures += 1;
              statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            }
          } catch {
            // A connection the server dropped counts as a failed search; the load goes on.
            failures += 1;
            failed = true;
          }
          samples.push(msSince(start));
          if (failed) await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      measuring = {
        state,
        done: Promise.all(Array.from({ length: connections }, worker)),
        samples,
        failures: () => failures,
        statuses,
      };
    }
    if (message.type === 'stop' && measuring) {
      measuring.state.stopped = true;
      await measuring.done;
      const sorted = [...measuring.samples].sort((a, b) => a - b);
      process.send({
        type: 'measured',
        calls: sorted.length,
        failures: measuring.failures(),
        statuses: measuring.statuses,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
      });
      measuring = null;
    }
    if (message.type === 'exit') process.exit(0);
  });
};

/**
 * Forks the load process. `measure()` starts a load against `base`; the promise it returns gives
 * a `stop()` that ends it and answers { calls, failures, p50Ms, p95Ms, maxMs }.
 */
const startSearchLoad = ({ base, jwt, login, queries, connections }) => {
  const child = fork(__filename, ['--search-load'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const answers = [];
  child.on('message', (message) => answers.shift()?.(message));
  return {
    measure() {
      child.send({ type: 'measure', base, jwt, login, queries, connections });
      return {
        stop: () =>
          new Promise((resolve) => {
            answers.push(resolve);
            child.send({ type: 'stop' });
          }),
      };
    },
    close() {
      child.send({ type: 'exit' });
    },
  };
};

if (process.argv.includes('--search-load')) runLoad();

module.exports = { startSearchLoad };
