/**
 * The test projects: fast unit tests apart from the tests of servers, of processes and of the
 * browser, each with timeouts explicit here rather than vitest's defaults (5 s a test, 1 s an
 * expect.poll), sized for a 2-core machine with both cores busy. A timeout bounds a test that is
 * stuck; no test waits for one to pass (tests wait for the event they expect).
 *
 * unit and server run without isolation: a worker runs their files one after another in one
 * module graph, so the kuromoji dictionary (test/support/tokenizer.ts), the engine on the bundled
 * corpus (test/support/bot-server.ts) and the fake Messaging API's validators
 * (test/support/line-spec.ts) are built once per worker instead of once per file. Those tests
 * leave no global state behind them (servers, watchers and temporary directories are closed in
 * their hooks). Tests of processes and of the browser keep a fresh worker per file.
 *
 * `npx vitest --project unit` runs the fast ones alone.
 */
import { defineConfig } from 'vitest/config';

/** Tests that start servers, worker threads or file watchers in the test process, on loopback. */
const serverTests = [
  'test/server/**/*.test.ts',
  'test/support/fake-line-api.test.ts',
  'test/support/fake-line-account.test.ts',
  'test/line/messaging-api-poster.test.ts',
  'test/line/webhook-dispatcher.test.ts',
  'test/analytics/analytics-store.contract.test.ts',
  'test/analytics/sqlite-analytics-store.test.ts',
  'test/analytics/postgres-analytics-store.test.ts',
  'test/bot/corpus-reloader.test.ts',
];

/** Tests that spawn processes: the bot, npm scripts, tsx, redis-server, npm ci. */
const processTests = [
  'test/main.test.ts',
  'test/log-destination.test.ts',
  'test/server/graceful-shutdown.test.ts',
  'test/server/replicas.test.ts',
  'test/server/replicas-postgres.test.ts',
  'test/line/redis-deduplicator.test.ts',
  'test/analytics/report-script.test.ts',
  'test/corpus/spreadsheet-cli.test.ts',
  'test/line/line-setup.test.ts',
  'test/deploy/**/*.test.ts',
];

/** Tests that drive chromium. */
const browserTests = ['test/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...serverTests, ...processTests, ...browserTests],
          isolate: false,
          testTimeout: 30_000,
          // beforeAll hooks build the tokenizer and the engine: seconds on a busy machine.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          include: serverTests,
          exclude: [...processTests, ...browserTests],
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 20_000 } },
        },
      },
      {
        test: {
          name: 'process',
          include: processTests,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 30_000 } },
        },
      },
      {
        test: {
          name: 'browser',
          include: browserTests,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
