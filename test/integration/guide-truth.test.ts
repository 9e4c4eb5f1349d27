import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ItemContent } from '../../src/modules/catalog/index.ts';
import { procedurePausesClock, stepsFor } from '../../src/modules/cases/workflow/steps.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue #14: the 办事指南 tells what the platform will do. For every published demo item its
 * 办理流程 and 时限 are those of the workflow a case runs (steps in order, special procedures and
 * their days, where the payment sits, the limits), and the materials it calls 免提交 are not
 * asked for when the applicant applies.
 */
const REISSUE = '000G1103000000-445300000000-000-11445300530000112G-1-00'; // 不动产权证书补发、换发

let server: TestServer;
let citizen: string;
type Item = { id: string; code: string; content: ItemContent };
let items: Item[] = [];
const guides = new Map<string, GuideBody>();

interface GuideStep { key: string; name: string; kind: string; procedure?: string; days?: number | null; countedInLimit?: boolean; amountFen?: number | null; payWithinDays?: number; afterDecision?: boolean }
interface GuideBody {
  itemId: string;
  process: { steps: GuideStep[]; statutoryLimit: { immediate: boolean; days: number } | null; promisedLimit: { immediate: boolean; days: number } | null; specialProcedures: { name: string; days: number | null; countedInLimit: boolean }[] };
  noSubmit: { key: string; via: 'data' | 'licence'; licenceTypeName: string | null }[];
}

const keyOf = (m: { key?: string }, i: number) => m.key ?? `m${i + 1}`;

before(async () => {
  server = await startTestServer();
  citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  items = await server.ctx.db.query<Item>(
    `select i.id, i.code, v.content from catalog_item i join catalog_item_version v on v.id = i.published_version_id where i.status = 'published' order by i.code`,
  );
  for (const item of items) {
    const res = await server.api(`/api/catalog/guide/${item.id}`);
    assert.equal(res.status, 200, `${item.code}: ${JSON.stringify(res.body)}`);
    guides.set(item.id, res.body as GuideBody);
  }
});
after(() => server?.close());

describe('the guide and the workflow agree for every published demo item', () => {
  test('the demo catalogue has published items to compare', () => {
    assert.ok(items.length > 200, `${items.length} items`);
  });

  test('办理流程: the steps a case runs, in order, with their names and kinds', () => {
    for (const item of items) {
      const runs = stepsFor(item.content).map((s) => `${s.key}:${s.name}:${s.kind}`);
      const shown = guides.get(item.id)!.process.steps.map((s) => `${s.key}:${s.name}:${s.kind}`);
      assert.deepEqual(shown, runs, item.code);
    }
  });

  test('special procedures: their days as the item states them, counted in the limit exactly when the case clock keeps running', () => {
    let checked = 0;
    for (const item of items) {
      const process = guides.get(item.id)!.process;
      for (const s of process.steps.filter((x) => x.kind === 'special')) {
        const listed = item.content.specialProcedures?.find((p) => p.name === s.name);
        assert.equal(s.days, listed?.days ?? null, `${item.code} ${s.name}`);
        assert.equal(s.countedInLimit, !procedurePausesClock(item.content, s.procedure!, s.name), `${item.code} ${s.name}`);
        checked++;
      }
      assert.deepEqual(
        process.specialProcedures.map((p) => [p.name, p.countedInLimit, p.days]),
        (item.content.specialProcedures ?? []).map((p) => [p.name, p.countedInLimit, p.days ?? null]),
        item.code,
      );
    }
    assert.ok(checked >= 3, `special steps checked: ${checked}`);
  });

  test('payment: where the workflow puts it, with the fee and whether it follows the decision', () => {
    for (const item of items) {
      const steps = guides.get(item.id)!.process.steps;
      const decideAt = steps.findIndex((s) => s.kind === 'decide');
      steps.forEach((s, i) => {
        if (s.kind !== 'payment') return;
        assert.ok(item.content.fees?.charged, `${item.code}: a payment step only when the item charges`);
        assert.equal(s.afterDecision, i > decideAt, item.code);
        const fees = item.content.fees.items ?? [];
        const fixed = fees.every((f) => f.amountFen !== undefined) && fees.length ? fees.reduce((a, f) => a + f.amountFen!, 0) : null;
        assert.equal(s.amountFen, fixed, item.code);
        assert.equal(s.payWithinDays, item.content.fees.payWithinDays ?? 10, item.code);
      });
    }
  });

  test('limits: the statutory and promised limits of the version', () => {
    for (const item of items) {
      const p = guides.get(item.id)!.process;
      const limit = (l: ItemContent['statutoryLimit']) => (l ? { immediate: l.immediate, days: l.days, note: l.note ?? null } : null);
      assert.deepEqual(p.statutoryLimit, limit(item.content.statutoryLimit), item.code);
      assert.deepEqual(p.promisedLimit, limit(item.content.promisedLimit), item.code);
    }
  });

  test('不动产权证书补发: 受理, a 15-working-day 公告 not counted, 审核, 登簿, then 10 元 paid after the decision; 法定 30, 承诺 1', () => {
    const item = items.find((i) => i.code === REISSUE)!;
    const p = guides.get(item.id)!.process;
    assert.deepEqual(p.steps.map((s) => s.name), ['受理', '遗失声明公告', '审核', '登簿', '缴纳工本费']);
    assert.deepEqual(p.steps[1], { key: 'notice', name: '遗失声明公告', kind: 'special', procedure: 'publicity', days: 15, countedInLimit: false });
    assert.deepEqual(p.steps[4], { key: 'payment', name: '缴纳工本费', kind: 'payment', amountFen: 1000, payWithinDays: 10, afterDecision: true });
    assert.deepEqual([p.statutoryLimit?.days, p.promisedLimit?.days], [30, 1]);
  });
});

describe('免提交 in the guide is not asked for at submission', () => {
  test('the guide claims 免提交 by e-licence only for licence types the platform keeps', async () => {
    const kept = new Set((await server.ctx.db.query<{ code: string }>('select code from licence_type')).map((r) => r.code.trim()));
    let licence = 0;
    for (const item of items) {
      const noSubmit = new Map(guides.get(item.id)!.noSubmit.map((n) => [n.key, n]));
      (item.content.materials ?? []).forEach((m, i) => {
        const claim = noSubmit.get(keyOf(m, i));
        if (m.source === 'data_sharing' || m.replacedByBaseField) assert.equal(claim?.via, 'data', `${item.code} ${m.name}`);
        else if (m.replacedByLicenseType && kept.has(m.replacedByLicenseType)) {
          assert.equal(claim?.via, 'licence', `${item.code} ${m.name}`);
          licence++;
        } else assert.equal(claim, undefined, `${item.code} ${m.name}: the platform cannot fetch it`);
      });
    }
    assert.ok(licence > 0, 'some material is replaced by a kept licence type');
  });

  test('for every item a person applies for, the materials the guide calls 免提交 are obtained, not demanded', async () => {
    let drafts = 0;
    for (const item of items) {
      const guide = guides.get(item.id)!;
      const objects = item.content.serviceObjects ?? [];
      if (!guide.noSubmit.length || (objects.length && !objects.includes('natural_person'))) continue;
      const d = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: item.id } });
      assert.equal(d.status, 201, `${item.code}: ${JSON.stringify(d.body)}`);
      const detail = (await server.api(`/api/cases/${d.body.case.id}`, { cookie: citizen })).body;
      const status = new Map<string, { fetched: { via: string } | null; demanded: boolean }>(detail.materialStatus.map((s: { key: string }) => [s.key, s]));
      for (const claim of guide.noSubmit.filter((n) => n.via === 'data')) {
        assert.equal(status.get(claim.key)?.fetched?.via, 'data', `${item.code} ${claim.key}`);
        assert.equal(status.get(claim.key)?.demanded, false, `${item.code} ${claim.key}`);
      }
      // the draft is not wanted: it goes (删除草稿)
      assert.equal((await server.api(`/api/cases/${d.body.case.id}`, { method: 'DELETE', cookie: citizen })).status, 204);
      drafts++;
    }
    assert.ok(drafts > 20, `drafts checked: ${drafts}`);
  });

  test('不动产权证书补发 is submitted with only the materials the case page demands; nothing the guide calls 免提交 is uploaded', async () => {
    const item = items.find((i) => i.code === REISSUE)!;
    const guide = guides.get(item.id)!;
    const form = { property_location: '云浮市云城区星岩四路1号', property_area: 88.5, property_usage: '住宅', unit_number: '445302001001GB00001F00010001' };
    const d = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: item.id, formData: form } });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const id = d.body.case.id as string;
    let detail = (await server.api(`/api/cases/${id}`, { cookie: citizen })).body;
    const demanded = detail.materialStatus.filter((s: { demanded: boolean }) => s.demanded).map((s: { key: string }) => s.key);
    const claimed = new Set(guide.noSubmit.map((n) => n.key));
    // what the page demands is exactly what submission refuses to go without
    const early = await server.api(`/api/cases/${id}/submit`, { method: 'POST', cookie: citizen, body: { version: detail.case.version } });
    assert.equal(early.status, 422, JSON.stringify(early.body));
    assert.equal(early.body.error.code, 'MATERIALS_MISSING');
    assert.deepEqual(early.body.error.details.materials.map((m: { key: string }) => m.key), demanded);
    for (const key of demanded) {
      // a licence the guide says the platform fetches is asked for only when the wallet lacks it,
      // and the page says so (the demo citizen holds no e-居民身份证)
      const status = detail.materialStatus.find((s: { key: string }) => s.key === key);
      assert.ok(!claimed.has(key) || status.licenceMissing, `${key} is called 免提交 by the guide but demanded without a reason`);
      assert.equal((await uploadMaterial(server, citizen, id, key)).status, 201);
    }
    detail = (await server.api(`/api/cases/${id}`, { cookie: citizen })).body;
    const res = await server.api(`/api/cases/${id}/submit`, { method: 'POST', cookie: citizen, body: { version: detail.case.version } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // the case runs the steps the guide showed
    assert.deepEqual(res.body.case.steps.map((s: { key: string }) => s.key), guide.process.steps.map((s) => s.key));
  });
});
