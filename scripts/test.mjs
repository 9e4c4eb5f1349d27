// `npm test`: everything a developer needs to trust a change.
//   1. static checks: TypeScript (server and web) and ESLint
//   2. unit and integration tests on embedded PGlite
//   3. the same tests on a real PostgreSQL server started here (initdb + pg_ctl)
//   4. the web app built and driven in Debian's Chromium
// and, after phase 2, the date-sensitive files again as of a Sunday, a 调休 Saturday and 31 December.
// Phases 2–4 first build their template databases (test/support/build-templates.ts): migrated,
// and seeded with the demo city; each test starts from a copy instead of migrating and seeding.
// Prints the ten slowest test files of each phase and one closing line "N passed, N failed".
// `npm test -- --only=pglite` runs one phase.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

// Every process of a phase runs the platform as of a fixed instant — an ordinary Wednesday unless
// YIWANG_TEST_NOW says otherwise — through the kernel clock's offset (src/kernel/clock.ts). The
// offset is taken once per phase, so the template build and the test files after it share one
// clock that runs on: nothing a test finds in the template lies in its future.
const DEFAULT_NOW = process.env.YIWANG_TEST_NOW || '2026-11-18T10:00:00+08:00';
const clockAt = (now) => ({ YIWANG_CLOCK_OFFSET_MS: String(Date.parse(now) - Date.now()) });

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
  'src/modules/cases/workflow/clocks.test.ts',
  'src/modules/cases/workflow/instant.test.ts',
  'test/integration/cases-workflow.test.ts',
  'test/integration/cases.test.ts',
  'test/integration/staff-messages.test.ts',
  'test/integration/payment-case.test.ts',
  'test/integration/payment-callbacks.test.ts',
  'test/integration/ratings.test.ts',
  'test/integration/calendar-years.test.ts',
];

/** How every test process starts; the template builder starts the same way (same loader and hooks). */
const NODE_ARGS = ['--import', 'tsx'];

// Temporary folders and servers are removed when the run ends, also on Ctrl-C.
const atExit = new Set();
process.on('exit', () => {
  for (const fn of atExit) fn();
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/** The ten test files of a phase that took longest, from file-times-reporter.mjs's lines. */
function printSlowest(label, timesFile) {
  const times = existsSync(timesFile) ? readFileSync(timesFile, 'utf8').split('\n').filter(Boolean) : [];
  const slowest = times
    .map((line) => line.split('\t'))
    .map(([ms, file]) => ({ ms: Number(ms), file: relative(root, file) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  if (!slowest.length) return;
  console.log(`\nslowest test files (${label}):`);
  for (const { ms, file } of slowest) console.log(`${(ms / 1000).toFixed(1).padStart(8)} s  ${file}`);
}

/**
 * Builds the template databases of a phase in a process started like its test files and with
 * their environment (`env` names the folder). Returns whether it worked; its output says why not.
 */
function buildTemplates(label, env) {
  console.log(`\n=== ${label}: template databases ===`);
  const r = spawnSync(process.execPath, [...NODE_ARGS, 'test/support/build-templates.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  return r.status === 0;
}

/**
 * One phase of node tests. Files under test/ start their servers and databases from templates
 * built first; a failed build fails the phase without running it. src/ files are unit tests.
 */
async function runPhase(label, files, env = {}) {
  const selected = filter ? files.filter((f) => f.includes(filter)) : files;
  if (selected.length === 0) return 0;
  if (!selected.some((f) => f.startsWith('test/'))) return runNodeTests(label, selected, env);
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-templates-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  atExit.add(remove);
  try {
    const phaseEnv = { ...env, YIWANG_TEST_TEMPLATES: dir };
    if (!buildTemplates(label, phaseEnv)) {
      console.log(`\n${label}: building the template databases failed; its tests did not run`);
      totals.failed++;
      return 1;
    }
    return await runNodeTests(label, selected, phaseEnv);
  } finally {
    remove();
    atExit.delete(remove);
  }
}

function runNodeTests(label, selected, env) {
  console.log(`\n=== ${label}: ${selected.length} test files ===`);
  const timesDir = mkdtempSync(join(tmpdir(), 'yiwang-test-times-'));
  const timesFile = join(timesDir, 'times.tsv');
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/file-times-reporter.mjs', `--test-reporter-destination=${timesFile}`];
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...NODE_ARGS, '--test', ...reporters, '--test-concurrency=2', ...selected],
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
      printSlowest(label, timesFile);
      rmSync(timesDir, { recursive: true, force: true });
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
  failures += (await runPhase('PGlite', unitAndIntegration, clockAt(DEFAULT_NOW))) ? 1 : 0;
}
if (!only || only === 'dates') {
  const files = unitAndIntegration.filter((f) => DATE_SENSITIVE.some((d) => f.startsWith(d)));
  for (const d of FIXED_DATES) {
    failures += (await runPhase(`PGlite as of ${d.label} (${d.now}, TZ=${d.tz})`, files, { ...clockAt(d.now), TZ: d.tz })) ? 1 : 0;
  }
}
if (!only || only === 'postgres') {
  register();
  const { startPgServer } = await import('../test/support/pg-server.ts');
  const pg = await startPgServer();
  atExit.add(pg.stop);
  try {
    failures += (await runPhase('PostgreSQL', unitAndIntegration, { ...clockAt(DEFAULT_NOW), YIWANG_TEST_PG_URL: pg.url, YIWANG_ALLOW_DEV_MASTER_KEY: '1' })) ? 1 : 0;
  } finally {
    pg.stop();
    atExit.delete(pg.stop);
  }
}
if (!only || only === 'browser') {
  failures += step('build web', process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']) ? 1 : 0;
  failures += (await runPhase('browser (Chromium)', browser, clockAt(DEFAULT_NOW))) ? 1 : 0;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures ? 1 : 0);
