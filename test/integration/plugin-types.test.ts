import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

// The generator loads the app the way Strapi's own type generator does, in a process of its own.
describe("the plugin's content-type typings", () => {
  it('match its schemas (npm run generate:types writes them again)', () => {
    const output = execFileSync(process.execPath, ['scripts/plugin-types.js', '--check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    });
    expect(output).toMatch(/is up to date/);
  });
});
