'use strict';

/**
 * Typings of the crm plugin's content types, as Strapi's own type generator writes them for an app.
 * The plugin builds on its own, without an app's types/generated, so it carries these: they give
 * `strapi.documents(...)`, the query engine and `Input<...>` the plugin's real fields. The types
 * the plugin's relations and code reach (users-permissions, admin users) come along, so every
 * relation target resolves.
 * It reads the built plugin (`npm run generate:types` builds it first).
 *   node scripts/plugin-types.js [--check]
 */
const { join } = require('node:path');

const root = join(__dirname, '..');
const TYPES_FILE = join(
  root,
  'src',
  'plugins',
  'crm',
  'server',
  'src',
  'types',
  'content-types.d.ts'
);

const HEADER = `/*
 * Generated from the plugin's content types by \`npm run generate:types\`; do not edit.
 * A test fails when a schema changes and this file was not generated again.
 */
`;

/** The plugin's content types and everything their relations (or the plugin's code) point to. */
const reachableContentTypes = (contentTypes) => {
  const roots = Object.keys(contentTypes).filter(
    (uid) => uid.startsWith('plugin::crm.') || uid.startsWith('plugin::users-permissions.')
  );
  const seen = new Set();
  const visit = (uid) => {
    if (seen.has(uid) || !contentTypes[uid]) return;
    seen.add(uid);
    for (const attribute of Object.values(contentTypes[uid].attributes)) {
      if (attribute.type === 'relation' && attribute.target) visit(attribute.target);
    }
  };
  roots.forEach(visit);
  return Object.fromEntries([...seen].sort().map((uid) => [uid, contentTypes[uid]]));
};

/** The typings' text for a registered Strapi instance, formatted with the repository's Prettier. */
const pluginTypes = async (strapi) => {
  const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
  const { tmpdir } = require('node:os');
  const { generators } = require('@strapi/typescript-utils');
  const prettier = require('prettier');
  const dir = mkdtempSync(join(tmpdir(), 'crm-types-'));
  try {
    await generators.generate({
      strapi: { contentTypes: reachableContentTypes(strapi.contentTypes), components: {} },
      pwd: dir,
      rootDir: '.',
      artifacts: { contentTypes: true },
      logger: { silent: true },
    });
    const output = readFileSync(join(dir, 'generated', 'contentTypes.d.ts'), 'utf8');
    const options = await prettier.resolveConfig(TYPES_FILE);
    return prettier.format(HEADER + output, { ...options, filepath: TYPES_FILE });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Writes the typings, or with --check only tells (exit code 1) whether the written ones are stale. */
const main = async (check) => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
  const { dirname, relative } = require('node:path');
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir: root, distDir: join(root, 'dist') }).register();
  const text = await pluginTypes(app);
  await app.destroy();
  const file = relative(process.cwd(), TYPES_FILE);
  if (check) {
    const fresh = existsSync(TYPES_FILE) && readFileSync(TYPES_FILE, 'utf8') === text;
    console.log(fresh ? `${file} is up to date` : `${file} is stale: run npm run generate:types`);
    return fresh ? 0 : 1;
  }
  mkdirSync(dirname(TYPES_FILE), { recursive: true });
  writeFileSync(TYPES_FILE, text);
  console.log(`wrote ${file}`);
  return 0;
};

if (require.main === module) {
  main(process.argv.includes('--check')).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
}
