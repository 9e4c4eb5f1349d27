import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Actor } from '../../src/kernel/actor.ts';
import { AppError } from '../../src/kernel/errors.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { isWithinRegion } from '../../src/kernel/region-code.ts';
import { exchangeGateway } from '../../src/modules/data/index.ts';
import { readRecord } from '../../src/modules/data/records.ts';
import { rng } from '../../src/seed/random.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #15 "a property test that over thousands of random grants and queries no field outside the
// grant ever leaves the gateway": the demo's 人社 system and its grant on 常住人口基本信息, the
// grant redrawn before every call (fields, clear fields, rows, period, status), the call drawn too
// (fields asked, a person of any county or nobody). Whatever comes back holds only granted
// fields, masks every personal one not granted in clear and lies within the granted rows; a
// refusal returns nothing and carries one of the gateway's codes.
const CALLS = 2000;
const REFUSALS = new Set([
  'DATA_GATEWAY_FIELD_NOT_GRANTED',
  'DATA_GATEWAY_ROW_NOT_GRANTED',
  'DATA_GATEWAY_GRANT_REVOKED',
  'DATA_GATEWAY_GRANT_EXPIRED',
  'DATA_RECORD_NOT_FOUND',
]);

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());

test(`over ${CALLS} random grants and queries no field outside the grant leaves the gateway`, async () => {
  const db = server.ctx.db;
  const pii = personalData(server.ctx.config.masterKey);
  const resource = (await db.one<{ id: string; code: string }>(
    `select id, code from data_resource where name = '常住人口基本信息'`,
  ))!;
  const fields = await db.query<{ key: string; personal: string | null }>(
    'select key, personal from data_resource_field where resource_id = $1 order by position',
    [resource.id],
  );
  const grant = (await db.one<{ id: string }>(
    `select g.id from data_grant g join data_system s on s.department_id = g.grantee_department_id where s.client_id = 'rsj-ywxt' and g.resource_id = $1`,
    [resource.id],
  ))!;
  await db.query('update data_grant set daily_quota = 1000000 where id = $1', [grant.id]);
  await db.query(`update data_system set rate_limit = 100000 where client_id = 'rsj-ywxt'`);
  // people of every county (the keys are the ID numbers, read back from the records as the test's own knowledge)
  const sample = await db.query<{ values_enc: string }>(
    `select values_enc from data_record where resource_id = $1 order by change_seq limit 400`,
    [resource.id],
  );
  const keys = sample.map((r) => String((JSON.parse(pii.decrypt(r.values_enc)) as { id_number: string }).id_number));
  const regions = [null, '445300000000', '445302000000', '445381000000', '445321000000', '445302001000'];

  const gateway = exchangeGateway(server.ctx);
  const system: Actor = { kind: 'client', id: 'rsj-ywxt' };
  const r = rng(15_2026);
  const subset = <T>(list: T[], p: number) => list.filter(() => r() < p);
  const outcomes = new Map<string, number>();

  for (let i = 0; i < CALLS; i++) {
    const granted = subset(fields, 0.5).map((f) => f.key);
    if (!granted.length) granted.push(fields[0]!.key);
    const clear = subset(granted, 0.3);
    const rowRegion = regions[Math.floor(r() * regions.length)]!;
    const status = r() < 0.9 ? 'active' : 'revoked';
    const validTo = r() < 0.9 ? 'clock_today() + 30' : 'clock_today() - 1';
    await db.query(
      // as every change of a grant does, the redraw bumps its version: the gateway keeps a grant it
      // has checked only while its version stands
      `update data_grant set fields = $2, clear_fields = $3, row_region = $4, status = $5, valid_to = ${validTo}, version = version + 1 where id = $1`,
      [grant.id, granted, clear, rowRegion, status],
    );

    const asked = r() < 0.5 ? undefined : subset(fields, 0.4).map((f) => f.key);
    const key = r() < 0.95 ? keys[Math.floor(r() * keys.length)]! : '445302199001019999';
    try {
      const answer = await gateway.query(system, { resource: resource.code, key, ...(asked?.length ? { fields: asked } : {}) });
      const returned = Object.keys(answer.record);
      for (const f of returned)
        assert.ok(granted.includes(f), `call ${i}: ${f} left the gateway outside the grant ${granted.join(',')}`);
      assert.deepEqual(returned, asked?.length ? asked : granted, `call ${i}: what was asked, or the whole grant`);
      const raw = (await readRecord(db, pii, resource.id, key))!;
      for (const f of fields) {
        const value = answer.record[f.key];
        if (value === undefined || value === null || !f.personal || clear.includes(f.key)) continue;
        assert.notEqual(value, raw.values[f.key], `call ${i}: ${f.key} left in clear without the grant's leave`);
        assert.match(String(value), /\*/, `call ${i}: ${f.key} masked`);
      }
      if (rowRegion)
        assert.ok(isWithinRegion(raw.regionCode, rowRegion), `call ${i}: row of ${raw.regionCode} outside ${rowRegion}`);
      assert.equal(status, 'active');
      outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
    } catch (err) {
      assert.ok(err instanceof AppError && REFUSALS.has(err.code), `call ${i}: unexpected ${String(err)}`);
      outcomes.set(err.code, (outcomes.get(err.code) ?? 0) + 1);
    }
  }
  // the draw reached every outcome, so the property was tested on answers and on each refusal
  for (const outcome of ['ok', ...REFUSALS])
    assert.ok((outcomes.get(outcome) ?? 0) > 0, `no ${outcome} in ${JSON.stringify([...outcomes])}`);
  const logged = await db.one<{ n: string }>(`select count(*) as n from data_call where client_id = 'rsj-ywxt'`);
  assert.ok(Number(logged!.n) >= CALLS, 'every call logged, answered or refused');
});
