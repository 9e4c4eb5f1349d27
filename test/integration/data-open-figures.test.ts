import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as clock from '../../src/kernel/clock.ts';
import { emit } from '../../src/kernel/events/index.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { OPEN_FIGURES_DUE } from '../../src/modules/indicators/events.ts';
import { publishOpenFigures } from '../../src/modules/indicators/index.ts';
import { completedImmediateCase } from '../support/cases.ts';
import { paymentFixture, type PaymentFixture } from './payment-fixture.ts';

// 数据开放 of the platform's figures (#15 point 7) beyond the case volumes: the month's 好差评
// results per county and department and its non-tax payments per collecting unit, published by
// the monthly timer into their open datasets, cells of fewer than 5 ratings or payments empty.
let f: PaymentFixture;
const api = (...a: Parameters<PaymentFixture['server']['api']>) => f.server.api(...a);
const month = clock.today().slice(0, 7);
const CITY = '445300000000';
type Row = Record<string, unknown>;

/** An open dataset's code, by its name. */
async function datasetCode(name: string): Promise<string> {
  const list = await api(`/api/open/datasets?q=${encodeURIComponent(name)}`);
  const found = list.body.items.find((d: { name: string }) => d.name === name);
  assert.ok(found, name);
  return found.code;
}
const records = async (name: string) =>
  (await api(`/api/open/download?code=${encodeURIComponent(await datasetCode(name))}&format=json`)).body.records as Row[];
const departmentCode = async (id: string) =>
  (await f.server.ctx.db.one<{ code: string }>('select code from department where id = $1', [id]))!.code;
const publishNow = () =>
  f.server.ctx.db.transaction((tx) => publishOpenFigures(tx, personalData(f.server.ctx.config.masterKey), month));

/** Cases of 市场监督管理局 rated by their applicant at these levels (1 and 2 with a tag, as a bad rating needs). */
async function ratedCases(levels: number[]) {
  for (const level of levels) {
    const caseId = await completedImmediateCase(f.server, f.cookies.citizen, f.cookies.clerk);
    await f.drain();
    const body = { caseId, channel: 'portal', level, ...(level <= 2 ? { tags: ['attitude'] } : {}) };
    const rated = await api('/api/ratings', { method: 'POST', cookie: f.cookies.citizen, body });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
  }
}

/** `n` notices of `unitFen` for a collecting unit, each paid through the simulator. */
async function paidNotices(departmentId: string, n: number, unitFen: number) {
  const notices = [];
  for (let i = 0; i < n; i++) {
    const notice = await f.createNotice({ departmentId, lines: [{ name: '工本费', unitFen, quantity: 1 }] }, f.cookies.admin);
    await f.payThroughSimulator(notice);
    notices.push(notice as { id: string; amountFen: number });
  }
  return notices;
}

before(async () => {
  f = await paymentFixture();
});
after(() => f.close());

test('the seed publishes the month of all three platform datasets: with no ratings or payments yet, empty ones', async () => {
  const names = (await api('/api/open/datasets?pageSize=50')).body.items.map((d: { name: string; records: number }) => [
    d.name,
    d.records,
  ]);
  const byName = new Map<string, number>(names);
  for (const name of ['政务服务办件统计', '政务服务好差评结果统计', '非税收入缴款统计']) assert.ok(byName.has(name), name);
  assert.deepEqual([byName.get('政务服务好差评结果统计'), byName.get('非税收入缴款统计')], [0, 0]);
});

test('payments per collecting unit: five paid are published in 元 with the refund; two are not, amounts neither', async () => {
  // payments first: the refund's clock jump makes every timer due, ratings' silent 基本满意 among them
  const [first] = await paidNotices(f.scjgj, 5, 1234);
  await paidNotices(f.otherDept, 2, 50000);
  const refund = await api('/api/payment/refunds', {
    method: 'POST',
    cookie: f.cookies.approver,
    body: { noticeId: first!.id, amountFen: 1000, reason: '多缴退费' },
  });
  assert.equal(refund.status, 201, JSON.stringify(refund.body));
  const approved = await api(`/api/payment/refunds/${refund.body.id}/decision`, {
    method: 'POST',
    cookie: f.cookies.deptadmin,
    body: { approve: true },
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  await f.drain();
  await f.fastForward();

  assert.equal((await publishNow())['open.payment_totals']?.cells, 2);
  const rows = new Map((await records('非税收入缴款统计')).map((r) => [r.cell, r]));
  const [scjgj, other] = [await departmentCode(f.scjgj), await departmentCode(f.otherDept)];
  assert.deepEqual(rows.get(`${month}/${scjgj}`), {
    cell: `${month}/${scjgj}`,
    month,
    region_code: CITY,
    department_code: scjgj,
    department_name: '云浮市市场监督管理局',
    paid: 5,
    paid_amount: 61.7,
    refunded_amount: 10,
  });
  const small = rows.get(`${month}/${other}`)!;
  assert.deepEqual(
    [small.paid, small.paid_amount, small.refunded_amount],
    [null, null, null],
    'two payments of 500 元: nothing of them',
  );
  assert.ok(String(small.department_name).length > 0, 'the unit is named, its figures are not');
});

test('好差评 per county and department: under five ratings empty, then published, the month republished in place', async () => {
  const name = '政务服务好差评结果统计';
  const cell = `${month}/${CITY}/${await departmentCode(f.scjgj)}`;
  await ratedCases([5, 2, 4]);
  const published = await publishNow();
  assert.deepEqual(published['open.rating_results'], { cells: 1, suppressed: 1 });
  const few = (await records(name)).find((r) => r.cell === cell)!;
  assert.deepEqual(
    [few.ratings, few.satisfied, few.bad, few.satisfaction_rate],
    [null, null, null, null],
    'three ratings: nothing of how they rated',
  );
  assert.deepEqual([few.region_code, few.department_name], [CITY, '云浮市市场监督管理局']);

  // the monthly timer (one handler, three publications) republishes the month
  await ratedCases([5, 3, 1]);
  await f.server.ctx.db.transaction((tx) => emit(tx, OPEN_FIGURES_DUE, { month }, { dedupeKey: `open-figures-test:${month}` }));
  await f.drain();
  const all = await records(name);
  assert.equal(all.filter((r) => r.cell === cell).length, 1, 'replaced, not added');
  assert.deepEqual(
    all.find((r) => r.cell === cell),
    {
      cell,
      month,
      region_code: CITY,
      department_code: cell.split('/')[2],
      department_name: '云浮市市场监督管理局',
      ratings: 6,
      satisfied: 4,
      bad: 2,
      satisfaction_rate: 0.6667,
    },
  );

  const csv = await api(`/api/open/download?code=${encodeURIComponent(await datasetCode(name))}&format=csv`);
  assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
  const lines = String(csv.body)
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(lines[0], '统计单元编码,统计月份,行政区划代码,部门编码,部门名称,有效评价数,好评数,差评数,好评率');
  assert.ok(lines.includes(`${cell},${month},${CITY},${cell.split('/')[2]},云浮市市场监督管理局,6,4,2,0.6667`), lines.join('\n'));
});

test('the payments download as CSV too, a suppressed unit with empty figures', async () => {
  const csv = await api(`/api/open/download?code=${encodeURIComponent(await datasetCode('非税收入缴款统计'))}&format=csv`);
  const lines = String(csv.body)
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  assert.equal(
    lines[0],
    '统计单元编码,统计月份,执收单位行政区划代码,执收单位编码,执收单位名称,缴款笔数,缴款金额（元）,退款金额（元）',
  );
  const scjgj = await departmentCode(f.scjgj);
  assert.ok(lines.includes(`${month}/${scjgj},${month},${CITY},${scjgj},云浮市市场监督管理局,5,61.7,10`), lines.join('\n'));
  const other = await departmentCode(f.otherDept);
  assert.ok(
    lines.some((l) => l.startsWith(`${month}/${other},`) && l.endsWith(',,,')),
    lines.join('\n'),
  );
});
