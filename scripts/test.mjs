// `npm test`: everything a developer needs to trust a change.
//   1. static checks: TypeScript (server and web) and ESLint
//   2. unit and integration tests on embedded PGlite
//   3. the same tests on a real PostgreSQL server started here (initdb + pg_ctl)
//   4. the web app built and driven in Debian's Chromium
// Prints one closing line "N passed, N failed". `npm test -- --only=pglite` runs one phase.
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

function runNodeTests(label, files, env = {}) {
  const selected = filter ? files.filter((f) => f.includes(filter)) : files;
  if (selected.length === 0) return Promise.resolve(0);
  console.log(`\n=== ${label}: ${selected.length} test files ===`);
  const timesDir = mkdtempSync(join(tmpdir(), 'yiwang-test-times-'));
  const timesFile = join(timesDir, 'times.tsv');
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/file-times-reporter.mjs', `--test-reporter-destination=${timesFile}`];
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', ...reporters, '--test-concurrency=2', ...selected],
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
  failures += (await runNodeTests('PGlite', unitAndIntegration)) ? 1 : 0;
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
