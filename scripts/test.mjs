// `npm test`: everything a developer needs to trust a change.
//   1. static checks: TypeScript (server and web) and ESLint
//   2. unit and integration tests on embedded PGlite
//   3. the same tests on a real PostgreSQL server started here (initdb + pg_ctl)
//   4. the web app built and driven in Debian's Chromium
//   2b. the date-sensitive files again as of a Sunday, a 调休 Saturday and 31 December
// Prints one closing line "N passed, N failed". `npm test -- --only=pglite` runs one phase.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const filter = process.argv.find((a) => a.startsWith('--files='))?.slice(8);

function findTests(dir) {
  const out = [];
  if (!existsSync(join(root, dir))) return out;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(path));
    else if (entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

const totals = { passed: 0, failed: 0 };

// Every test process runs the platform as of a fixed instant (test/support/test-clock.ts): an
// ordinary Wednesday unless YIWANG_TEST_NOW says otherwise.
const DEFAULT_NOW = '2026-11-18T10:00:00+08:00';
process.env.YIWANG_TEST_NOW ||= DEFAULT_NOW;

/**
 * The date-sensitive suites (calendar, case clocks and deadlines, timers, rating defaults,
 * payments due) run again as of days that have broken date code before, each in a time zone
 * where the server's local date differs from the day in 云浮.
 */
const FIXED_DATES = [
  { label: 'a Sunday', now: '2026-12-06T10:00:00+08:00', tz: 'America/Los_Angeles' },
  { label: 'the 调休 Saturday before 春节', now: '2026-02-14T10:00:00+08:00', tz: 'UTC' },
  { label: '31 December, late', now: '2026-12-31T21:00:00+08:00', tz: 'Pacific/Kiritimati' },
];
const DATE_SENSITIVE = [
  'test/integration/clock.test.ts',
  'src/kernel/calendar/',
  'src/modules/cases/clocks.test.ts',
  'src/modules/cases/instant.test.ts',
  'test/integration/cases-workflow.test.ts',
  'test/integration/cases.test.ts',
  'test/integration/staff-messages.test.ts',
  'test/integration/payment-case.test.ts',
  'test/integration/payment-callbacks.test.ts',
  'test/integration/ratings.test.ts',
];

function runNodeTests(label, files, env = {}) {
  const selected = filter ? files.filter((f) => f.includes(filter)) : files;
  if (selected.length === 0) return Promise.resolve(0);
  console.log(`\n=== ${label}: ${selected.length} test files ===`);
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './test/support/test-clock.ts', '--test', '--test-reporter=spec', '--test-concurrency=2', ...selected],
      { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      const count = (name) => Number(tail.match(new RegExp(`ℹ ${name} (\\d+)`))?.[1] ?? 0);
      totals.passed += count('pass');
      totals.failed += count('fail') + (code !== 0 && count('fail') === 0 ? 1 : 0);
      resolve(code ?? 1);
    });
  });
}

function step(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status === 0) totals.passed++;
  else totals.failed++;
  return r.status ?? 1;
}

const unitAndIntegration = [...findTests('src'), ...findTests('test/integration')];
const browser = findTests('test/browser');
let failures = 0;

if (!only || only === 'static') {
  failures += step('typecheck', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']) ? 1 : 0;
  failures += step('typecheck web', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'web/tsconfig.json']) ? 1 : 0;
  failures += step('lint', process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '.']) ? 1 : 0;
}
if (!only || only === 'pglite') {
  failures += (await runNodeTests('PGlite', unitAndIntegration)) ? 1 : 0;
}
if (!only || only === 'dates') {
  const files = unitAndIntegration.filter((f) => DATE_SENSITIVE.some((d) => f.startsWith(d)));
  for (const d of FIXED_DATES) {
    failures += (await runNodeTests(`PGlite as of ${d.label} (${d.now}, TZ=${d.tz})`, files, { YIWANG_TEST_NOW: d.now, TZ: d.tz })) ? 1 : 0;
  }
}
if (!only || only === 'postgres') {
  register();
  const { startPgServer } = await import('../test/support/pg-server.ts');
  const pg = await startPgServer();
  try {
    failures += (await runNodeTests('PostgreSQL', unitAndIntegration, { YIWANG_TEST_PG_URL: pg.url })) ? 1 : 0;
  } finally {
    pg.stop();
  }
}
if (!only || only === 'browser') {
  failures += step('build web', process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']) ? 1 : 0;
  failures += (await runNodeTests('browser (Chromium)', browser)) ? 1 : 0;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures ? 1 : 0);
