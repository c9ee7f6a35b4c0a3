import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A CommonJS script of the app (scripts/lib), not part of the plugin's TypeScript.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVER_HEAP_MB, heapFlags } = require('../../../scripts/lib/server-heap') as {
  SERVER_HEAP_MB: number;
  heapFlags: (env?: NodeJS.ProcessEnv) => string[];
};

describe("the server's heap limit", () => {
  it('is given to the server when NODE_OPTIONS sets none', () => {
    expect(heapFlags({})).toEqual([`--max-old-space-size=${SERVER_HEAP_MB}`]);
    expect(heapFlags({ NODE_OPTIONS: '--enable-source-maps' })).toEqual([
      `--max-old-space-size=${SERVER_HEAP_MB}`,
    ]);
  });

  it("leaves the operator's own limit alone", () => {
    expect(heapFlags({ NODE_OPTIONS: '--max-old-space-size=4096' })).toEqual([]);
  });

  it('is the limit a process started with those flags runs under', () => {
    const limitMb = Number(
      execFileSync(process.execPath, [
        ...heapFlags({}),
        '-e',
        "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit / 1048576))",
      ])
    );
    // The limit V8 reports adds the young generation to the old one.
    expect(limitMb).toBeGreaterThanOrEqual(SERVER_HEAP_MB);
    expect(limitMb).toBeLessThan(SERVER_HEAP_MB + 128);
  });

  it('is what npm run start gives strapi start', () => {
    const root = join(__dirname, '..', '..', '..');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { scripts } = require(join(root, 'package.json')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('node scripts/start.js');
    // A probe loaded into every node process of the run: in Strapi's own, it prints the flags
    // that process was started with and stops it before Strapi loads.
    const folder = mkdtempSync(join(tmpdir(), 'crm-heap-'));
    const probe = join(folder, 'probe.js');
    writeFileSync(
      probe,
      "if (process.argv[1].endsWith('strapi.js')) { process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), execArgv: process.execArgv })); process.exit(0); }"
    );
    try {
      const output = execFileSync(process.execPath, [join(root, 'scripts', 'start.js')], {
        env: { ...process.env, NODE_OPTIONS: `--require ${probe}` },
      }).toString();
      expect(JSON.parse(output)).toEqual({
        argv: ['start'],
        execArgv: [`--max-old-space-size=${SERVER_HEAP_MB}`],
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
