/**
 * Unit tests run the pure domain code through ts-jest; integration tests boot the compiled app;
 * browser tests (e2e) drive the built admin panel of a running Strapi: run them with
 * `npm run test:e2e` (scripts/e2e.js), which starts that Strapi. `npm test` selects only unit and
 * integration.
 */
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/\\.tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};

module.exports = {
  testTimeout: 120000,
  // Each integration file boots a Strapi whose memory a worker does not wholly give back: after
  // some thirty files a worker's heap passed 1.5 GB, and its garbage collection paused the event
  // loop for over a second in the middle of a test. A worker over this is replaced between files.
  workerIdleMemoryLimit: '768MB',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.js',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/statement-overlaps.ts'],
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'] },
  ],
};
