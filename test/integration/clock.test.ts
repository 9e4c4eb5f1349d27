import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { shanghaiDate } from '../../src/kernel/calendar/index.ts';
import * as clock from '../../src/kernel/clock.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { getSetting, putSetting } from '../../src/kernel/settings.ts';
import { testDb } from '../support/db.ts';

const root = new URL('../..', import.meta.url).pathname;
// The offset this file started with (the runner's fixed instant), put back after each test.
const startOffset = clock.nowMs() - Date.now();
let db: Db;

before(async () => {
  db = await testDb();
});
after(() => db.close());
afterEach(() => clock.setClock(new Date(Date.now() + startOffset)));

const sqlNow = async (q: Pick<Db, 'one'> = db) => {
  const row = await q.one<{ now: Date | string; today: string }>('select clock_now() as now, clock_today()::text as today');
  return { ms: new Date(row!.now).getTime(), today: row!.today };
};

test('the clock reads the instant it was set to and runs on from there', () => {
  clock.setClock('2026-12-06T10:00:00+08:00');
  const first = clock.nowMs();
  assert.ok(Math.abs(first - Date.parse('2026-12-06T10:00:00+08:00')) < 1000);
  assert.equal(clock.today(), '2026-12-06');
  clock.advanceClock(14 * 3_600_000);
  assert.equal(clock.today(), '2026-12-07', 'midnight in 云浮, whatever the process time zone');
  assert.ok(clock.nowMs() >= first + 14 * 3_600_000);
});

test('today is the day in Asia/Shanghai, not in the time zone of the process', () => {
  clock.setClock('2026-12-31T16:30:00Z'); // 00:30 on 1 January in 云浮
  assert.equal(clock.today(), '2027-01-01');
  clock.setClock('2026-12-31T15:30:00Z');
  assert.equal(clock.today(), '2026-12-31');
});

test('SQL clock_now() and clock_today() follow the kernel clock, in and out of transactions', async () => {
  for (const at of ['2026-02-14T10:00:00+08:00', '2026-12-31T23:59:00+08:00', '2027-01-01T00:01:00+08:00']) {
    clock.setClock(at);
    const outside = await sqlNow();
    assert.ok(Math.abs(outside.ms - clock.nowMs()) < 5000, `${at}: ${new Date(outside.ms).toISOString()}`);
    assert.equal(outside.today, clock.today());
    const inside = await db.transaction((tx) => sqlNow(tx));
    assert.equal(inside.today, clock.today());
  }
});

test('every pooled connection picks up a move of the clock', async () => {
  clock.setClock('2026-10-01T09:00:00+08:00');
  // Several at once, so a PostgreSQL pool opens several connections, each set on first use.
  assert.deepEqual(new Set((await Promise.all(Array.from({ length: 6 }, () => sqlNow()))).map((r) => r.today)), new Set(['2026-10-01']));
  clock.advanceClock(3 * 86_400_000);
  assert.deepEqual(new Set((await Promise.all(Array.from({ length: 6 }, () => sqlNow()))).map((r) => r.today)), new Set(['2026-10-04']));
});

test('timestamp columns default to the kernel clock, not the real time', async () => {
  const defaults = await db.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_default ilike '%now()%' and column_default not ilike '%clock_now()%'`,
  );
  assert.deepEqual(defaults, [], 'a migration wrote "default now()": write "default clock_now()"');
  clock.setClock('2030-06-01T08:00:00+08:00');
  await putSetting(db, 'clock_test', { ok: true });
  const row = await db.one<{ updated_at: Date }>("select updated_at from node_setting where key = 'clock_test'");
  assert.equal(shanghaiDate(new Date(row!.updated_at)), '2030-06-01');
  assert.deepEqual(await getSetting(db, 'clock_test'), { ok: true });
});

test('a child process shares its parent clock', () => {
  clock.setClock('2026-09-30T11:00:00+08:00');
  const out = execFileSync(process.execPath, ['-e', "import('./src/kernel/clock.ts').then((c) => console.log(c.today()))"], {
    cwd: root,
    env: process.env,
    encoding: 'utf8',
  });
  assert.equal(out.trim(), '2026-09-30');
});

/** Reads of the real time that are meant: each with the reason it is not the kernel clock. */
const REAL_TIME_ALLOWED: Record<string, string> = {
  'src/kernel/clock.ts': 'the clock itself',
  'src/kernel/migrate.ts': 'the migration table is made before clock_now() exists; kernel-after/001 turns its default to the clock',
  'src/kernel/ids.ts': "a UUIDv7's time only orders inserts in the index; it is no business time",
  'src/modules/identity/totp.ts': "the code comes from an app on the person's phone, which counts real seconds",
};

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const REAL_TIME_READS = [
  { what: 'Date.now()', re: /(?<![\w.])Date\.now\(\)/ },
  { what: 'new Date()', re: /\bnew Date\(\)/ },
  { what: 'SQL now()', re: /(?<![\w.])now\(\)/ },
  { what: 'SQL clock_timestamp() / statement_timestamp()', re: /\b(clock_timestamp|statement_timestamp|transaction_timestamp)\(\)/ },
  { what: 'SQL current_date / current_timestamp / localtimestamp', re: /\b(current_date|current_timestamp|localtimestamp)\b/i },
  { what: 'a local-time-zone date part', re: /\.get(FullYear|Month|Date|Day|Hours)\(\)/ },
];

/** Finds the real-time reads in a text; exported for the fixture below. */
function realTimeReads(text: string): string[] {
  return text.split('\n').flatMap((line, i) => REAL_TIME_READS.filter((r) => r.re.test(line)).map((r) => `${i + 1}: ${r.what}`));
}

test('the check finds a read of the real time (deliberately broken fixture)', () => {
  const broken = "const due = new Date();\nawait tx.query('select * from x where at > now()');\nconst y = at.getFullYear();\nclock.now();\n";
  assert.deepEqual(realTimeReads(broken), ['1: new Date()', '2: SQL now()', '3: a local-time-zone date part']);
});

test('no server code reads the real time except where it must', () => {
  const found = sources('src').flatMap((file) => {
    const rel = relative(root, join(root, file));
    if (REAL_TIME_ALLOWED[rel]) return [];
    return realTimeReads(readFileSync(join(root, file), 'utf8')).map((hit) => `${rel}:${hit}`);
  });
  assert.deepEqual(found, [], 'read the time through src/kernel/clock.ts (now, nowMs, today) and clock_now() / clock_today() in SQL');
});
