import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as clock from '../../src/kernel/clock.ts';
import { knowledgeCorpus, searchKnowledge } from '../../src/modules/hotline/index.ts';
import { CITIZEN_PASSWORD, CITY } from '../support/demo.ts';
import { systemToken } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #16 point 3 and the knowledge-base part of 2: articles with versions, who maintains what, the
// agent's search while typing (articles and catalogue guides), 直接答复 from an article, the hit
// statistics — on days of their own, so the demo's tickets and uses never count.
const DAY = '2026-12-28';
const STATS_DAY = '2026-12-29';
const SOCIAL_CARD_ITEM = '000K1001002000-445300000000-000-11445300530000104M-1-00';
let server: TestServer;
const who: Record<'agent' | 'citizen' | 'approver' | 'clerk' | 'admin', string> = {} as never;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const department = async (code: string) =>
  (await server.ctx.db.one<{ id: string; name: string }>('select id, name from department where code = $1', [code]))!;
let market = '';
let social = '';
const article = (extra: Record<string, unknown> = {}) => ({
  departmentId: market,
  title: '网购商品七日无理由退货',
  questions: ['网上买的东西不想要了能退吗', '商家不给七天无理由退货怎么办'],
  answer: '除定制、鲜活易腐等商品外，网购商品自收到之日起七日内可无理由退货；商家拒绝的，可向市场监管部门投诉，或拨打12315。',
  categoryCodes: ['SC02'],
  itemCodes: [],
  ...extra,
});
const create = (body: Record<string, unknown>, cookie = who.approver) =>
  api('/api/hotline/knowledge/articles', { method: 'POST', cookie, body });
const step = (id: string, action: string, version: number, cookie = who.approver) =>
  api(`/api/hotline/knowledge/articles/${id}/${action}`, { method: 'POST', cookie, body: { version } });
const search = (q: string, cookie = who.agent) => api(`/api/hotline/knowledge/search?q=${encodeURIComponent(q)}`, { cookie });
async function published(body: Record<string, unknown>, cookie = who.approver) {
  const res = await create(body, cookie);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const out = await step(res.body.id, 'publish', res.body.version, cookie);
  assert.equal(out.status, 200, JSON.stringify(out.body));
  return out.body;
}
const intake = async () =>
  (
    await api('/api/hotline/tickets', {
      method: 'POST',
      cookie: who.agent,
      body: { kind: 'consultation', categoryCode: 'RS02', content: '社保卡丢了怎么办', place: { regionCode: CITY } },
    })
  ).body.ticket;

before(async () => {
  server = await startTestServer();
  clock.setClock(`${DAY}T02:00:00Z`);
  who.agent = await server.login('hotline');
  who.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  who.approver = await server.login('approver');
  who.clerk = await server.login('clerk');
  who.admin = await server.login('admin');
  market = (await department('445300-SCJGJ')).id;
  social = (await department('445300-RSJ')).id;
});
after(async () => {
  clock.resetClock();
  await server.close();
});

describe('the demo', () => {
  test('about 150 published articles of the city’s departments and counties, some linked to the catalogue; demo calls answered from them', async () => {
    const db = server.ctx.db;
    const counts = (await db.one<{ published: string; linked: string; departments: string; due: string; expired: string }>(
      `select count(*) filter (where status = 'published') as published, count(*) filter (where cardinality(item_codes) > 0) as linked,
              count(distinct department_id) as departments, count(*) filter (where review_on < expires_on is not true and review_on < created_at::date) as due,
              count(*) filter (where expires_on < created_at::date) as expired
         from hotline_kb_article`,
    ))!;
    assert.ok(Number(counts.published) >= 140, JSON.stringify(counts));
    assert.ok(Number(counts.linked) >= 60, JSON.stringify(counts));
    assert.ok(Number(counts.departments) >= 15, JSON.stringify(counts));
    assert.ok(Number(counts.due) >= 3, JSON.stringify(counts));
    assert.equal(Number(counts.expired), 1);
    const answered = await db.query<{ reply: string; answer: string }>(
      `select t.reply, a.answer from hotline_ticket t join hotline_kb_article a on a.id = t.kb_article_id where t.status = 'closed'`,
    );
    assert.ok(answered.length >= 1 && answered.every((r) => r.reply === r.answer), JSON.stringify(answered));
  });
});

describe('articles', () => {
  test('draft → published; a published article edited is a new version, the old readable; a stale save is refused', async () => {
    const created = await create(article());
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.status, 'draft');
    assert.equal(created.body.version, 1);
    assert.deepEqual(created.body.categories, [{ code: 'SC02', name: '消费维权' }]);
    const id = created.body.id;
    const edited = await api(`/api/hotline/knowledge/articles/${id}`, {
      method: 'PUT',
      cookie: who.approver,
      body: { ...article({ departmentId: undefined }), departmentId: undefined, version: 1, title: '网购七日无理由退货' },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const live = await step(id, 'publish', edited.body.version);
    assert.deepEqual([live.status, live.body.status, live.body.version], [200, 'published', 3]);
    const next = await api(`/api/hotline/knowledge/articles/${id}`, {
      method: 'PUT',
      cookie: who.approver,
      body: {
        ...article(),
        departmentId: undefined,
        version: 3,
        answer: '七日无理由退货：自收到商品之日起七日内，商品完好即可退货。',
      },
    });
    assert.deepEqual(
      [next.status, next.body.status, next.body.version],
      [200, 'published', 4],
      'still published, at its new version',
    );
    const versions = (await api(`/api/hotline/knowledge/articles/${id}/versions`, { cookie: who.approver })).body.items;
    assert.deepEqual(
      versions.map((v: { version: number; status: string }) => [v.version, v.status]),
      [
        [4, 'published'],
        [3, 'published'],
        [2, 'draft'],
        [1, 'draft'],
      ],
    );
    assert.match(versions[1].answer, /12315/, 'the version before the edit keeps its text');
    const stale = await api(`/api/hotline/knowledge/articles/${id}`, {
      method: 'PUT',
      cookie: who.approver,
      body: { ...article(), departmentId: undefined, version: 3 },
    });
    assert.deepEqual([stale.status, stale.body.error.code], [409, 'VERSION_CONFLICT']);
    const retired = await step(id, 'retire', 4);
    assert.equal(retired.body.status, 'retired');
    const again = await step(id, 'publish', 5);
    assert.deepEqual([again.status, again.body.error.code], [409, 'HOTLINE_KB_STATUS_CONFLICT']);
  });

  test('a department maintains its own; the centre reads the published and proposes drafts; citizens and apps nothing', async () => {
    const draft = (await create(article({ title: '预付卡商家跑路怎么办' }))).body;
    // another department's staff: as if there were none
    assert.equal((await api(`/api/hotline/knowledge/articles/${draft.id}`, { cookie: who.clerk })).status, 404);
    const foreign = await api(`/api/hotline/knowledge/articles/${draft.id}`, {
      method: 'PUT',
      cookie: who.clerk,
      body: { ...article(), departmentId: undefined, version: 1 },
    });
    assert.equal(foreign.status, 404);
    assert.equal((await step(draft.id, 'publish', 1, who.clerk)).status, 404);
    const forOther = await create(article(), who.clerk);
    assert.deepEqual([forOther.status, forOther.body.error.code], [403, 'HOTLINE_KB_NOT_ALLOWED']);
    const zsj = (await department('445300-ZSJ')).id;
    assert.equal(
      (await create(article({ departmentId: zsj, title: '政务服务中心办公时间', categoryCodes: ['ZW01'] }), who.clerk)).status,
      201,
    );
    const clerkList = (await api('/api/hotline/knowledge/articles?pageSize=100', { cookie: who.clerk })).body.items;
    assert.ok(
      clerkList.length > 0 && clerkList.every((a: { department: { id: string } }) => a.department.id !== market),
      'only its own department',
    );

    // the centre proposes for any department and may edit its proposal, but not publish it
    const proposal = await create(article({ departmentId: social, title: '社保卡丢失挂失', categoryCodes: ['RS02'] }), who.agent);
    assert.equal(proposal.status, 201, JSON.stringify(proposal.body));
    assert.equal(proposal.body.canMaintain, false);
    const byCentre = await step(proposal.body.id, 'publish', 1, who.agent);
    assert.deepEqual([byCentre.status, byCentre.body.error.code], [403, 'HOTLINE_KB_NOT_ALLOWED']);
    const live = await published(article({ title: '团购券过期能退吗' }));
    const editLive = await api(`/api/hotline/knowledge/articles/${live.id}`, {
      method: 'PUT',
      cookie: who.agent,
      body: { ...article(), departmentId: undefined, version: live.version },
    });
    assert.deepEqual([editLive.status, editLive.body.error.code], [403, 'HOTLINE_KB_NOT_ALLOWED']);
    assert.equal((await api(`/api/hotline/knowledge/articles/${live.id}`, { cookie: who.agent })).status, 200);
    const retired = await step(live.id, 'retire', live.version);
    assert.equal(
      (await api(`/api/hotline/knowledge/articles/${retired.body.id}`, { cookie: who.agent })).status,
      404,
      'retired: the department only',
    );
    // an administrator: everything
    assert.equal((await step(proposal.body.id, 'publish', 1, who.admin)).status, 200);

    assert.equal((await api('/api/hotline/knowledge/articles', { cookie: who.citizen })).status, 403);
    assert.equal((await search('社保卡', who.citizen)).status, 403);
    assert.equal((await search('社保卡', who.clerk)).status, 403, 'the search is the centre’s');
    assert.equal((await api('/api/hotline/knowledge/articles')).status, 401);
    const app = await systemToken(server, who.admin, 'kb-app', '知识库应用');
    const byApp = await api('/api/hotline/knowledge/articles', { headers: { authorization: app.authorization! } });
    assert.deepEqual([byApp.status, byApp.body.error.code], [403, 'ACTOR_KIND_NOT_ALLOWED']);
  });

  test('bad input: unknown department, category or item, NUL bytes, too long — stable codes, nothing written', async () => {
    const before = Number((await server.ctx.db.one<{ n: string }>('select count(*) as n from hotline_kb_article'))!.n);
    const codeOf = async (body: Record<string, unknown>) => {
      const res = await create(body);
      return [res.status, res.body.error?.code];
    };
    assert.deepEqual(await codeOf(article({ departmentId: '01900000-0000-7000-8000-000000000000' })), [
      422,
      'HOTLINE_KB_DEPARTMENT_UNKNOWN',
    ]);
    assert.deepEqual(await codeOf(article({ categoryCodes: ['XX99'] })), [422, 'HOTLINE_KB_CATEGORY_UNKNOWN']);
    assert.deepEqual(await codeOf(article({ itemCodes: ['000X9999999999-445300000000-000-0-1-00'] })), [
      422,
      'HOTLINE_KB_ITEM_UNKNOWN',
    ]);
    assert.deepEqual(await codeOf(article({ reviewOn: '2027-06-01', expiresOn: '2027-01-01' })), [
      422,
      'HOTLINE_KB_EXPIRY_BEFORE_REVIEW',
    ]);
    assert.deepEqual(await codeOf(article({ title: '退货\u0000' })), [400, 'INVALID_CHARACTER']);
    assert.equal((await codeOf(article({ title: '退'.repeat(101) })))[0], 400);
    assert.equal((await codeOf(article({ answer: '   ' })))[0], 400);
    assert.equal((await codeOf(article({ questions: Array.from({ length: 21 }, (_, i) => `问法${i}`) })))[0], 400);
    assert.equal((await codeOf({ ...article(), extra: 1 }))[0], 400);
    assert.equal((await search('社'.repeat(101))).status, 400);
    assert.equal((await search('社保\u0000')).status, 400);
    const after = Number((await server.ctx.db.one<{ n: string }>('select count(*) as n from hotline_kb_article'))!.n);
    assert.equal(after, before);
  });
});

describe('search while typing', () => {
  test('finds an article by the words of a paraphrase, a half-typed word, and catalogue guides marked as such', async () => {
    const police = (await department('445300-GAJ')).id;
    const card = await published(
      article({
        departmentId: police,
        title: '电动自行车登记上牌',
        questions: ['电动车怎么上牌', '电动自行车没有牌照能上路吗'],
        answer:
          '购买符合国家标准的电动自行车后，车主持身份证、购车发票和合格证到车管所或指定登记点办理登记上牌，当场发放号牌；未登记上牌的不得上道路行驶。',
        categoryCodes: ['GA04'],
        itemCodes: [SOCIAL_CARD_ITEM],
      }),
      who.admin,
    );
    assert.deepEqual(card.items, [{ code: SOCIAL_CARD_ITEM, name: '社会保障卡挂失与补换' }], 'a link names the item');
    const res = await search('新买的电动车去哪里登记上牌');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const first = res.body.items[0];
    assert.equal(first.id, card.id, JSON.stringify(res.body.items.slice(0, 3)));
    assert.equal(first.kind, 'article');
    assert.equal(first.version, card.version);
    assert.ok(first.score > 0.5 && first.score <= 1, String(first.score));
    assert.match(first.snippet, /上牌/);
    const typing = (await search('电动车上牌登')).body.items;
    assert.equal(typing[0]?.id, card.id, 'the last word half typed: 登 → 登记');
    const guides = (await search('异地就医备案')).body.items.filter((h: { kind: string }) => h.kind === 'guide');
    assert.ok(guides.length > 0, 'the catalogue’s guides answer too');
    assert.equal(guides[0].code, '000K2603000000-445300000000-000-1144530053000026XY-1-00');
    assert.equal(guides[0].version, null);
    assert.match(guides[0].answer, /办事指南/);
    assert.deepEqual((await search('的 了 吗')).body.items, [], 'only stopwords: nothing');
  });

  test('expired articles are not offered nor answered with; articles due for review are listed for their department', async () => {
    const old = await published(
      article({
        title: '冬季供暖补贴发放时间',
        questions: ['暖气补贴什么时候发'],
        answer: '供暖补贴于每年十二月发放。',
        reviewOn: '2026-12-01',
        expiresOn: DAY,
      }),
    );
    assert.equal(old.expired, true);
    const hits = (await search('供暖补贴发放')).body.items;
    assert.ok(!hits.some((h: { id: string }) => h.id === old.id), 'expiry day reached: not offered');
    const corpus = await knowledgeCorpus(server.ctx.db);
    assert.ok(!corpus.some((c) => c.articleId === old.id));
    const due = await published(article({ title: '燃气灶具以旧换新补贴', reviewOn: '2026-12-20' }));
    const list = (await api('/api/hotline/knowledge/articles?due=true&pageSize=100', { cookie: who.approver })).body.items;
    assert.ok(list.some((a: { id: string; dueForReview: boolean }) => a.id === due.id && a.dueForReview));
    assert.ok(!list.some((a: { department: { id: string } }) => a.department.id !== market));
    const ticket = await intake();
    const refused = await api(`/api/hotline/tickets/${ticket.id}/answer`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: ticket.version, reply: old.answer, articleId: old.id },
    });
    assert.deepEqual([refused.status, refused.body.error.code], [422, 'HOTLINE_KB_ARTICLE_NOT_OFFERED']);
  });

  test('the contract for 智能问答: scores of articles and guides on one scale', async () => {
    const hits = await searchKnowledge(server.ctx.db, '社保卡丢了怎么挂失', { limit: 20 });
    assert.ok(hits.some((h) => h.kind === 'article') && hits.some((h) => h.kind === 'guide'));
    assert.ok(hits.every((h) => h.score > 0 && h.score <= 1));
    assert.deepEqual(
      hits.map((h) => h.score),
      [...hits.map((h) => h.score)].sort((a, b) => b - a),
    );
  });
});

describe('直接答复 from an article and the hit statistics', () => {
  test('the ticket keeps the article and its version, the history names it; the day’s figures are exact', async () => {
    clock.setClock(`${STATS_DAY}T02:00:00Z`);
    // a new day: sessions of yesterday have lapsed
    for (const name of ['agent', 'approver', 'clerk', 'admin'] as const)
      who[name] = await server.login(name === 'agent' ? 'hotline' : name);
    who.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
    const card = await published(
      article({
        departmentId: social,
        title: '社保卡密码忘记了怎么重置',
        questions: ['社保卡密码忘了'],
        answer: '持社保卡和身份证到合作银行网点或社保卡服务网点重置密码，也可在粤省事办理。',
        categoryCodes: ['RS02'],
      }),
      who.admin,
    );
    for (const q of ['社保卡密码', '社保卡 密码 忘记', '密码重置']) assert.equal((await search(q)).status, 200);
    const tickets = [await intake(), await intake(), await intake(), await intake()];
    const answered = await api(`/api/hotline/tickets/${tickets[0].id}/answer`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: tickets[0].version, reply: card.answer, articleId: card.id },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    assert.equal(answered.body.status, 'closed');
    assert.equal(answered.body.answeredAtIntake, true);
    assert.deepEqual(answered.body.article, { id: card.id, version: card.version, title: card.title });
    const history = (await api(`/api/hotline/tickets/${tickets[0].id}`, { cookie: who.agent })).body.history;
    assert.ok(
      history.some((h: { action: string; note: string | null }) => h.action === 'answer' && h.note?.includes(card.title)),
      JSON.stringify(history),
    );
    const open = (ticketId: string, cookie = who.agent) =>
      api(`/api/hotline/knowledge/articles/${card.id}/open`, { method: 'POST', cookie, body: { ticketId } });
    assert.equal((await open(tickets[1].id)).status, 204);
    assert.equal((await open(tickets[1].id)).status, 204);
    assert.equal((await open(tickets[1].id, who.clerk)).status, 403, 'not the centre');

    const stats = await api(`/api/hotline/knowledge/stats?from=${STATS_DAY}&to=${STATS_DAY}`, { cookie: who.agent });
    assert.equal(stats.status, 200, JSON.stringify(stats.body));
    const s = stats.body;
    assert.deepEqual(
      [s.searches, s.hits, s.tickets, s.ticketsHelped, s.hitRate],
      [3, 3, 4, 2, 0.5],
      'three searches; answered once and opened twice; two of four tickets helped',
    );
    assert.deepEqual(s.top, [{ id: card.id, title: card.title, departmentName: (await department('445300-RSJ')).name, hits: 3 }]);
    assert.equal(s.departments.find((d: { id: string }) => d.id === social).hits, 3);
    const empty = (await api(`/api/hotline/knowledge/stats?from=2026-12-30&to=2026-12-31`, { cookie: who.agent })).body;
    assert.deepEqual([empty.searches, empty.hits, empty.tickets, empty.hitRate], [0, 0, 0, 0]);
    const backwards = await api(`/api/hotline/knowledge/stats?from=${STATS_DAY}&to=${DAY}`, { cookie: who.agent });
    assert.deepEqual([backwards.status, backwards.body.error.code], [422, 'HOTLINE_KB_PERIOD_INVALID']);
    assert.equal((await api(`/api/hotline/knowledge/stats?from=${DAY}&to=${DAY}`, { cookie: who.citizen })).status, 403);
  });
});
