import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { verifyAudit } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { getPublishedVersion } from '../../src/modules/catalog/index.ts';
import { demoHighFrequencyServices } from '../../src/seed/catalog-data.ts';
import { seedCity } from '../../src/seed/demo-city.ts';
import { catalogueSnapshot, sha256 } from '../support/catalogue-snapshot.ts';
import { testDb } from '../support/db.ts';

/**
 * The demo catalogue as the seed loads it, through the services a city uses (import, review
 * workflow, bundles, synonyms, reference lists). Its canonical snapshot was taken from the
 * loader that wrote the tables directly, before the catalogue became data: the hash pins it, so
 * any change to what a new demo city gets shows here. Intended changes to the data update it.
 */
const SNAPSHOT_SHA256 = '08baa098269aff88f343cb8d17cd7d5d0d5818576892817bf48b9d2ad8263135';

let db: Db;
before(async () => {
  db = await testDb();
  await seedCity(db, '0123456789abcdef0123456789abcdef', '445300', { calendarYears: [2026] });
});
after(() => db?.close());

test('the demo city gets the same catalogue as before, byte for byte', async () => {
  const snapshot = await catalogueSnapshot(db);
  const file = join(tmpdir(), 'yiwang-demo-catalogue.json');
  writeFileSync(file, snapshot);
  assert.equal(sha256(snapshot), SNAPSHOT_SHA256, `the loaded catalogue changed (its canonical JSON: ${file})`);
});

test('it came through the catalogue services: one import per data file, every item reviewed and published by the seed, all audited', async () => {
  const imports = await db.query<{ file_name: string; status: string; actor_id: string }>(`select file_name, status, actor_id from catalog_import order by file_name`);
  assert.ok(imports.length >= 10);
  assert.ok(imports.every((i) => i.status === 'applied' && i.actor_id === 'seed' && i.file_name.startsWith('items/')));
  const versions = await db.one<{ n: number; reviewed: number }>(
    `select count(*)::int as n, count(*) filter (where created_by = 'seed' and submitted_by = 'seed' and reviewed_by = 'seed' and published_by = 'seed')::int as reviewed
     from catalog_item_version`,
  );
  assert.equal(versions!.reviewed, versions!.n);
  const audited = new Map(
    (await db.query<{ action: string; n: number }>(`select action, count(*)::int as n from audit_log where actor_id = 'seed' and action like 'catalog.%' group by action`)).map((r) => [r.action, r.n]),
  );
  for (const action of ['catalog.item.create', 'catalog.version.submit', 'catalog.version.approve', 'catalog.version.publish']) assert.equal(audited.get(action), versions!.n, action);
  assert.equal(audited.get('catalog.bundle.publish'), audited.get('catalog.bundle.create'));
  assert.equal((await verifyAudit(db)).ok, true);
});

test('every high-frequency service the city lists is served by a published demo item with a full guide', async () => {
  const services = demoHighFrequencyServices();
  assert.ok(services.length >= 100, `${services.length} high-frequency services, fewer than 100`);
  assert.equal(new Set(services.map((s) => s.name)).size, services.length, 'a service is listed twice');
  for (const service of services) {
    assert.ok(service.codes.length >= 1, service.name);
    for (const code of service.codes) {
      // getPublishedVersion throws (404) for an item that is missing or not published.
      const { content: c, name } = await getPublishedVersion(db, code);
      const at = `${service.name} → ${name}`;
      assert.ok(c.conditions?.length, `${at}: conditions`);
      assert.ok(c.materials?.length, `${at}: materials`);
      assert.ok(c.statutoryLimit && c.promisedLimit, `${at}: time limits`);
      assert.ok(c.fees && (c.fees.charged === false || c.fees.items?.length), `${at}: fees or 不收费`);
      assert.ok(c.channels?.length, `${at}: channels`);
      assert.ok(c.legalBasis?.length, `${at}: legal basis`);
    }
  }
  const names = services.map((s) => s.name).join(' ');
  for (const asked of ['烟草专卖零售许可', '健康证', '居住证', '不动产', '社保卡', '公积金提取']) assert.ok(names.includes(asked), asked);
});
