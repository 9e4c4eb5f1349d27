import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { CITIZEN_PASSWORD, LUODING } from '../support/demo.ts';
import { systemToken } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #16 point 4: the dispatch classifier (text → second-level category) trained on the demo city's
// categories and finished tickets, its view beside the responsibility catalogue's on every new
// ticket, 智能分类 for the intake form, and the labelled evaluation set's held-out part.
const YUNCHENG = '445302000000';
/**
 * The held-out top-1 department accuracy must stay at least this: a little below the figure
 * measured when it was set (83.2 %, 336 of 404 held-out calls; `npm run bench hotline` prints
 * the current one), so a change that makes dispatch worse fails here.
 */
const HELD_OUT_FLOOR = 0.8;

interface EvalTicket {
  id: string;
  split: 'dev' | 'heldout';
  title?: string;
  content: string;
  regionCode: string;
  expected: { categoryCode: string; department: string };
}
const EVAL = JSON.parse(readFileSync(new URL('../fixtures/hotline/eval-tickets.json', import.meta.url), 'utf8')) as EvalTicket[];

let server: TestServer;
const who: Record<'agent' | 'admin' | 'countyadmin' | 'approver' | 'citizen', string> = {} as never;
let appKey = '';
/** 智能分类 as the centre's agent, or as `cookie` ('' for nobody). */
const classify = (body: Record<string, unknown>, cookie = who.agent) =>
  server.api('/api/hotline/classify', { method: 'POST', cookie, body });

before(async () => {
  server = await startTestServer();
  who.agent = await server.login('hotline');
  who.admin = await server.login('admin');
  who.countyadmin = await server.login('countyadmin');
  who.approver = await server.login('approver');
  who.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  appKey = (await systemToken(server, who.admin, 'classifier-app', '分类测试应用')).authorization!.replace('Bearer ', '');
});
after(() => server.close());

describe('training', () => {
  test('a node administrator retrains on the demo city: the categories’ words, its finished tickets and the knowledge base', async () => {
    const res = await server.api('/api/hotline/classifier/train', { method: 'POST', cookie: who.admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.categories, 58);
    assert.equal(res.body.sources.categories, 58);
    assert.ok(res.body.sources.tickets > 0, 'the demo day has finished tickets');
    assert.ok(res.body.sources.knowledge > 100, 'the demo knowledge base’s published articles with categories');
    assert.equal(res.body.documents, res.body.sources.categories + res.body.sources.tickets + res.body.sources.knowledge);
    assert.ok(res.body.vocabulary > 1000);
  });

  test('nobody else retrains it', async () => {
    const train = (cookie?: string, headers?: Record<string, string>) =>
      server.api('/api/hotline/classifier/train', { method: 'POST', cookie, headers });
    assert.equal((await train()).status, 401);
    for (const cookie of [who.agent, who.countyadmin, who.approver])
      assert.equal((await train(cookie)).body.error.code, 'NODE_ADMIN_REQUIRED');
    assert.equal((await train(who.citizen)).status, 403);
    assert.equal((await train(undefined, { authorization: `Bearer ${appKey}` })).body.error.code, 'ACTOR_KIND_NOT_ALLOWED');
  });
});

describe('the evaluation set', () => {
  test('top-1 department on the held-out calls is at least the floor', async () => {
    const heldOut = EVAL.filter((t) => t.split === 'heldout');
    assert.ok(heldOut.length >= 400 && EVAL.length >= 500);
    let right = 0;
    for (const t of heldOut) {
      const res = await classify({ ...(t.title ? { title: t.title } : {}), content: t.content, regionCode: t.regionCode });
      assert.equal(res.status, 200, `${t.id} ${JSON.stringify(res.body)}`);
      if (res.body.items[0]?.department?.name === t.expected.department) right++;
    }
    const accuracy = right / heldOut.length;
    console.log(`held-out top-1 department accuracy ${(accuracy * 100).toFixed(1)} % (${right}/${heldOut.length})`);
    assert.ok(accuracy >= HELD_OUT_FLOOR, `${accuracy} < ${HELD_OUT_FLOOR}`);
  });
});

describe('智能分类 for the intake form', () => {
  test('the three likeliest categories with their confidence and the department of each in the region', async () => {
    const res = await classify({ content: '小区楼下的下水道堵了，污水从沙井冒出来', regionCode: LUODING });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.items.length, 3);
    assert.equal(res.body.items[0].categoryCode, 'SW04');
    assert.equal(res.body.items[0].department.name, '云浮市水务局');
    const confidences = res.body.items.map((i: { confidence: number }) => i.confidence);
    assert.deepEqual(
      [...confidences].sort((a, b) => b - a),
      confidences,
    );
    assert.ok(confidences[0] > 0.5 && confidences[0] <= 1);
    // the county's own department where the catalogue has one (罗定市's 公安 is the city's 分局)
    const police = await classify({ content: '身份证丢了，想补办一个新的身份证', regionCode: LUODING });
    assert.equal(police.body.items[0].department.name, '云浮市公安局罗定市分局');
    // no region: the city as a whole
    assert.equal((await classify({ content: '身份证丢了，想补办一个新的身份证' })).body.items[0].department.name, '云浮市公安局');
  });

  test('empty or odd text: no words it knows is no guess; blank, NUL, unknown fields or regions are refused', async () => {
    for (const content of ['？？？', 'asdfgh', '嗯嗯嗯', '1234567'])
      assert.deepEqual((await classify({ content })).body.items, [], content);
    assert.equal((await classify({ content: '   ' })).status, 400);
    assert.equal((await classify({ content: '' })).status, 400);
    assert.equal((await classify({})).status, 400);
    assert.equal((await classify({ content: '停水\u0000了' })).status, 400);
    assert.equal((await classify({ content: '停水了', categoryCode: 'SW01' })).status, 400);
    assert.equal((await classify({ content: 'x'.repeat(4001) })).status, 400);
    assert.equal((await classify({ content: '停水了', regionCode: '445399000000' })).body.error.code, 'HOTLINE_REGION_UNKNOWN');
    const long = await classify({ content: '家里停水了，水龙头没水。'.repeat(330) });
    assert.equal(long.status, 200);
    assert.equal(long.body.items[0].categoryCode, 'SW01');
  });

  test('the centre only, within its regions', async () => {
    const body = { content: '小区停水两天了', regionCode: YUNCHENG };
    assert.equal((await classify(body, '')).status, 401);
    assert.equal((await classify(body, who.citizen)).status, 403);
    assert.equal(
      (await classify(body, who.approver)).body.error.code,
      'FORBIDDEN',
      'a department’s staff do not classify intake',
    );
    const app = await server.api('/api/hotline/classify', {
      method: 'POST',
      headers: { authorization: `Bearer ${appKey}` },
      body,
    });
    assert.equal(app.body.error.code, 'ACTOR_KIND_NOT_ALLOWED');
    // 云城区's administrator is the centre for 云城区, not for 罗定市
    assert.equal((await classify(body, who.countyadmin)).status, 200);
    assert.equal((await classify({ ...body, regionCode: LUODING }, who.countyadmin)).body.error.code, 'FORBIDDEN');
    assert.equal(
      (await classify({ content: '停水' }, who.countyadmin)).body.error.code,
      'FORBIDDEN',
      'the city as a whole is not its',
    );
  });
});

describe('the suggestion on a new ticket', () => {
  const intake = (categoryCode: string, content: string, cookie = who.agent) =>
    server.api('/api/hotline/tickets', {
      method: 'POST',
      cookie,
      body: { kind: 'complaint', categoryCode, content, place: { regionCode: YUNCHENG }, caller: { phone: '13912340000' } },
    });

  test('the catalogue decides; the text agrees, and the reasons say so', async () => {
    const res = await intake('SC01', '在快餐店吃完饭全家都拉肚子，怀疑饭菜变质');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { suggestion } = res.body.ticket;
    assert.equal(suggestion.department.name, '云城区市场监督管理局');
    assert.ok(suggestion.reasons[0].startsWith('派单目录'), JSON.stringify(suggestion));
    assert.match(suggestion.reasons.at(-1), /^文本分类：内容与所选分类“食品安全”相符（置信度 \d+%）$/);
    assert.deepEqual(
      { ...suggestion.classifier, confidence: 0 },
      {
        categoryCode: 'SC01',
        categoryName: '食品安全',
        confidence: 0,
        agrees: true,
        contradicts: false,
      },
    );
    // stored on the ticket: read again, the same
    const again = await server.api(`/api/hotline/tickets/${res.body.ticket.id}`, { cookie: who.agent });
    assert.deepEqual(again.body.suggestion, suggestion);
  });

  test('a category the text clearly contradicts is flagged, naming where the text would go; the chosen category still decides', async () => {
    const res = await intake('SC01', '小区已经停水两天了，水龙头一滴水都没有，也没有停水通知');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { suggestion } = res.body.ticket;
    assert.equal(suggestion.department.name, '云城区市场监督管理局', 'the catalogue, from the chosen category');
    assert.equal(suggestion.classifier.contradicts, true, JSON.stringify(suggestion));
    assert.equal(suggestion.classifier.agrees, false);
    assert.equal(suggestion.classifier.categoryCode, 'SW01');
    assert.match(suggestion.reasons.at(-1), /明显不符.*停水与水压.*云浮市水务局承办，请核对分类/);
  });

  test('a sibling category is no contradiction: the same first-level category', async () => {
    const { suggestion } = (await intake('SC02', '超市卖过期的酸奶，吃了拉肚子')).body.ticket;
    assert.equal(suggestion.classifier.agrees, true, JSON.stringify(suggestion));
    assert.equal(suggestion.classifier.contradicts, false);
    assert.match(suggestion.reasons.at(-1), /同一大类的“食品安全”.*大类与所选一致/);
  });

  test('text it cannot read: the chosen category stands, and the reason says why', async () => {
    const res = await intake('CG03', '嗯嗯嗯');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.ticket.suggestion.classifier, null);
    assert.match(res.body.ticket.suggestion.reasons.at(-1), /没有可判断分类的词/);
  });

  test('a citizen’s portal request gets the same view, which only the centre reads', async () => {
    const res = await intake('JT01', '路中间塌了一个大坑，晚上经过很危险', who.citizen);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.ticket.suggestion, null, 'the caller does not see the dispatch suggestion');
    const centre = await server.api(`/api/hotline/tickets/${res.body.ticket.id}`, { cookie: who.agent });
    assert.equal(centre.body.suggestion.classifier.categoryCode, 'JT03');
    assert.equal(centre.body.suggestion.classifier.agrees, true, 'the same first-level category');
  });
});
