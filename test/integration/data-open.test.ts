import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import * as clock from '../../src/kernel/clock.ts';
import { publishAggregate } from '../../src/modules/data/index.ts';
import { cityDepartment, foodLicenceResource } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// 数据开放 (#15 point 7): the open datasets for anyone — list, detail with a preview, downloads in
// CSV, JSON and xlsx, counted —; closed resources are not there, conditional ones are applied for;
// the platform's own figures are published monthly with cells under 5 suppressed.
let server: TestServer;
const api = (...a: Parameters<TestServer['api']>) => server.api(...a);
let addresses: { code: string; records: number };

before(async () => {
  server = await startTestServer();
  const list = await api('/api/open/datasets?pageSize=50');
  addresses = list.body.items.find((d: { name: string }) => d.name === '标准地址信息');
});
after(() => server.close());

test('anyone lists the open datasets: open and conditional ones with their licence and figures, never a closed one', async () => {
  const list = await api('/api/open/datasets?pageSize=50');
  assert.equal(list.status, 200);
  const names = list.body.items.map((d: { name: string }) => d.name);
  for (const name of ['标准地址信息', '市场主体登记信息', '政务服务办件统计', '政务服务好差评结果统计', '非税收入缴款统计']) assert.ok(names.includes(name), name);
  assert.ok(!names.includes('常住人口基本信息'), 'a closed resource is not open data');
  assert.ok(addresses.records >= 60 && addresses.records % 60 === 0, JSON.stringify(addresses));
  assert.equal(list.body.items[0].licence.url, 'https://creativecommons.org/licenses/by/4.0/');
  const found = await api(`/api/open/datasets?q=${encodeURIComponent('地址')}`);
  assert.deepEqual(found.body.items.map((d: { name: string }) => d.name), ['标准地址信息']);

  const detail = await api(`/api/open/dataset?code=${encodeURIComponent(addresses.code)}`);
  assert.equal(detail.body.preview.length, 10);
  assert.deepEqual(Object.keys(detail.body.preview[0]).sort(), ['address_code', 'full_address', 'latitude', 'longitude', 'region_code']);
  const closed = (await api(`/api/open/dataset?code=${encodeURIComponent('101001/000001')}`)).status;
  assert.equal(closed, 404);
});

test('downloads in CSV, JSON and xlsx hold every record and are counted', async () => {
  const code = encodeURIComponent(addresses.code);
  const csv = await api(`/api/open/download?code=${code}&format=csv`);
  assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
  const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines[0], '地址编码,标准地址,行政区划代码,经度,纬度');
  assert.equal(lines.length, addresses.records + 1);
  const json = await api(`/api/open/download?code=${code}&format=json`);
  assert.equal(json.body.records.length, addresses.records);
  const xlsx = await fetch(`${server.url}/api/open/download?code=${code}&format=xlsx`);
  assert.equal(xlsx.status, 200);
  assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');
  const after = (await api(`/api/open/dataset?code=${code}`)).body;
  assert.equal(after.downloads, 3);
});

test('a conditionally open dataset is listed with its condition but not downloaded', async () => {
  const admin = await server.login('admin');
  const scjgj = await cityDepartment(server, admin, '市场监督管理局');
  const body = { ...foodLicenceResource(scjgj.id), name: '食品经营许可公示信息', openType: 'conditional', openCondition: '用于科研和食品安全社会监督，经申请同意后开放' };
  body.fields = body.fields.filter((f) => !(f as { personal?: string }).personal);
  const created = await api('/api/data/resources', { method: 'POST', cookie: admin, body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const published = await api(`/api/data/resources/${created.body.id}/publish`, { method: 'POST', cookie: admin, body: { version: created.body.version } });
  const refused = await api(`/api/open/download?code=${encodeURIComponent(published.body.code)}&format=csv`);
  assert.deepEqual([refused.status, refused.body.error.code], [403, 'DATA_OPEN_CONDITIONAL']);
  const listed = (await api(`/api/open/dataset?code=${encodeURIComponent(published.body.code)}`)).body;
  assert.deepEqual([listed.downloadable, listed.openCondition, listed.preview], [false, '用于科研和食品安全社会监督，经申请同意后开放', []]);
});

test('aggregates are published with small cells suppressed (k ≥ 5), a rate with its suppressed count', async () => {
  const pii = personalData(server.ctx.config.masterKey);
  const rows = [
    { cell: '2026-10/445302000000/A', month: '2026-10', region_code: '445302000000', item_code: 'A', received: 12, completed: 10, on_time_rate: 0.9 },
    { cell: '2026-10/445302000000/B', month: '2026-10', region_code: '445302000000', item_code: 'B', received: 7, completed: 3, on_time_rate: 1 },
    { cell: '2026-10/445381000000/A', month: '2026-10', region_code: '445381000000', item_code: 'A', received: 2, completed: 1, on_time_rate: 1 },
  ];
  const result = await server.ctx.db.transaction((tx) => publishAggregate(tx, pii, { key: 'open.case_volumes', rows, counts: ['received', 'completed'], dependents: { on_time_rate: 'completed' } }));
  assert.deepEqual(result, { cells: 3, suppressed: 3 });
  const code = (await api(`/api/open/datasets?q=${encodeURIComponent('办件统计')}`)).body.items[0].code;
  const records = (await api(`/api/open/download?code=${encodeURIComponent(code)}&format=json`)).body.records as Record<string, unknown>[];
  const byCell = new Map(records.map((r) => [r.cell, r]));
  assert.deepEqual([byCell.get('2026-10/445302000000/A')!.received, byCell.get('2026-10/445302000000/A')!.on_time_rate], [12, 0.9]);
  assert.deepEqual([byCell.get('2026-10/445302000000/B')!.received, byCell.get('2026-10/445302000000/B')!.completed, byCell.get('2026-10/445302000000/B')!.on_time_rate], [7, null, null]);
  assert.deepEqual([byCell.get('2026-10/445381000000/A')!.received, byCell.get('2026-10/445381000000/A')!.completed], [null, null]);
});

test('the monthly timer publishes the month that ended and sets the next one', async () => {
  const month = clock.today().slice(0, 7);
  const saved = clock.now();
  try {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    clock.setClock(`${next}-01T03:00:00+08:00`);
    while ((await server.deliverEvents()) > 0);
    const timers = await server.ctx.db.query<{ dedupe_key: string; status: string }>(`select dedupe_key, status from outbox_event where topic = 'indicators.open_figures_due' order by due_at`);
    assert.deepEqual(
      timers.map((t) => [t.dedupe_key, t.status]),
      [
        [`open-figures:${month}`, 'done'],
        [`open-figures:${next}`, 'pending'],
      ],
    );
  } finally {
    clock.setClock(saved);
  }
});
