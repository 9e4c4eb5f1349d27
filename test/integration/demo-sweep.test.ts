// Every published demo item works end to end (issue #14): applied for online (at the window when
// the item is window-only), accepted, every workflow step done, paid where the workflow has a
// payment step, decided — and its result document (and licence, where the item issues one) is
// there, with no result problem recorded. Each item goes with its own form, materials, department
// and licence type; the steps are the same few actions, so the items run one after another on one
// server and their results are produced in one delivery of the outbox.
// The demo content is the same on both databases: the PGlite run sweeps every item; the
// PostgreSQL run, which is there for the database's semantics, takes each workflow shape and way
// of applying once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import { validateUscc } from '../../src/kernel/validate/index.ts';
import { getPublishedVersion, type ItemContent } from '../../src/modules/catalog/index.ts';
import { publishedDemoItems } from '../../src/seed/published-items.ts';
import { signIn } from '../support/browserless.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { workCase, type WorkedCase } from '../support/cases.ts';
import { applyDemoItem, appliesAsEnterprise, demoForm, demoMaterialKeys } from '../support/demo-items.ts';
import { PDF, sendFile } from '../support/files.ts';
import { backend } from '../support/db.ts';
import { paymentBody, paymentFixture, type PaymentFixture } from './payment-fixture.ts';

let f: PaymentFixture;
/** 李浮生 (实名等级 3) for himself, and for the demo enterprise he represents. */
const applicant = { person: '', enterprise: '', idNumber: '', uscc: '' };
let windowApplications = 0;
const everyItem = backend === 'pglite';

/** Items whose licence the form names the holder of: the employer applies, the worker (by passport) holds it. */
const HELD_BY_NAMED = ['外国人来华工作许可'];
/** 设立登记: the 营业执照 belongs to the market subject the decision registers. */
const REGISTRATIONS = ['企业设立登记（有限责任公司）', '个体工商户设立登记', '农民专业合作社设立登记'];

interface Swept {
  code: string;
  name: string;
  caseId: string;
  cookie: string;
  /** Taken to its decision (else accepted only). */
  decided: boolean;
  licenceType: string | null;
}

/** 一窗受理: the clerk scans what the applicant brought and records the application in one step. */
async function applyAtWindow(code: string, content: ItemContent, forEnterprise: boolean, formData: Record<string, unknown>) {
  const materials = [];
  for (const key of demoMaterialKeys(content)) {
    const scan = await sendFile(f.server, f.cookies.clerk, `/api/cases/window/scans?name=${key}.pdf`, PDF, 'POST');
    assert.equal(scan.status, 201, JSON.stringify(scan.body));
    materials.push({ key, ticket: scan.body.ticket as string });
  }
  const res = await f.server.api('/api/cases/window', {
    method: 'POST',
    cookie: f.cookies.clerk,
    body: {
      item: code,
      applicant: forEnterprise ? { uscc: applicant.uscc, agentIdNumber: applicant.idNumber } : { idNumber: applicant.idNumber },
      formData,
      materials,
      idempotencyKey: `demo-sweep-window-${++windowApplications}`,
      commitment: true,
    },
  });
  assert.equal(res.status, 201, `${code}: ${JSON.stringify(res.body)}`);
  return res.body.case;
}

/**
 * Works every step (or the first `steps`): the clerk accepts, the approver moves each further step
 * on, the applicant pays. Whether the case was taken to its decision.
 */
async function workThrough(code: string, start: WorkedCase, payer: string, steps = 10) {
  const c = await workCase(f.server, start, { until: 'payment', steps, staff: f.cookies });
  if (c.status === 'processing' && c.currentStep?.kind === 'payment') {
    await pay(code, c, payer);
    return true;
  }
  if (steps === 10) assert.equal(c.status, 'completed', `${code} ends completed`);
  else assert.ok(['processing', 'completed'].includes(c.status), `${code} is accepted`);
  return c.status === 'completed';
}

/** The fee notice of the payment step, paid through the channel simulator's signed callback. */
async function pay(code: string, c: { id: string; feeNoticeId?: string }, payer: string) {
  let noticeId = c.feeNoticeId;
  noticeId ??= (await f.server.api(`/api/cases/${c.id}`, { cookie: payer })).body.case.feeNoticeId;
  assert.ok(noticeId, `${code}: a fee notice at the payment step`);
  const notice = await f.server.api(`/api/payment/notices/${noticeId}`, { cookie: payer });
  assert.equal(notice.status, 200, JSON.stringify(notice.body));
  const cb = await f.callback('sim-bank', paymentBody(notice.body));
  assert.equal(cb.status, 200, JSON.stringify(cb.body));
}

before(async () => {
  f = await paymentFixture();
  const pii = personalData(f.server.ctx.config.masterKey);
  const li = (await f.server.ctx.db.one<{ enc: string }>('select id_number_enc as enc from person where name = $1', ['李浮生']))!;
  applicant.idNumber = pii.decrypt(li.enc);
  const enterprise = (await f.server.ctx.db.one<{ id: string; uscc: string }>("select id, uscc from enterprise where name like '%云石科技%'"))!;
  applicant.uscc = enterprise.uscc;
  applicant.person = await f.server.login('13800000002', CITIZEN_PASSWORD);
  applicant.enterprise = await signIn(f.server.url, '13800000002', CITIZEN_PASSWORD, { actAs: enterprise.id });
});
after(() => f.close());

describe('every published demo item, end to end', () => {
  const swept: Swept[] = [];

  test('each is applied for, accepted, worked through, paid where it charges at a step, and decided', async () => {
    const items = await publishedDemoItems(f.server.ctx.db);
    assert.ok(items.length >= 200, `the demo catalogue is published (${items.length} items)`);
    const covered = new Set<string>();
    for (const item of items) {
      const v = await getPublishedVersion(f.server.ctx.db, item.code);
      const asEnterprise = appliesAsEnterprise(v.content);
      const cookie = asEnterprise ? applicant.enterprise : applicant.person;
      const formData = demoForm(v.content, applicant, asEnterprise);
      const online = (v.content.channels ?? ['online']).includes('online');
      // an item that brings a department, licence type, workflow shape or way of applying not yet
      // taken to the end goes all the way; the others stop after acceptance (their form,
      // materials and department are what differs, and acceptance has checked them)
      const shape = (v.content.workflow ?? []).map((step) => step.kind).join('>');
      const ways = [`shape:${shape}`, `way:${online}/${asEnterprise}`];
      const keys = everyItem ? [`dept:${item.departmentId}`, `licence:${item.licenseTypeCode}@${item.departmentId}`, ...ways] : ways;
      const full = keys.some((k) => !covered.has(k)) || (everyItem && (HELD_BY_NAMED.includes(v.name) || REGISTRATIONS.includes(v.name)));
      if (!everyItem && !full) continue;
      keys.forEach((k) => covered.add(k));
      const c = online ? await applyDemoItem(f.server, cookie, item.code, v.content, formData) : await applyAtWindow(item.code, v.content, asEnterprise, formData);
      const decided = await workThrough(item.code, c, cookie, full ? undefined : 1);
      swept.push({ code: item.code, name: v.name, caseId: c.id, cookie, licenceType: item.licenseTypeCode, decided });
    }
    await f.drain();
    const open = await f.server.ctx.db.query<{ item_code: string; status: string }>(
      `select item_code, status from case_record where id = any($1::uuid[]) and status <> 'completed'`,
      [swept.filter((s) => s.decided).map((s) => s.caseId)],
    );
    assert.deepEqual(open, [], 'every case taken to its decision is 办结 (a payment step paid)');
    // every department, licence type, workflow shape and way of applying went all the way
    const decided = swept.filter((s) => s.decided);
    if (!everyItem) return;
    assert.deepEqual(new Set(decided.map((s) => s.licenceType)), new Set(items.map((i) => i.licenseTypeCode)));
    assert.deepEqual(new Set(decided.map((s) => items.find((i) => i.code === s.code)!.departmentId)), new Set(items.map((i) => i.departmentId)));
  });

  test('each has its result document, and its licence where the item issues one; no result problem', async () => {
    assert.ok(swept.length > 0);
    const problems = await f.server.ctx.db.query<{ case_id: string; stage: string; code: string }>('select case_id, stage, code from case_result_problem order by case_id');
    assert.deepEqual(
      problems.map((p) => ({ item: swept.find((s) => s.caseId === p.case_id)?.name, stage: p.stage, code: p.code })),
      [],
      'no seal, licence type, holder or other problem',
    );
    for (const s of swept.filter((x) => x.decided)) {
      const r = await f.server.api(`/api/cases/${s.caseId}/results`, { cookie: s.cookie });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.documents.map((d: { kind: string }) => d.kind), ['approval'], `${s.name}: its decision document`);
      assert.deepEqual(r.body.blocked, [], `${s.name}: nothing held up`);
      if (HELD_BY_NAMED.includes(s.name)) {
        // the worker the form names, by the passport the form gives, masked for the employer
        assert.deepEqual(r.body.licence.heldBy, { name: '演示填写内容', code: 'E1*****78', codeType: 'passport' }, s.name);
        const held = await f.server.ctx.db.one<{ holder_kind: string; holder_ref: string }>('select holder_kind, holder_ref from licence where id = $1', [r.body.licence.id]);
        assert.equal(held?.holder_kind, 'person');
        assert.match(held?.holder_ref ?? '', /^idx:/, 'in no account’s wallet: filed under the blind index of the passport number');
      } else if (r.body.licence) assert.equal(r.body.licence.heldBy, null, s.name);
      if (s.licenceType) assert.equal(r.body.licence?.typeCode, s.licenceType, `${s.name}: its licence`);
      else assert.equal(r.body.licence, null);
      if (REGISTRATIONS.includes(s.name)) {
        // held by the subject registered, under a code of 市场监管 (9) in the deciding department's county
        assert.match(r.body.licence.registered?.uscc ?? '', /^9[123]4453\d\d/, s.name);
        assert.deepEqual(validateUscc(r.body.licence.registered.uscc), { ok: true }, s.name);
      } else if (r.body.licence) assert.equal(r.body.licence.registered, null, s.name);
    }
  });
});
