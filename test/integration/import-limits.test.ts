import { monitorEventLoopDelay } from 'node:perf_hooks';

import { useTestApp } from '../helpers/strapi';

// The shape limits of an uploaded CSV file: refused with a 400 naming the limit while the file is
// read, keeping no import job, and without holding the server's event loop.
const app = useTestApp();

const JOB_UID = 'plugin::crm.import-job';
const columns = (count: number, cell = 'Column') =>
  Array.from({ length: count }, (_, i) => `${cell} ${i + 1}`).join(',');
const upload = (csv: string) =>
  app
    .api()
    .post('/api/crm/imports')
    .field('object', 'contacts')
    .attach('file', Buffer.from(csv), 'contacts.csv');

/** Uploads `csv` and expects a 400 with `message`, leaving no import job behind. */
const expectRefused = async (csv: string, message: string) => {
  const before = await app.strapi.db.query(JOB_UID).count();
  const response = await upload(csv);
  expect(response.status).toBe(400);
  expect(response.body.error).toMatchObject({ name: 'ValidationError', message });
  expect(await app.strapi.db.query(JOB_UID).count()).toBe(before);
  return response;
};

describe('the header of an import', () => {
  it('may not have 300,000 columns (a 1 MB header): refused without holding the event loop', async () => {
    const header = Array.from(
      { length: 300_000 },
      (_, i) => `c${String(i % 100).padStart(2, '0')}`
    ).join(',');
    expect(header.length).toBeGreaterThan(1_000_000);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    try {
      await expectRefused(
        `${header}\nAda\n`,
        'line 1: the header has more than 500 columns (importMaxColumns)'
      );
    } finally {
      delay.disable();
    }
    // The longest the loop waited, in ms: the upload and its refusal never block it for long.
    expect(delay.max / 1e6).toBeLessThan(1000);
  });

  it('may have 500 columns, not 501', async () => {
    const accepted = await upload(`${columns(500)}\n${columns(500, 'value')}\n`);
    expect(accepted.status).toBe(201);
    expect(accepted.body.data.columns).toHaveLength(500);
    await expectRefused(
      `${columns(501)}\n${columns(501, 'value')}\n`,
      'line 1: the header has more than 500 columns (importMaxColumns)'
    );
  });

  it('has as many columns as importMaxColumns allows', async () => {
    app.strapi.config.set('plugin::crm.importMaxColumns', 10);
    try {
      await expectRefused(
        `\n${columns(11)}\n${columns(11, 'value')}\n`,
        'line 2: the header has more than 10 columns (importMaxColumns)'
      );
      expect((await upload(`${columns(10)}\n${columns(10, 'value')}\n`)).status).toBe(201);
    } finally {
      app.strapi.config.set('plugin::crm.importMaxColumns', 500);
    }
  });

  it('may not have a column name over 1,000 characters', async () => {
    await expectRefused(
      `First Name,${'x'.repeat(2000)}\nAda,1\n`,
      'line 1: a header cell is longer than 1,000 characters, the limit for a column name'
    );
  });
});

describe('the rows of an import', () => {
  it('may not be longer than 1 MiB', async () => {
    const rows = [
      'First Name,Last Name,Notes',
      'Ada,Lovelace,short',
      `Bob,Builder,${'n'.repeat(1_100_000)}`,
      'Cy,Young,short',
    ];
    await expectRefused(
      `${rows.join('\n')}\n`,
      'line 3: the row is longer than 1,048,576 characters (1 MiB), the limit for one row'
    );
  });

  it('may not be wider than the header: refused at the first extra delimiter, before the rest of the row is read', async () => {
    const before = await app.strapi.db.query(JOB_UID).count();
    const response = await upload(
      `First Name,Last Name\nAda,Lovelace\nBob,Builder${','.repeat(1_000_000)}\nCy,Young\n`
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^line 3: \d+ or more columns where the header has 2$/
    );
    expect(await app.strapi.db.query(JOB_UID).count()).toBe(before);
  });
});

describe('the file of an import', () => {
  it('may have a name longer than the job keeps: cut to fit, its extension kept', async () => {
    const name = `${'n'.repeat(1000)}.csv`;
    const response = await app
      .api()
      .post('/api/crm/imports')
      .field('object', 'contacts')
      .attach('file', Buffer.from('First Name,Last Name\nAda,Lovelace\n'), name);
    expect(response.status).toBe(201);
    expect(response.body.data.fileName).toHaveLength(255);
    expect(response.body.data.fileName).toMatch(/^n+….csv$/);
  });
});
