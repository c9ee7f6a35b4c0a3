'use strict';

/**
 * `npm run bench:network`: how fast the network view's graph is built at scale.
 *
 * 100k customers with generated connections and relationships; the network of a customer with 50
 * connections at depth 2, timed over 200 calls through the plugin's set-based `network.graph` and
 * through a naive per-node traversal (bench/lib/naive-network.js) in the same run, on SQLite and
 * on PostgreSQL (when one answers at 127.0.0.1:5432). Prints one table for the issue's note, and
 * a second one splitting the naive cost into "one query per node" and "the query engine's SQL".
 *
 * Runs each database in a child process of its own (see bench/lib/boot.js); the parent compiles
 * the server code first so the numbers are those of the code in the tree, not of a stale dist/.
 *
 * Options (environment): BENCH_CUSTOMERS (100000), BENCH_CALLS (200), BENCH_NAIVE_BUDGET_S (90:
 * time allowed to the naive traversal's timed calls per database; past it they stop early and the
 * report says how many ran), BENCH_DETAIL_BUDGET_S (30: the same for the per-node SQL variant of the
 * second table), BENCH_DATABASES ("sqlite,postgres"). `--no-build` skips the compile.
 *
 * The budgets keep a run near five minutes on a 2-core machine: the naive traversal through the
 * query engine takes seconds per call on SQLite at this size (see bench/lib/naive-network.js).
 */

const { execFileSync } = require('node:child_process');
const os = require('node:os');
const { join } = require('node:path');

const boot = require('./lib/boot');
const { count, fixed, formatTable, msSince, timeCalls } = require('./lib/stats');

const DEPTH = 2;
const CAP = 500; // the service's default node cap (DEFAULT_NETWORK_NODE_CAP)
const WARMUP = 5;

const settings = () => ({
  customers: Number(process.env.BENCH_CUSTOMERS || 100000),
  calls: Number(process.env.BENCH_CALLS || 200),
  naiveBudgetMs: Number(process.env.BENCH_NAIVE_BUDGET_S || 90) * 1000,
  detailBudgetMs: Number(process.env.BENCH_DETAIL_BUDGET_S || 30) * 1000,
});

const argument = (name) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
};

const { labelOf } = boot;

/** SQL statements `fn` sends, counted from knex's query events (one call, outside the timed runs). */
const countStatements = async (app, fn) => {
  let statements = 0;
  const listener = () => {
    statements += 1;
  };
  app.db.connection.on('query', listener);
  try {
    await fn();
  } finally {
    app.db.connection.removeListener('query', listener);
  }
  return statements;
};

/** Whether two graphs have the same nodes (with depths) and edges, compared by document id. */
const sameGraph = (a, b) => {
  const nodes = (graph) => new Set(graph.nodes.map((node) => `${node.id}@${node.depth}`));
  const edges = (graph) => new Set(graph.edges.map((edge) => edge.id));
  const equal = (x, y) => x.size === y.size && [...x].every((item) => y.has(item));
  return a.truncated === b.truncated && equal(nodes(a), nodes(b)) && equal(edges(a), edges(b));
};

const serverVersion = async (app) =>
  app.db.dialect.client === 'postgres'
    ? (await app.db.connection.raw('SHOW server_version')).rows[0].server_version.split(' ')[0]
    : (await app.db.connection.raw('SELECT sqlite_version() AS version'))[0].version;

/** In a child: one database, start to finish; the result goes to the parent as JSON. */
const runDatabase = async (client, parentPid) => {
  const { generate, load } = require('./lib/network-data');
  const { naiveTraversals } = require('./lib/naive-network');
  const options = settings();
  const label = labelOf(client);

  return boot.withApp(boot.databaseFor(client, 'network', parentPid), async (app) => {
    boot.progress(`[${label}] booted; generating ${count(options.customers)} customers…`);
    let start = process.hrtime.bigint();
    const data = generate({ customers: options.customers });
    const generateMs = msSince(start);
    start = process.hrtime.bigint();
    await load(app, data);
    const loadMs = msSince(start);
    boot.progress(`[${label}] data ready in ${fixed((generateMs + loadMs) / 1000)} s`);

    const network = app.plugin('crm').service('network');
    const naive = naiveTraversals(app);
    const rootId = data.root.documentId;
    const variants = [
      {
        key: 'set',
        name: 'set-based (network.graph)',
        run: () => network.graph(rootId, DEPTH, CAP),
      },
      {
        key: 'naive',
        name: 'naive, query engine',
        run: () => naive.queryEngine(rootId, DEPTH, CAP),
        budgetMs: options.naiveBudgetMs,
      },
      {
        key: 'perNode',
        name: 'naive, per-node SQL',
        run: () => naive.perNodeSql(rootId, DEPTH, CAP),
        budgetMs: options.detailBudgetMs,
      },
    ];

    // Every variant must build the same graph, or the comparison is between different work.
    const graph = await variants[0].run();
    const timings = {};
    for (const variant of variants) {
      const result = variant === variants[0] ? graph : await variant.run();
      const statements = await countStatements(app, variant.run);
      boot.progress(`[${label}] timing ${variant.name} (${statements} SQL statements per call)…`);
      const timed = await timeCalls(variant.run, {
        calls: options.calls,
        warmup: WARMUP,
        budgetMs: variant.budgetMs,
      });
      timings[variant.key] = {
        name: variant.name,
        statements,
        same: sameGraph(graph, result),
        nodes: result.nodes.length,
        edges: result.edges.length,
        calls: timed.calls,
        p50: timed.p50,
        p95: timed.p95,
      };
      boot.progress(
        `[${label}]   p50 ${fixed(timed.p50, 2)} ms, p95 ${fixed(timed.p95, 2)} ms over ${timed.calls} calls`
      );
    }

    return {
      client,
      label,
      version: await serverVersion(app),
      customers: data.customers.length,
      connections: data.connections.length,
      relationships: data.relationships.length,
      hierarchical: data.relationships.filter((r) => r.kind === 'hierarchical').length,
      rootConnections: data.connections.filter(
        (c) => c.customer === data.root.id || c.connected === data.root.id
      ).length,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      depthCounts: [0, 1, 2].map(
        (level) => graph.nodes.filter((node) => node.depth === level).length
      ),
      truncated: graph.truncated,
      generateMs,
      loadMs,
      timings,
    };
  });
};

const child = async () => {
  const client = argument('db');
  try {
    const result = await runDatabase(client, argument('parent'));
    await boot.sendToParent(result);
    process.exit(0);
  } catch (error) {
    // Failed statements carry their whole SQL (thousands of rows of values): keep the head.
    const text = String(error.stack || error);
    console.error(
      `[${client}] ${text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text}`
    );
    // Strapi may leave pool handles open after a failure; do not hang the parent.
    process.exit(1);
  }
};

const ratio = (slow, fast) => `${fixed(slow / fast)}x`;

const printReport = (results, skipped, { totalMs, loadBefore }) => {
  const main = results.map((r) => {
    const { set, naive } = r.timings;
    return [
      `${r.label} ${r.version}`,
      count(r.customers),
      count(r.connections),
      count(r.relationships),
      count(r.nodes),
      count(r.edges),
      fixed(set.p50, 2),
      fixed(set.p95, 2),
      fixed(naive.p50, 1),
      fixed(naive.p95, 1),
      ratio(naive.p50, set.p50),
      ratio(naive.p95, set.p95),
      fixed((r.generateMs + r.loadMs) / 1000),
    ];
  });
  const detail = results.flatMap((r) =>
    Object.values(r.timings).map((t) => [
      r.label,
      t.name,
      count(t.calls),
      count(t.statements),
      fixed(t.p50, 2),
      fixed(t.p95, 2),
      ratio(t.p50, r.timings.set.p50),
      ratio(t.p95, r.timings.set.p95),
      t.same ? `${t.nodes}/${t.edges}` : `${t.nodes}/${t.edges} DIFFERS`,
    ])
  );

  console.log('');
  console.log(`Network of one customer with 50 connections, depth ${DEPTH}, node cap ${CAP}`);
  console.log('');
  console.log(
    formatTable(
      [
        'database',
        'customers',
        'connections',
        'relationships',
        'nodes',
        'edges',
        'set p50 ms',
        'set p95 ms',
        'naive p50 ms',
        'naive p95 ms',
        'ratio p50',
        'ratio p95',
        'data s',
      ],
      main
    )
  );
  console.log('');
  console.log('Where the naive time goes');
  console.log('');
  console.log(
    formatTable(
      [
        'database',
        'variant',
        'calls',
        'SQL/call',
        'p50 ms',
        'p95 ms',
        'vs set p50',
        'vs set p95',
        'nodes/edges',
      ],
      detail
    )
  );
  console.log('');

  for (const r of results) {
    const short = Object.values(r.timings).filter((t) => t.calls < r.timings.set.calls);
    console.log(
      `${r.label}: root with ${r.rootConnections} connections; nodes at depth 0/1/2: ${r.depthCounts.join('/')}` +
        `${r.truncated ? ' (TRUNCATED at the cap)' : ''}; ${count(r.hierarchical)} relationships hierarchical, the rest loose; ` +
        `data generated in ${fixed(r.generateMs / 1000)} s and inserted in ${fixed(r.loadMs / 1000)} s.`
    );
    for (const t of short)
      console.log(
        `  ${t.name}: ${t.calls} timed calls, not ${r.timings.set.calls} (stopped at the time budget).`
      );
    for (const t of Object.values(r.timings).filter((v) => !v.same))
      console.log(`  WARNING: ${t.name} built a different graph than network.graph.`);
  }
  for (const { label, reason } of skipped) console.log(`${label}: not benchmarked — ${reason}`);
  console.log('');
  console.log(
    [
      'set = network.graph: per level one UNION query for connections and one for relationships, then one summary query.',
      'naive = breadth-first walk, per expanded customer six findMany through strapi.db.query (each side of connections,',
      '  hierarchy and loose links, populating the other end), then a findOne with primaryContact per node. On SQLite',
      "  the query engine's relation filter (LEFT JOIN link, LEFT JOIN customers, WHERE customers.id = ?) scans the whole",
      '  connections table per query; "per-node SQL" is the same walk with one indexed knex statement per side and node.',
      `ratio = naive / set-based. Calls run one after another after up to ${WARMUP} warm-up calls; p50/p95 nearest-rank.`,
      'PostgreSQL is ANALYZEd after the bulk load (as autovacuum would soon do); SQLite is left as Strapi leaves it.',
      `${os.cpus().length} CPUs; 1-minute load average ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end (other work on the machine skews timings).`,
      `Total run time ${fixed(totalMs / 1000)} s.`,
    ].join('\n')
  );
};

const parent = async () => {
  const started = process.hrtime.bigint();
  const loadBefore = os.loadavg()[0];
  if (!process.argv.includes('--no-build')) {
    console.log('Building the plugin and compiling the app (tsc -p tsconfig.json)…');
    require('../scripts/build-plugin').buildPlugin({ ifChanged: true });
    execFileSync(
      process.execPath,
      [join(boot.ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
      {
        cwd: boot.ROOT,
        stdio: 'inherit',
      }
    );
  }

  // Interrupted: stop the child first (it may be writing to the database), then drop the database,
  // so neither outlives the run.
  let current;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      console.log(`\n${signal}: stopping and dropping the benchmark database.`);
      await boot.stopChildren();
      if (current) await boot.dropDatabase(current).catch(() => {});
      process.exit(130);
    });
  }

  const wanted = (process.env.BENCH_DATABASES || 'sqlite,postgres')
    .split(',')
    .map((item) => item.trim());
  const { results, skipped } = await boot.onEachDatabase(wanted, async (client) => {
    current = boot.databaseFor(client, 'network');
    try {
      return await boot.runChild(__filename, ['--db', client, '--parent', String(process.pid)]);
    } finally {
      // The child drops its database; this covers a child that died before it could.
      await boot.dropDatabase(current).catch(() => {});
      current = undefined;
    }
  });
  if (skipped.some((entry) => entry.label === 'PostgreSQL'))
    console.log('PostgreSQL not benchmarked; see the report.');
  printReport(results, skipped, { totalMs: msSince(started), loadBefore });
  if (results.length === 0) process.exitCode = 1;
};

(argument('db') ? child() : parent()).catch((error) => {
  console.error(error);
  process.exit(1);
});
