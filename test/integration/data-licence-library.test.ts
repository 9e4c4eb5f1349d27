import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import { readRecord } from '../../src/modules/data/records.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { EVERY_FIELD, issuePersonLicences, presentLicence, type PersonLicence } from '../support/licence.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #15 point 4 "licences (from the license module)" and point 6 "licence use … recorded and visible
// to that person": the licence library (电子证照目录信息) follows the license module's register —
// the demo city's licences at start, then every issue and change of status in the same
// transaction — and a verifier checking what a holder presented lands in the holder's ledger.
let server: TestServer;
let library: { id: string; code: string };
let issued: PersonLicence;
let presented: PersonLicence;
const pii = () => personalData(server.ctx.config.masterKey);
const libraryRow = async (identifier: string) => (await readRecord(server.ctx.db, pii(), library.id, identifier))?.values;

before(async () => {
  server = await startTestServer();
  library = (await server.ctx.db.one<{ id: string; code: string }>(
    `select id, code from data_resource where name = '电子证照目录信息'`,
  ))!;
  [issued, presented] = (await issuePersonLicences(server, '901', 2)) as [PersonLicence, PersonLicence];
});
after(() => server.close());

describe('the licence library', () => {
  test('holds every licence of the demo city, with holder, type, status and date as the licence says', async () => {
    const licences = await server.ctx.db.query<{ identifier: string; status: string }>('select identifier, status from licence');
    const records = await server.ctx.db.one<{ n: number }>('select count(*)::int as n from data_record where resource_id = $1', [
      library.id,
    ]);
    assert.ok(licences.length > 2, `the demo city issued licences (${licences.length})`);
    assert.equal(records!.n, licences.length);
    const sample = licences.find((l) => l.status === '01')!;
    const row = (await libraryRow(sample.identifier))!;
    assert.equal(row.identifier, sample.identifier);
    assert.equal(row.status, '01');
    assert.match(String(row.issued_on), /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(row.holder_name && row.holder_code && row.type_code, JSON.stringify(row));
  });

  test('a licence issued now is in the library at once; a change of its status follows', async () => {
    const row = (await libraryRow(issued.licence.identifier))!;
    assert.equal(row.status, '01');
    assert.equal(row.holder_name, '陈小云');
    const held = await server.api(`/api/licences/${issued.licence.id}/operations`, {
      method: 'POST',
      cookie: issued.cookies.approver,
      body: { operation: '03', reason: '整改期间暂扣', version: issued.licence.version },
    });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    assert.equal((await libraryRow(issued.licence.identifier))!.status, '02', '暂扣');
    const findings = await server.ctx.db.query(`select 1 from data_issue where resource_id = $1 and status = 'open'`, [
      library.id,
    ]);
    assert.equal(findings.length, 0, 'holder codes of persons and enterprises alike pass the format rule');
  });
});

describe('the holder’s ledger', () => {
  test('a check of what the holder presented is a use of their data, naming the fields shown', async () => {
    const token = (await presentLicence(server, presented, ['holderName', 'category'])).token;
    const checked = await server.api(`/api/licences/verify?t=${token}`);
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    const citizen = await server.login('13800000001', CITIZEN_PASSWORD);
    const uses = (await server.api('/api/my/data-uses', { cookie: citizen })).body.items.filter(
      (u: { kind: string }) => u.kind === 'licence',
    );
    assert.ok(uses.length >= 1, JSON.stringify(uses));
    assert.deepEqual(uses[0].fields, ['持证人名称', '作业项目']);
    assert.equal(uses[0].resourceName, '特种设备安全管理和作业人员证');
    assert.equal(uses[0].system, '电子证照系统');
    // the whole document shown: every field is named
    const whole = (await presentLicence(server, presented, EVERY_FIELD)).token;
    assert.equal((await server.api(`/api/licences/verify?t=${whole}`)).status, 200);
    const again = (await server.api('/api/my/data-uses', { cookie: citizen })).body.items.filter(
      (u: { kind: string }) => u.kind === 'licence',
    );
    assert.equal(again.length, uses.length + 1);
    const other = await server.login('13800000002', CITIZEN_PASSWORD);
    assert.ok(
      !(await server.api('/api/my/data-uses', { cookie: other })).body.items.some((u: { kind: string }) => u.kind === 'licence'),
      'only the holder is told',
    );
  });
});
