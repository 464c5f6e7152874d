/** One jest run over every package; each project keeps its own environment. */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  // API tests run real databases and servers: a busy 2-core machine needs more than the default 5 s.
  testTimeout: 30_000,
  // Two cores on every machine here; jest's default leaves one idle.
  maxWorkers: 2,
  projects: [
    {
      displayName: 'api',
      rootDir: '<rootDir>/apps/api',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'shared',
      rootDir: '<rootDir>/packages/shared',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      // The files that run the product for real: Dockerfile, compose.yaml, nginx (deploy/deploy-files.test.ts).
      displayName: 'deploy',
      rootDir: '<rootDir>/deploy',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'web',
      rootDir: '<rootDir>/apps/web',
      testEnvironment: 'jest-fixed-jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx', '<rootDir>/src/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/src/test/setup-tests.ts'],
      transform: { '^.+\\.(t|j|mj)sx?$': swc },
      // msw's dependencies ship ESM only; let jest transform them.
      transformIgnorePatterns: [
        '/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(msw|@mswjs|rettime|@open-draft|until-async|outvariant|strict-event-emitter|headers-polyfill|@bundled-es-modules|is-node-process|graphql|cookie|tough-cookie))',
        '\\.pnpm/(?!.*(msw|mswjs|rettime|open-draft|until-async))',
      ],
      moduleNameMapper: { '\\.(css)$': 'identity-obj-proxy' },
      testEnvironmentOptions: { customExportConditions: [''] },
    },
  ],
};
