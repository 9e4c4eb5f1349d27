// A deployed outbox holds events under the topic names used before the naming rule. Upgrading
// must keep them: waiting events are delivered under the new names, their dedupe keys still
// dedupe, and the facts nobody consumed stop counting as pending.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { migrationSources } from '../../src/kernel/bootstrap.ts';
import { migrate } from '../../src/kernel/migrate.ts';
import { MODULES } from '../../src/modules/index.ts';
import { emptyDb } from '../support/db.ts';

/** What this upgrade adds: the kernel's helpers and each module's renames. */
const UPGRADE = /_(event_topics|outbox_topic_helpers)\.sql$/;

/** The migration sources as a deployment had them, before this upgrade. */
function before(sources: ReturnType<typeof migrationSources>) {
  return sources.map((source) => {
    const copy = mkdtempSync(join(tmpdir(), `yiwang-${source.name}-`));
    for (const file of readdirSync(source.dir).filter((f) => !UPGRADE.test(f))) copyFileSync(join(source.dir, file), join(copy, file));
    // code steps (migrations that need the master key) come with their source
    return { ...source, dir: copy };
  });
}

test('upgrading renames waiting events, keeps dedupe keys working and settles the facts nobody consumed', async () => {
  const db = await emptyDb();
  const sources = migrationSources(MODULES);
  await migrate(db, before(sources));
  let n = 0;
  const event = (topic: string, status: string, dedupeKey: string | null = null) =>
    db.query(`insert into outbox_event (id, topic, status, dedupe_key) values ($1, $2, $3, $4)`, [`00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`, topic, status, dedupeKey]);
  await event('case.approved', 'pending', 'case-event:1');
  await event('case.claimed', 'pending');
  await event('case_bundle.stopped', 'pending');
  await event('cases.clock', 'pending', 'case-clock:1:red:2026-11-30');
  await event('payment.reconcile', 'done', 'payment.reconcile:sim-bank:2026-11-17');
  await event('payment.reconcile', 'pending', 'payment.reconcile:sim-bank:2026-11-18');
  await event('payment.notice_created', 'pending');
  await event('sms.inbound', 'pending', 'sms-inbound:1');
  await event('identity.sms', 'dead');
  await event('rating.created', 'pending');
  await event('catalog.item.published', 'pending');

  const applied = await migrate(db, sources);
  assert.deepEqual(applied, [
    'kernel/006_outbox_topic_helpers.sql',
    'identity/007_event_topics.sql',
    'catalog/002_event_topics.sql',
    'payment/003_event_topics.sql',
    'cases/012_event_topics.sql',
    'ratings/003_event_topics.sql',
  ]);
  const rows = await db.query<{ topic: string; status: string; dedupe_key: string | null }>('select topic, status, dedupe_key from outbox_event order by id');
  assert.deepEqual(rows.map((r) => [r.topic, r.status, r.dedupe_key]), [
    ['cases.approved', 'pending', 'case-event:1'],
    ['cases.claimed', 'done', null],
    ['cases.bundle_step_stopped', 'done', null],
    ['cases.deadline_warning_due', 'pending', 'case-clock:1:red:2026-11-30'],
    // handled under its old name, which it keeps; its key follows, so the day is not reconciled twice
    ['payment.reconcile', 'done', 'payment.reconciliation_due:sim-bank:2026-11-17'],
    ['payment.reconciliation_due', 'pending', 'payment.reconciliation_due:sim-bank:2026-11-18'],
    ['payment.notice_created', 'done', null],
    ['identity.sms_received', 'pending', 'sms-inbound:1'],
    ['identity.sms_queued', 'dead', null],
    ['ratings.rated', 'done', null],
    ['catalog.item_published', 'done', null],
  ]);

  // what still waits is something a module consumes today
  const consumed = new Set(MODULES.flatMap((m) => m.events ?? []).filter((t) => !t.terminal).map((t) => t.name));
  assert.deepEqual(rows.filter((r) => r.status !== 'done' && !consumed.has(r.topic)), []);
  await db.close();
});
