import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as oidc from 'openid-client';
import * as clock from '../../src/kernel/clock.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { demoEnterpriseUscc } from '../../src/seed/uscc.ts';
import { acceptedRewardCase } from '../support/cases.ts';
import { CITY, REWARD } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Deny by default (#13.2): a department system's own token (client credentials through the
 * real token endpoint, actor kind `client`) walks every GET route of the OpenAPI document,
 * path and required query parameters filled with real values of the demo city, and gets none
 * of another party's data: 401/403 with a stable code, or one of the public answers below.
 */
let server: TestServer;
let bearer: Record<string, string>;
let admin: string;

/** The GET routes a client may read, each with the reason it is no other party's data. */
const PUBLIC: Record<string, string> = {
  '/healthz': 'liveness probe, no data',
  '/readyz': 'readiness probe, no data',
  '/api/config': "the node's city name and languages",
  '/api/regions': 'administrative divisions (GB/T 2260), public',
  '/api/regions/{code}': 'administrative divisions, public',
  '/api/regions/{code}/children': 'administrative divisions, public',
  '/api/auth/me': "the caller's own identity (the client itself)",
  '/api/auth/start': 'starts a browser sign-in: a redirect, no data',
  '/api/catalog/types': 'the national item-type list, public reference data',
  '/api/catalog/license-types': 'the licence-type directory (证照目录), public reference data',
  '/api/catalog/base-fields': 'the base-library field directory, public reference data',
  '/api/catalog/guide/{idOrCode}': 'a published service guide (办事指南), public',
  '/api/catalog/published/{idOrCode}': 'a published item version, public',
  '/api/catalog/search': 'search over published items, public',
  '/api/catalog/browse': 'counts of published items by theme, department and 一件事, public',
  '/api/catalog/suggest': 'search suggestions over published items, public',
  '/api/catalog/items/{id}': 'a published item and its published versions only (drafts need a catalogue editor in scope)',
  '/api/catalog/items/{id}/versions/{no}': 'a published version only (drafts need a catalogue editor in scope)',
  '/api/catalog/items/{id}/diff': 'between published versions only (drafts need a catalogue editor in scope)',
  '/api/catalog/bundles': 'published 一件事 bundles only (drafts need an editor), public',
  '/api/catalog/bundles/{idOrCode}': 'a published 一件事 bundle, public',
  '/api/ratings/dictionary': 'the rating vocabulary (levels, reasons), public',
  '/api/payment/channels': 'the names of the payment channels the pay page offers, public',
  '/api/seals/public-keys': 'seal public keys, published for verification',
  '/api/seals/{id}/image.svg': 'a seal impression, printed on every licence and receipt',
  '/api/seals/{id}/image.png': 'a seal impression, printed on every licence and receipt',
  '/api/licences/verify': 'licence verification by identifier and token: what the verifier was handed',
  '/api/licences/verify/package': 'the signed licence, signature and seal key for whoever holds a full presentation',
  '/api/public/case-progress': 'progress of one case for whoever holds its number and query code',
  '/api/public/bundle-progress': 'progress of one 一件事 for whoever holds its number and query code',
  '/api/data/catalog': 'the open part of the 政务信息资源目录 as DCAT-AP (staff see the closed part too)',
  '/api/open/datasets': 'the open datasets (数据开放), public',
  '/api/open/dataset': 'one open dataset with a preview of its records, public',
  '/api/open/download': 'the records of an 无条件开放 dataset, public',
  '/api/hotline/categories': 'the 12345 content categories a request is filed under, public',
  '/api/hotline/track': 'one 12345 ticket for whoever holds its number and query code',
  '/api/public/ratings/monthly': 'published monthly rating figures (好差评公示), public',
  '/api/public/ratings/invitations/{token}': 'an SMS rating invitation for whoever holds its token',
  // Outside this brief: the development SMS inbox is brief H1's (#13.3), which restricts it.
  '/api/dev/sms': 'development SMS inbox, on only where configured (brief H1 / #13.3 restricts it)',
};

const DENIAL_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'ACTOR_KIND_NOT_ALLOWED', 'NODE_ADMIN_REQUIRED'];

/**
 * GET routes made for department systems, each answering a system about what it started itself:
 * anything else — another system's, or nothing — is 404 alike (data-export-jobs.test.ts reads
 * another system's job and file).
 */
const OWN: Record<string, string> = {
  '/api/data/gateway/export-jobs/{id}': "the system's own bulk export job",
  '/api/data/gateway/export-jobs/{id}/file': "the file of the system's own bulk export job",
};

let real: Record<string, string> = {};

before(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  // data of other parties for the walk to find: a case in review (with a fee notice) and a manual notice
  const accepted = await acceptedRewardCase(server, 'WALK-1');
  const citizenId = (await server.api('/api/auth/me', { cookie: accepted.citizen })).body.user.id as string;
  const dept = (await server.api('/api/org/departments?q=市场监督管理局&pageSize=1', { cookie: admin })).body.items[0];
  const notice = await server.api('/api/payment/notices', {
    method: 'POST',
    cookie: admin,
    body: {
      payerPersonId: citizenId,
      payerName: '陈小云',
      departmentId: dept.id,
      itemCode: 'TEST-ITEM',
      dueDate: clock.today(),
      lines: [{ name: '登记费', unitFen: 5000, quantity: 1 }],
    },
  });
  assert.equal(notice.status, 201, JSON.stringify(notice.body));

  const created = await server.api('/api/identity/clients', {
    method: 'POST',
    cookie: admin,
    body: { clientId: 'walker-system', name: '巡检系统', redirectUris: [], grantTypes: ['client_credentials'], scopes: [] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const config = await oidc.discovery(new URL(`${server.url}/oidc`), 'walker-system', created.body.clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  const { access_token: token } = await oidc.clientCredentialsGrant(config);
  bearer = { authorization: `Bearer ${token}` };

  const first = async (sql: string) => {
    const row = await server.ctx.db.one<{ v: unknown }>(sql);
    assert.ok(row, `no row for ${sql}`);
    return String(row.v);
  };
  real = {
    region: CITY,
    department: dept.id,
    hall: await first('select id as v from hall order by created_at limit 1'),
    window: await first('select id as v from service_window order by created_at limit 1'),
    kiosk: await first('select id as v from kiosk order by created_at limit 1'),
    staff: await first('select id as v from staff order by created_at limit 1'),
    enterprise: await first('select id as v from enterprise limit 1'),
    seal: await first('select id as v from seal limit 1'),
    licenceType: await first('select id as v from licence_type limit 1'),
    licence: await first('select id as v from licence limit 1'),
    item: await first(`select id as v from catalog_item where code = '${REWARD}'`),
    itemCode: REWARD,
    bundle: await first('select id as v from catalog_bundle limit 1'),
    notice: notice.body.id,
    case: accepted.id,
    caseNumber: accepted.number,
    material: await first(`select id as v from case_material where case_id = '${accepted.id}' limit 1`),
  };
});
after(() => server.close());

/** A path parameter's real value, by the route it belongs to. */
function pathValue(path: string, name: string): string {
  if (name === 'code') return real.region!;
  if (name === 'no') return '1';
  if (name === 'fileId') return real.material!;
  const byPrefix: [string, string][] = [
    ['/api/org/departments', 'department'],
    ['/api/org/halls', 'hall'],
    ['/api/org/windows', 'window'],
    ['/api/org/kiosks', 'kiosk'],
    ['/api/org/staff', 'staff'],
    ['/api/identity/enterprises', 'enterprise'],
    ['/api/seals', 'seal'],
    ['/api/licence-types', 'licenceType'],
    ['/api/licences', 'licence'],
    ['/api/wallet/licences', 'licence'],
    ['/api/catalog/items', 'item'],
    ['/api/catalog/guide', 'itemCode'],
    ['/api/catalog/published', 'itemCode'],
    ['/api/catalog/bundles', 'bundle'],
    ['/api/payment/notices', 'notice'],
    ['/api/cases', 'case'],
  ];
  const hit = byPrefix.find(([prefix]) => path.startsWith(prefix));
  // no such row in the demo city (case bundles, rating tasks, use requests, invitations): a well-formed id
  return hit ? real[hit[1]]! : '01a24b40-0000-7000-8000-000000000000';
}

/** Required (and a few decisive optional) query values. */
function queryValue(name: string): string | undefined {
  const today = clock.today();
  const values: Record<string, string> = {
    from: name === 'from' ? `${today.slice(0, 4)}-01-01` : today,
    to: today,
    year: today.slice(0, 4),
    month: today.slice(0, 7),
    regionCode: CITY,
    idNumber: demoIdNumber('445302000000', '19900315', 0),
    uscc: demoEnterpriseUscc('445302000000', 1),
    number: real.caseNumber ?? '',
    code: 'ABCD2345',
    item: REWARD,
    q: '营业',
    box: 'incoming',
  };
  if (name === 'from') return `${today.slice(0, 4)}-01-01`;
  return values[name];
}

test('a department system token reads no other party’s data on any GET route', async () => {
  const doc = (await server.api('/api/docs/json')).body as {
    paths: Record<string, { get?: { parameters?: { in: string; name: string; required?: boolean }[] } }>;
  };
  const leaks: string[] = [];
  let walked = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!ops.get) continue;
    walked++;
    const query = new URLSearchParams();
    for (const p of ops.get.parameters ?? []) {
      const value = p.in === 'query' ? queryValue(p.name) : undefined;
      if (value !== undefined && (p.required || ['q', 'idNumber', 'number', 'code'].includes(p.name))) query.set(p.name, value);
    }
    if (path === '/api/data/calls/stats') query.set('by', 'day');
    if (path === '/api/catalog/items/{id}/diff') {
      query.set('from', '1');
      query.set('to', '1');
    }
    const url =
      path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pathValue(path, name))) +
      (query.size ? `?${query}` : '');
    const res = await server.api(url, { headers: bearer });
    if (path in PUBLIC) {
      // public means public: the client gets what nobody signed in gets, not more
      if (path === '/api/auth/me') continue;
      const anonymous = await server.api(url);
      // the sign-in start leads to a page with a fresh interaction; search reports its own time
      const comparable = (body: unknown) => JSON.stringify(body, (key, value) => (key === 'tookMs' ? 0 : value));
      if (
        anonymous.status !== res.status ||
        (path !== '/api/auth/start' && comparable(anonymous.body) !== comparable(res.body))
      ) {
        leaks.push(`${res.status} (anonymous ${anonymous.status}) GET ${url}: a public answer differs for the client`);
      }
      continue;
    }
    if (path in OWN) {
      if (res.status !== 404) leaks.push(`${res.status} GET ${url}: not the system's own, yet not 404`);
      continue;
    }
    const denied = (res.status === 401 || res.status === 403) && DENIAL_CODES.includes(res.body?.error?.code);
    if (!denied) leaks.push(`${res.status} ${res.body?.error?.code ?? ''} GET ${url}`);
  }
  assert.ok(walked > 100, `walked ${walked} GET routes`);
  assert.deepEqual(leaks, [], 'routes a client token was not refused on');
});

test('the payment notice list, the leak of #13.2, refuses a client token and still serves payers and staff', async () => {
  const res = await server.api('/api/payment/notices', { headers: bearer });
  assert.deepEqual([res.status, res.body.error?.code], [403, 'ACTOR_KIND_NOT_ALLOWED']);
  assert.equal(JSON.stringify(res.body).includes('陈小云'), false);
  assert.equal((await server.api(`/api/payment/notices/${real.notice}`, { headers: bearer })).status, 403);
  assert.equal((await server.api('/api/payment/notices')).status, 401);
  const staffList = await server.api('/api/payment/notices', { cookie: admin });
  assert.equal(staffList.status, 200);
  assert.ok(staffList.body.items.some((n: { id: string }) => n.id === real.notice));
});
