// A process killed between steps loses nothing it confirmed and sends no notification twice.
// Needs a database two processes share, so it runs in the PostgreSQL phase only.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { backend } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const REWARD = '000H2453000000-445300000000-000-11445300530000243C-1-00';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const child = new URL('./cases-crash.child.ts', import.meta.url).pathname;
const skip = backend === 'postgres' ? false : 'needs PostgreSQL: two processes share the database';

let server: TestServer;

before(async () => {
  if (!skip) server = await startTestServer();
});
after(() => server?.close());

/** Runs the child until it prints `marker`, then kills it without warning. */
function runAndKill(args: string[], marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, ...args], {
      env: { ...process.env, DATABASE_URL: server.ctx.config.databaseUrl, YIWANG_DATA_DIR: server.ctx.config.dataDir },
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(marker)) p.kill('SIGKILL');
    });
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without reaching ${marker}: ${out}`))));
  });
}

async function submittedCase(cookie: string) {
  const draft = (await server.api('/api/cases', { method: 'POST', cookie, body: { item: REWARD, formData: { report_number: 'JB-9', bank_account: '6222' } } })).body.case;
  for (const key of ['m1', 'm2', 'm3']) {
    await fetch(`${server.url}/api/cases/${draft.id}/materials/${key}`, { method: 'PUT', headers: { cookie, 'content-type': 'application/pdf' }, body: new Uint8Array(PDF) });
  }
  const res = await server.api(`/api/cases/${draft.id}/submit`, { method: 'POST', cookie, body: { version: draft.version } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.case as { id: string; version: number; number: string };
}

test('killed before commit, an acceptance leaves no trace; killed while sending, an SMS goes out once', { skip, timeout: 120_000 }, async () => {
  const citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  const clerk = await server.login('clerk');
  const staff = (await server.api('/api/auth/me', { cookie: clerk })).body.user;
  const c = await submittedCase(citizen);
  const actor = { kind: 'staff', id: staff.id, name: staff.name, username: 'clerk', departmentId: null, departmentName: null, regionCode: '445300000000', roles: [{ role: 'window_clerk', regionCode: '445300000000', departmentId: null }] };

  await runAndKill(['accept', c.id, String(c.version), JSON.stringify(actor)], 'before-commit');
  const row = await server.ctx.db.one<{ status: string; version: number }>('select status, version from case_record where id = $1', [c.id]);
  assert.deepEqual({ ...row }, { status: 'submitted', version: c.version });
  const traces = await server.ctx.db.query(`select 1 from case_event where case_id = $1 and kind = 'accepted'`, [c.id]);
  assert.equal(traces.length, 0);

  // the acceptance done again commits once, with its notification queued in the same transaction
  const accepted = await server.api(`/api/cases/${c.id}/actions/accept`, { method: 'POST', cookie: clerk, body: { version: c.version } });
  assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  const queued = await server.ctx.db.query<{ n: number }>(`select count(*)::int as n from outbox_event where topic = 'identity.sms_queued' and status = 'pending'`);
  assert.ok(queued[0]!.n >= 2, 'submitted and accepted SMS queued');

  await runAndKill(['deliver'], 'in-handler');
  const sentBefore = await server.ctx.db.query<{ n: number }>('select count(*)::int as n from sms_message');
  assert.equal(sentBefore[0]!.n, 0, 'the killed delivery recorded nothing');
  await server.deliverEvents();
  await server.deliverEvents();
  const sent = await server.ctx.db.query<{ n: number }>('select count(*)::int as n from sms_message');
  assert.equal(sent[0]!.n, queued[0]!.n, 'every queued SMS sent exactly once');
  const left = await server.ctx.db.query(`select 1 from outbox_event where topic = 'identity.sms_queued' and status <> 'done'`);
  assert.equal(left.length, 0);
});
