import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/* eslint-disable @typescript-eslint/no-require-imports -- the helpers are shared with bench/nodes.js */
const { Client } = require('pg');

const { createDatabase, dropDatabase } = require('../helpers/databases');
const {
  adminThrough,
  clientOf,
  contactsCsv,
  expectStatus,
  sleep,
  startCluster,
  startImport,
  uploadContacts,
  waitWhile,
} = require('../helpers/strapi-nodes');
/* eslint-enable @typescript-eslint/no-require-imports */

// Two Strapi processes (`strapi start`, two ports) on one fresh PostgreSQL database, driven through
// HTTP only; the database is read only to check the outcome. Skipped on SQLite because two
// processes cannot share it: the plugin takes no row locks there and relies on the one
// connection of its one process to run transactions one after another.
const onPostgres = process.env.DATABASE_CLIENT === 'postgres' ? describe : describe.skip;

/** Small, so that the takeover fits in the test; the check every quarter of it (at most 5 s). */
const STALE_MS = 4000;
/** How often each node reads the webhooks again (services/webhook-sync.ts). */
const WEBHOOK_SYNC_MS = 5000;

type Sql = {
  connect(): Promise<void>;
  end(): Promise<void>;
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
};
type Node = { name: string; baseUrl: string; pid: number; kill(signal?: string): Promise<void> };
type Call = (
  method: string,
  path: string,
  body?: unknown
) => Promise<{ status: number; body: unknown }>;

onPostgres('two Strapi nodes on one PostgreSQL database', () => {
  let database: { client: string; name: string };
  let cluster: { nodes: Node[]; stop(): Promise<unknown> };
  let sql: Sql;
  let one: Call;
  let two: Call;
  let adminOne: Call;
  /** The webhook calls received from either node: the event and its job. */
  const received: { event: string; documentId: string }[] = [];
  let receiver: Server;

  beforeAll(async () => {
    database = await createDatabase();
    cluster = await startCluster({
      databaseUrl: process.env.DATABASE_URL,
      databaseName: process.env.DATABASE_NAME,
      // `production` refuses webhooks to local addresses, and this test's receiver is one.
      env: { CRM_IMPORT_STALE_MS: String(STALE_MS), NODE_ENV: 'test' },
    });
    const { jwt, apiToken } = await adminThrough(cluster.nodes[0]);
    one = clientOf(cluster.nodes[0], apiToken);
    two = clientOf(cluster.nodes[1], apiToken);
    adminOne = clientOf(cluster.nodes[0], jwt);
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const payload = JSON.parse(body || '{}');
        received.push({ event: payload.event, documentId: payload.job?.documentId });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    sql = new Client({ connectionString: process.env.DATABASE_URL });
    await sql.connect();
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
    await sql?.end();
    await cluster?.stop();
    if (database) await dropDatabase(database);
  });

  const scalar = async (query: string, values: unknown[] = []) =>
    Number(Object.values((await sql.query(query, values)).rows[0])[0]);

  /** Every row of the job imported once (by line), into one contact each, unique by e-mail. */
  const expectImportedOnce = async (documentId: string, prefix: string, rows: number) => {
    const [lines] = (
      await sql.query(
        `SELECT count(*) AS imported, count(DISTINCT r.line) AS lines, count(DISTINCT r.record_id) AS records
           FROM crm_import_rows r JOIN crm_import_jobs j ON j.id = r.job_id
          WHERE j.document_id = $1 AND r.status = 'imported'`,
        [documentId]
      )
    ).rows;
    expect(lines).toEqual({ imported: String(rows), lines: String(rows), records: String(rows) });
    const [contacts] = (
      await sql.query(
        'SELECT count(*) AS n, count(DISTINCT email) AS emails FROM crm_contacts WHERE first_name = $1',
        [prefix]
      )
    ).rows;
    expect(contacts).toEqual({ n: String(rows), emails: String(rows) });
  };

  /** Each company of the file created once. */
  const expectCompaniesOnce = async (prefix: string, companies: number) => {
    const [made] = (
      await sql.query(
        'SELECT count(*) AS n, count(DISTINCT business_name) AS names FROM crm_customers WHERE business_name LIKE $1',
        [`${prefix} Company %`]
      )
    ).rows;
    expect(made).toEqual({ n: String(companies), names: String(companies) });
  };

  it('runs two imports started through different nodes exactly once each', async () => {
    // A webhook made through node 1's admin panel after node 2 started: node 2 learns of it
    // from the database within a few seconds, as its events must reach it too.
    const port = (receiver.address() as AddressInfo).port;
    expectStatus(
      await adminOne('POST', '/admin/webhooks', {
        name: 'imports of every node',
        url: `http://127.0.0.1:${port}/hook`,
        headers: {},
        events: ['crm.import.finished'],
      }),
      201,
      'creating a webhook'
    );
    await sleep(WEBHOOK_SYNC_MS + 1000);

    const [alpha, bravo] = await Promise.all([
      uploadContacts(one, contactsCsv('Alpha', 3000, 20), 'alpha.csv'),
      uploadContacts(two, contactsCsv('Bravo', 3000, 20), 'bravo.csv'),
    ]);
    // Each started through the node that did not receive its file; a second start is refused.
    await Promise.all([startImport(two, alpha.documentId), startImport(one, bravo.documentId)]);
    expect((await one('POST', `/api/crm/imports/${alpha.documentId}/start`)).status).toBe(409);

    const [alphaDone, bravoDone] = await Promise.all([
      waitWhile(one, alpha.documentId, ['running']),
      waitWhile(two, bravo.documentId, ['running']),
    ]);
    for (const done of [alphaDone, bravoDone])
      expect(done).toMatchObject({
        stage: 'done',
        counts: expect.objectContaining({ imported: 3000, failed: 0 }),
      });
    await expectImportedOnce(alpha.documentId, 'Alpha', 3000);
    await expectImportedOnce(bravo.documentId, 'Bravo', 3000);
    await expectCompaniesOnce('Alpha', 20);
    await expectCompaniesOnce('Bravo', 20);

    // Each node announced the job it ran, once (alpha ran on node 2, bravo on node 1).
    for (let i = 0; i < 100 && received.length < 2; i += 1) await sleep(100);
    expect(
      received.map((call) => [call.event, call.documentId]).sort((a, b) => a[1].localeCompare(b[1]))
    ).toEqual(
      [
        ['crm.import.finished', alpha.documentId],
        ['crm.import.finished', bravo.documentId],
      ].sort((a, b) => a[1].localeCompare(b[1]))
    );
  });

  it('keeps nothing one node needs in the memory of the other', async () => {
    // A customer written through one node, its SSN revealed through the other: the keys come
    // from the configuration, the reveal's audit from the database, its window from the answer.
    const created = expectStatus(
      await one('POST', '/api/crm/customers', {
        data: { firstName: 'Nora', lastName: 'Nodes', ssn: '123-45-6789' },
      }),
      201,
      'creating a customer'
    ) as { data: { documentId: string } };
    const revealed = expectStatus(
      await two('POST', `/api/crm/customers/${created.data.documentId}/ssn/reveal`),
      200,
      'revealing an SSN'
    ) as { data: { ssn: string; expiresAt: string } };
    expect(revealed.data.ssn).toBe('123-45-6789');
    expect(new Date(revealed.data.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(
      await scalar(
        `SELECT count(*) FROM crm_audit_logs WHERE action = 'ssn.reveal' AND customer_document_id = $1`,
        [created.data.documentId]
      )
    ).toBe(1);

    // The quick search through either node finds what the other wrote.
    for (const call of [one, two]) {
      const found = expectStatus(
        await call('GET', '/api/crm/customers/search?q=Nora%20Nodes'),
        200,
        'searching'
      ) as { data: { documentId: string }[] };
      expect(found.data.map((customer) => customer.documentId)).toContain(created.data.documentId);
    }

    // A duplicate scan started through one node is followed through the other.
    const scan = expectStatus(
      await one('POST', '/api/crm/duplicate-scans', { object: 'customers' }),
      202,
      'starting a duplicate scan'
    ) as { data: { documentId: string } };
    let stage = 'running';
    for (let i = 0; i < 600 && stage === 'running'; i += 1) {
      const read = expectStatus(
        await two('GET', `/api/crm/duplicate-scans/${scan.data.documentId}`),
        200,
        'reading a duplicate scan'
      ) as { data: { stage: string } };
      stage = read.data.stage;
      if (stage === 'running') await sleep(100);
    }
    expect(stage).toBe('done');
  });

  it('has a node take over the import of a node killed in the middle, and finish it once', async () => {
    const rows = 20_000;
    const charlie = await uploadContacts(one, contactsCsv('Charlie', rows, 200), 'charlie.csv');
    await startImport(one, charlie.documentId);

    // Killed (SIGKILL) once some batches are written and more are to come.
    const state = async () =>
      (
        await sql.query(
          'SELECT worker_id, heartbeat_at, progress FROM crm_import_jobs WHERE document_id = $1',
          [charlie.documentId]
        )
      ).rows[0] as { worker_id: string | null; heartbeat_at: Date | null; progress: unknown };
    const doneOf = (progress: unknown) =>
      ((typeof progress === 'string' ? JSON.parse(progress) : progress) as { done?: number } | null)
        ?.done ?? 0;
    const deadline = Date.now() + 90_000;
    for (;;) {
      const now = await state();
      const done = doneOf(now.progress);
      if (done > 0 && done < rows) break;
      if (done >= rows || Date.now() > deadline)
        throw new Error(`the import could not be caught in the middle (${done} of ${rows} done)`);
      await sleep(10);
    }
    await cluster.nodes[0].kill('SIGKILL');
    const killedAt = Date.now();
    const dead = await state();
    expect(dead.worker_id).toMatch(new RegExp(`^${cluster.nodes[0].pid}-`));
    const doneAtKill = doneOf(dead.progress);
    expect(doneAtKill).toBeLessThan(rows);

    // The other node claims it once its heartbeat is STALE_MS old, within STALE_MS + 5 s.
    let taken = dead;
    while (taken.worker_id === dead.worker_id) {
      if (Date.now() - killedAt > STALE_MS + 15_000) break;
      await sleep(25);
      taken = await state();
    }
    const takeoverMs = Date.now() - killedAt;
    expect(taken.worker_id).toMatch(new RegExp(`^${cluster.nodes[1].pid}-`));
    expect(takeoverMs).toBeLessThanOrEqual(STALE_MS + 5000);
    // Not before the dead node's last heartbeat was stale.
    expect(
      new Date(taken.heartbeat_at!).getTime() - new Date(dead.heartbeat_at!).getTime()
    ).toBeGreaterThanOrEqual(STALE_MS);

    const finished = await waitWhile(two, charlie.documentId, ['running']);
    expect(finished).toMatchObject({
      stage: 'done',
      counts: expect.objectContaining({ total: rows, imported: rows, ignored: 0, failed: 0 }),
    });
    await expectImportedOnce(charlie.documentId, 'Charlie', rows);
    await expectCompaniesOnce('Charlie', 200);
    // Announced once, by the node that finished it.
    for (
      let i = 0;
      i < 100 && !received.some((call) => call.documentId === charlie.documentId);
      i += 1
    )
      await sleep(100);
    await sleep(500);
    expect(received.filter((call) => call.documentId === charlie.documentId)).toHaveLength(1);
  });

  it('leaves the search index matching the customers', async () => {
    expect(await scalar('SELECT count(*) FROM crm_customers')).toBeGreaterThan(240);
    expect(
      await scalar(
        `SELECT count(*) FROM crm_customers c
           FULL JOIN crm_search_index i ON i.customer_id = c.id
          WHERE c.id IS NULL OR i.customer_id IS NULL OR i.document_id <> c.document_id`
      )
    ).toBe(0);
  });
});
