// `npm test`: everything a developer needs to trust a change.
//   1. static checks: TypeScript (server and web) and ESLint
//   2. unit and integration tests on embedded PGlite
//   3. the date-sensitive tests again as of a Sunday, a 调休 Saturday and 31 December
//   4. the integration tests again on a real PostgreSQL server started here (initdb + pg_ctl);
//      the unit tests beside the code (src/) use no database server, so they run once
//   5. the web app built and driven in Debian's Chromium
// The phases are not run one after another: every check, template build and test file is a job
// in one queue, and one more runs at once than the machine has cores (`--jobs=N` to change). A
// phase's test files wait for its template databases (test/support/build-templates.ts:
// migrated, and seeded with the demo city; each test starts from a copy instead of migrating
// and seeding), the browser files for the web build too; among the jobs that may start, the
// longest expected goes first, so no core idles at the end behind one slow file.
// A file's output is printed whole when it ends. The run ends with each phase's ten slowest
// files, its time from first start to last end, and one line "N passed, N failed".
// `npm test -- --only=pglite` runs one phase, `--files=a,b` the files whose path contains a or b.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = arg('only');
// --files=a,b: the files whose path contains any of the parts
const filterParts = arg('files')?.split(',').filter(Boolean);
const filter = filterParts?.length ? (f) => filterParts.some((part) => f.includes(part)) : null;
// Two more jobs than cores: a test process waits part of its time (on its server's sockets, the
// PostgreSQL server, the browser, the outbox worker's next poll). On 2 cores a whole run took
// 1673 s with 3 jobs at a time and 1506 s with 4, one after the other on the same idle machine
// (`npm test -- --jobs=N` to compare again); with as many jobs as cores they were busy only ~73 %.
const slots = Number(arg('jobs') ?? availableParallelism() + 2);

if (!process.features.typescript) {
  console.error(`npm test needs Node.js 22.18 or later (this is ${process.version}); npm ci installs it (package.json) and npm test uses it`);
  process.exit(1);
}

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

// Every process of a phase runs the platform as of a fixed instant — an ordinary Wednesday unless
// YIWANG_TEST_NOW says otherwise — through the kernel clock's offset (src/kernel/clock.ts). The
// offset is taken once per instant, so a phase's template build and its test files share one
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
];
// Not listed: calendar-years.test.ts sets the clock to the days it is about itself. In the listed
// files the tests marked `anyDate` (test/support/dates.ts) are skipped on these dates.


// Temporary folders and servers are removed when the run ends, also on Ctrl-C.
const atExit = new Set();
process.on('exit', () => {
  // last added, first done: a server stops before the folder it ran in goes
  for (const fn of [...atExit].reverse()) fn();
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/**
 * One folder holds everything the run writes: the template databases, each test's data directory
 * (a copy of a template, database included), the PostgreSQL server's cluster. It is removed at
 * the end, with what a crashed file left. It is on tmpfs (/dev/shm) when the machine has room
 * there: copying and writing a database on the disk took about three times the CPU (kernel time)
 * of the same in memory. The test processes find it as their TMPDIR.
 */
function runFolder() {
  let base = tmpdir();
  try {
    const shm = statfsSync('/dev/shm');
    if (shm.bavail * shm.bsize > 4 * 2 ** 30) base = '/dev/shm';
  } catch {
    // no /dev/shm: the disk it is
  }
  const dir = mkdtempSync(join(base, 'yiwang-test-run-'));
  // the PostgreSQL server runs as user postgres when the suite runs as root: it must get through
  chmodSync(dir, 0o755);
  atExit.add(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
process.env.TMPDIR = runFolder();
// Every test process loads the platform's few hundred modules (about 2 CPU-s); V8's compiled code,
// kept here between processes and runs, saves about a twentieth of that (Node.js does not keep the
// TypeScript it strips, most of the rest).
process.env.NODE_COMPILE_CACHE ??= join(root, 'node_modules/.cache/node-compile');
const tempDir = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  atExit.add(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/**
 * How long a job is expected to take, to start the longest first: the time it took in the last
 * run on this machine (kept under node_modules/.cache), else a guess from the file's size, since
 * the long files are the long ones; a browser file drives a whole browser and weighs more.
 */
const timesCache = join(root, 'node_modules/.cache/yiwang-test-times.json');
const lastTimes = existsSync(timesCache) ? JSON.parse(readFileSync(timesCache, 'utf8')) : {};
const expected = (key, guess) => lastTimes[key] ?? guess;
const guessFromSize = (file, weight) => statSync(join(root, file)).size * 2 * weight;

/** One process to run; `after` are the jobs that must have passed first; `guess` its time in ms. */
function job(key, { label, command, args, after = [], guess = 0, phase }) {
  return { key, label, command, args, after, phase, expect: expected(key, guess), state: 'waiting' };
}

const node = (args) => ({ command: process.execPath, args });
const bin = (path) => join(root, 'node_modules', path);
const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout'];
const jobs = [];
const phases = [];

/**
 * A phase of test files: its template build (when a file under test/ needs one; or the one of
 * `templatesOf`, a phase of the same environment) and a job per file. `prepare` runs before
 * anything when the phase has files (the PostgreSQL server).
 */
function testPhase(name, label, files, env, { after = [], weight = 1, prepare, templatesOf } = {}) {
  const selected = filter ? files.filter(filter) : files;
  if (!selected.length) return;
  // an environment of its own: the server's address and the template folder are the phase's
  const phase = { name, label, env: { ...env }, prepare };
  phases.push(phase);
  const needs = [...after];
  const shared = phases.find((p) => p.name === templatesOf && p.templates);
  if (shared) {
    phase.env = shared.env;
    needs.push(`${shared.name}:templates`);
  } else if (selected.some((f) => f.startsWith('test/'))) {
    phase.templates = true;
    // Infinity: the build starts first among what may start, since the phase's files wait for it
    jobs.push({ ...job(`${name}:templates`, { label: 'template databases', ...node(['test/support/build-templates.ts']), phase }), expect: Infinity });
    needs.push(`${name}:templates`);
  }
  for (const file of selected) {
    jobs.push(job(`${name}:${file}`, { label: file, ...node(['--test', ...reporters, file]), after: needs, guess: guessFromSize(file, weight), phase }));
  }
}

const unit = findTests('src');
const integration = findTests('test/integration');
const defaultClock = clockAt(DEFAULT_NOW);

if (!only || only === 'static') {
  const staticPhase = { name: 'static', label: 'static checks' };
  phases.push(staticPhase);
  jobs.push(job('static:typecheck', { label: 'typecheck', ...node([bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']), guess: 60_000, phase: staticPhase }));
  jobs.push(job('static:typecheck-web', { label: 'typecheck web', ...node([bin('typescript/bin/tsc'), '--noEmit', '-p', 'web/tsconfig.json']), guess: 30_000, phase: staticPhase }));
  jobs.push(job('static:lint', { label: 'lint', ...node([bin('eslint/bin/eslint.js'), '.']), guess: 45_000, phase: staticPhase }));
}
if (!only || only === 'pglite') testPhase('pglite', 'PGlite', [...unit, ...integration], defaultClock);
if (!only || only === 'dates') {
  const files = [...unit, ...integration].filter((f) => DATE_SENSITIVE.some((d) => f.startsWith(d)));
  FIXED_DATES.forEach((d, i) =>
    testPhase(`dates${i + 1}`, `PGlite as of ${d.label} (${d.now}, TZ=${d.tz})`, files, { ...clockAt(d.now), TZ: d.tz, YIWANG_TEST_FIXED_DATE: d.now }),
  );
}
if (!only || only === 'postgres') {
  testPhase('postgres', 'PostgreSQL', integration, defaultClock, {
    async prepare(env) {
      const { startPgServer } = await import('../test/support/pg-server.ts');
      const pg = await startPgServer();
      atExit.add(pg.stop);
      env.YIWANG_TEST_PG_URL = pg.url;
      // the servers the tests start use the public development key on a database server
      env.YIWANG_ALLOW_DEV_MASTER_KEY = '1';
    },
  });
}
if (!only || only === 'browser') {
  const files = findTests('test/browser');
  if (files.some((f) => !filter || filter(f))) {
    const buildPhase = { name: 'build', label: 'web build' };
    phases.push(buildPhase);
    const build = job('build:web', { label: 'build web', ...node([bin('vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']), phase: buildPhase });
    jobs.push({ ...build, expect: Infinity });
  }
  // the same clock as the PGlite phase: its templates serve both
  testPhase('browser', 'browser (Chromium)', files, defaultClock, { after: ['build:web'], weight: 3, templatesOf: 'pglite' });
}

// Each phase with templates gets its folder; the PostgreSQL server starts before anything runs.
for (const phase of phases) {
  if (phase.templates) phase.env.YIWANG_TEST_TEMPLATES = tempDir(`yiwang-templates-${phase.name}-`);
  if (phase.prepare) await phase.prepare(phase.env);
}

const totals = { passed: 0, failed: 0 };
/** Failed jobs and their output, repeated at the end: CI keeps only the tail of a long log. */
const failures = [];
const byKey = new Map(jobs.map((j) => [j.key, j]));
const started = Date.now();
const elapsed = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Passed and failed tests a `node --test` run reports in its closing lines. */
function counts(output) {
  const count = (name) => Number(output.match(new RegExp(`ℹ ${name} (\\d+)`))?.[1] ?? 0);
  return { pass: count('pass'), fail: count('fail') };
}

function finish(j, code, output) {
  j.end = Date.now();
  j.state = code === 0 ? 'passed' : 'failed';
  const isTestFile = j.args.includes('--test');
  // a check or a build counts as one test, as before; a template build only when it fails
  const isTemplates = j.key.endsWith(':templates');
  const c = isTestFile ? counts(output) : { pass: code === 0 && !isTemplates ? 1 : 0, fail: code === 0 ? 0 : 1 };
  // a crashed file reports no failed test: count the file
  if (code !== 0 && c.fail === 0) c.fail = 1;
  totals.passed += c.pass;
  totals.failed += c.fail;
  const mark = code === 0 ? '✔' : '✖';
  if (code !== 0) failures.push({ j, output });
  process.stdout.write(`\n=== ${mark} ${j.phase.label}: ${j.label} (${elapsed(j.end - j.start)}) ===\n${output}`);
}

function skip(j, because) {
  j.state = 'failed';
  totals.failed++;
  console.log(`\n=== ✖ ${j.phase.label}: ${j.label} did not run: ${because} failed ===`);
}

function run(j) {
  j.state = 'running';
  j.start = Date.now();
  j.phase.start ??= j.start;
  return new Promise((resolve) => {
    const child = spawn(j.command, j.args, { cwd: root, env: { ...process.env, ...j.phase.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      finish(j, code ?? 1, output);
      j.phase.end = Math.max(j.phase.end ?? 0, j.end);
      resolve();
    });
  });
}

/** Starts the longest ready job whenever a slot is free; a job whose prerequisite failed is skipped. */
async function schedule() {
  const running = new Set();
  for (;;) {
    for (const j of jobs) {
      if (j.state !== 'waiting') continue;
      const failed = j.after.find((k) => byKey.get(k)?.state === 'failed');
      if (failed) skip(j, byKey.get(failed).label);
    }
    const ready = jobs.filter((j) => j.state === 'waiting' && j.after.every((k) => !byKey.has(k) || byKey.get(k).state === 'passed'));
    ready.sort((a, b) => b.expect - a.expect);
    while (running.size < slots && ready.length) {
      const j = ready.shift();
      const p = run(j).then(() => running.delete(p));
      running.add(p);
    }
    if (!running.size) break;
    await Promise.race(running);
  }
}

await schedule();

for (const phase of phases) {
  const files = jobs.filter((j) => j.phase === phase && j.start !== undefined);
  if (!files.length) continue;
  const busy = files.reduce((sum, j) => sum + (j.end - j.start), 0);
  console.log(`\n${phase.label}: ${files.length} jobs, ${elapsed(busy)} in all, ${elapsed((phase.end ?? phase.start) - phase.start)} from first start to last end`);
  for (const j of files.sort((a, b) => b.end - b.start - (a.end - a.start)).slice(0, 10)) {
    console.log(`${elapsed(j.end - j.start).padStart(10)}  ${j.label}`);
  }
}

// what each job took, for the next run's order (a partial run keeps the others' times)
mkdirSync(dirname(timesCache), { recursive: true });
const times = { ...lastTimes };
for (const j of jobs) if (j.end !== undefined) times[j.key] = j.end - j.start;
writeFileSync(timesCache, JSON.stringify(times));

for (const { j, output } of failures) {
  // node's spec reporter closes with a "failing tests" section; a crash has only its last lines
  const at = output.indexOf('✖ failing tests:');
  const lines = (at >= 0 ? output.slice(at) : output).split('\n');
  const shown = at >= 0 ? lines.slice(0, 80) : lines.slice(-40);
  console.log(`\n=== failed: ${j.phase.label}: ${j.label} ===\n${shown.join('\n')}`);
}

console.log(`\nwhole run: ${elapsed(Date.now() - started)} with ${slots} jobs at a time`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
