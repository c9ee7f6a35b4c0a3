#!/usr/bin/env node
'use strict';

/**
 * `npm run crm:import -- <file.csv> [--object contacts|customers] [--unmatched create|skip]`
 *
 * Runs the same import pipeline as the REST API and the wizard on the configured database: parse,
 * map automatically, validate, match companies (unmatched ones created or skipped as told), then
 * import with a progress bar, and print the final counts. Rows that were not imported are written
 * next to the file as `<file>.ignored.csv`.
 */
const { createWriteStream, statSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');

process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'error';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

const usage =
  'usage: npm run crm:import -- <file.csv> [--object contacts|customers] [--unmatched create|skip]';

const parseArgs = (argv) => {
  const options = { object: 'contacts', unmatched: undefined, file: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--object') options.object = argv[++i];
    else if (arg === '--unmatched') options.unmatched = argv[++i];
    else if (arg === '--help' || arg === '-h') throw new Error(usage);
    else if (!options.file) options.file = arg;
    else throw new Error(`unexpected argument ${arg}\n${usage}`);
  }
  if (!options.file) throw new Error(usage);
  if (!['contacts', 'customers'].includes(options.object))
    throw new Error(`--object is contacts or customers\n${usage}`);
  if (options.unmatched && !['create', 'skip'].includes(options.unmatched))
    throw new Error(`--unmatched is create or skip\n${usage}`);
  return options;
};

const bar = (done, total) => {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
};

const main = async () => {
  const options = parseArgs(process.argv.slice(2));
  const path = resolve(options.file);
  const size = statSync(path).size;
  const root = join(__dirname, '..');
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir: root, distDir: join(root, 'dist') }).load();
  try {
    const jobs = app.plugin('crm').service('import-jobs');
    const runner = app.plugin('crm').service('import-runner');
    let job = await jobs.createFromUpload({
      path,
      fileName: basename(path),
      size,
      object: options.object,
    });
    console.log(
      `${job.counts.total} rows read: ${job.counts.valid} valid, ${job.counts.invalid} invalid`
    );
    for (const column of job.columns)
      console.log(`  ${column.header} → ${column.field ?? '(not imported)'}`);

    const groups = await jobs.referenceData(job.documentId);
    if (groups.length > 0) {
      if (!options.unmatched) {
        console.error(
          `${groups.length} companies match no customer, e.g. ${groups
            .slice(0, 5)
            .map((group) => group.company)
            .join(', ')}`
        );
        throw new Error('say what to do with them: --unmatched create or --unmatched skip');
      }
      await jobs.decide(job.documentId, [], options.unmatched);
      console.log(`${groups.length} unmatched companies: ${options.unmatched}`);
    }

    await runner.start(job.documentId, 'cli');
    while (!['done', 'failed'].includes(job.stage)) {
      await new Promise((done) => setTimeout(done, 250));
      job = jobs.view(await jobs.load(job.documentId));
      process.stdout.write(`\r${bar(job.progress.done, job.progress.total)}`);
    }
    process.stdout.write('\n');
    const { imported, ignored, failed } = job.counts;
    console.log(`imported ${imported}, ignored ${ignored}, failed ${failed}`);
    if (ignored + failed > 0) {
      const target = `${path}.ignored.csv`;
      await pipeline(Readable.from(jobs.ignoredCsv(job.documentId)), createWriteStream(target));
      console.log(`rows not imported, with their reasons: ${target}`);
    }
    process.exitCode = job.stage === 'done' ? 0 : 1;
  } finally {
    await app.destroy();
  }
};

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
