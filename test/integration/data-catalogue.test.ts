import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cityDepartment, foodLicenceResource } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// 政务信息资源目录 (#15 point 1): the demo catalogue, who may keep it, the sharing rules a
// resource must keep, 一数一源, versions, and bad input.
let server: TestServer;
const cookies: Record<string, string> = {};
const api = (...a: Parameters<TestServer['api']>) => server.api(...a);
let scjgj: { id: string };
let gaj: { id: string };

const resource = (o: Record<string, unknown> = {}) => ({ ...foodLicenceResource(scjgj.id), ...o });
const create = (o: Record<string, unknown> = {}, cookie = cookies.deptadmin) =>
  api('/api/data/resources', { method: 'POST', cookie, body: resource(o) });

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'countyadmin', 'dataofficer', 'deptadmin', 'approver', 'leader']) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  scjgj = await cityDepartment(server, cookies.admin, '市场监督管理局');
  gaj = await cityDepartment(server, cookies.admin, '云浮市公安局');
});
after(() => server.close());

describe('resource catalogue (政务信息资源目录)', () => {
  test('the demo catalogue: base libraries published with their fields; the draft only for its keepers; 出生日期 claimed twice', async () => {
    const list = await api('/api/data/resources?pageSize=100', { cookie: cookies.approver });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const names = list.body.items.map((r: { name: string }) => r.name);
    for (const n of ['常住人口基本信息', '市场主体登记信息', '标准地址信息', '公共信用信息', '电子证照目录信息'])
      assert.ok(names.includes(n), n);
    assert.ok(!names.includes('预防接种记录'), 'a draft is not in another department’s list');
    assert.ok(list.body.items.every((r: { status: string }) => r.status === 'published'));
    const population = list.body.items.find((r: { name: string }) => r.name === '常住人口基本信息');
    assert.match(population.code, /^101001\/\d{6}$/);
    assert.equal(population.className, '人口');
    assert.equal(population.conflicted, true, '出生日期: 公安 and 卫健 both claim it');
    const detail = (await api(`/api/data/resources/${population.id}`, { cookie: cookies.approver })).body;
    assert.equal(detail.fields[0].key, 'id_number');
    assert.equal(detail.fields[0].personal, 'id_number');
    assert.match(detail.providerName, /公安局/);
    assert.deepEqual(
      detail.sourceConflicts.map((c: { dataItem: string; resources: { name: string }[] }) => [
        c.dataItem,
        c.resources.map((r) => r.name).sort(),
      ]),
      [['出生日期', ['出生医学证明信息', '常住人口基本信息']]],
    );
    const all = (await api('/api/data/resources?pageSize=100', { cookie: cookies.dataofficer })).body;
    assert.ok(
      all.items.some((r: { name: string; status: string }) => r.name === '预防接种记录' && r.status === 'draft'),
      'the data bureau sees drafts',
    );
    const conflicts = (await api('/api/data/resources/conflicts', { cookie: cookies.leader })).body.items;
    assert.deepEqual(
      conflicts.map((c: { dataItem: string }) => c.dataItem),
      ['出生日期'],
    );
    const onlyConflicted = (await api('/api/data/resources?conflicted=true', { cookie: cookies.approver })).body.items
      .map((r: { name: string }) => r.name)
      .sort();
    assert.deepEqual(onlyConflicted, ['出生医学证明信息', '常住人口基本信息']);
    const base = (await api('/api/data/resources?classCode=102&pageSize=100', { cookie: cookies.approver })).body.items.map(
      (r: { className: string }) => r.className,
    );
    assert.ok(base.length >= 2 && base.every((c: string) => c === '法人单位'));
  });

  test('a department administrator keeps its own catalogue: draft, change, publish (a version each), retire with a reason', async () => {
    const created = await create();
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const r = created.body;
    assert.match(r.code, /^204001\/\d{6}$/);
    assert.equal(r.status, 'draft');
    assert.equal(r.className, '食品药品安全');
    assert.equal(
      (await api(`/api/data/resources/${r.id}`, { cookie: cookies.approver })).status,
      404,
      'a draft is its keepers’ own',
    );
    const second = await create();
    assert.equal(Number(second.body.code.split('/')[1]), Number(r.code.split('/')[1]) + 1, 'the next 顺序码 in the class');

    const {
      id: _id,
      code: _code,
      providerDepartmentId: _pd,
      providerName: _p,
      providerCode: _pc,
      regionCode: _rc,
      className: _cn,
      status: _s,
      recordedVersions: _rv,
      publishedAt: _pa,
      updatedAt: _u,
      sourceConflicts: _sc,
      version,
      ...content
    } = r;
    const changed = await api(`/api/data/resources/${r.id}`, {
      method: 'PUT',
      cookie: cookies.deptadmin,
      body: { ...content, version, updateCycle: 'realtime' },
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.updateCycle, 'realtime');
    assert.equal(changed.body.recordedVersions, 0, 'a draft’s changes are not versions');
    const stale = await api(`/api/data/resources/${r.id}`, {
      method: 'PUT',
      cookie: cookies.deptadmin,
      body: { ...content, version },
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');

    const published = await api(`/api/data/resources/${r.id}/publish`, {
      method: 'POST',
      cookie: cookies.deptadmin,
      body: { version: changed.body.version },
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.status, 'published');
    assert.ok(published.body.publishedAt);
    assert.equal(
      (await api(`/api/data/resources/${r.id}`, { cookie: cookies.approver })).status,
      200,
      'published: every staff member reads it',
    );
    const again = await api(`/api/data/resources/${r.id}/publish`, {
      method: 'POST',
      cookie: cookies.deptadmin,
      body: { version: published.body.version },
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'DATA_RESOURCE_STATUS');

    // a change of a published resource is its next version, published at once
    const fields = [...content.fields, { key: 'valid_to', name: '有效期至', type: 'date', sharingType: 'conditional' }];
    const v2 = await api(`/api/data/resources/${r.id}`, {
      method: 'PUT',
      cookie: cookies.dataofficer,
      body: { ...content, fields, version: published.body.version },
    });
    assert.equal(v2.status, 200, JSON.stringify(v2.body));
    assert.equal(v2.body.status, 'published');
    assert.equal(v2.body.recordedVersions, 2);
    const moved = await api(`/api/data/resources/${r.id}`, {
      method: 'PUT',
      cookie: cookies.deptadmin,
      body: { ...content, classCode: '204002', version: v2.body.version },
    });
    assert.equal(moved.status, 422);
    assert.equal(moved.body.error.code, 'DATA_RESOURCE_CLASS_FIXED');

    const retired = await api(`/api/data/resources/${r.id}/retire`, {
      method: 'POST',
      cookie: cookies.deptadmin,
      body: { version: v2.body.version, reason: '业务系统迁移，改由省级共享' },
    });
    assert.equal(retired.status, 200, JSON.stringify(retired.body));
    assert.equal(retired.body.status, 'retired');
    const versions = (await api(`/api/data/resources/${r.id}/versions`, { cookie: cookies.approver })).body.items;
    assert.deepEqual(
      versions.map((v: { versionNo: number; status: string; reason: string | null }) => [v.versionNo, v.status, v.reason]),
      [
        [3, 'retired', '业务系统迁移，改由省级共享'],
        [2, 'published', null],
        [1, 'published', null],
      ],
    );
    assert.equal(versions[1].content.fields.length, 4, 'each version as it was');
    assert.equal(versions[2].content.fields.length, 3);
    assert.equal(versions[0].actorName, '市场监管局管理员');
    const frozen = await api(`/api/data/resources/${r.id}`, {
      method: 'PUT',
      cookie: cookies.deptadmin,
      body: { ...content, version: retired.body.version },
    });
    assert.equal(frozen.body.error.code, 'DATA_RESOURCE_RETIRED');
    const audit = await server.ctx.db.query<{ action: string }>(
      `select action from audit_log where object_id = $1 order by seq`,
      [r.id],
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['data_resource.create', 'data_resource.update', 'data_resource.publish', 'data_resource.update', 'data_resource.retire'],
    );
  });

  test('who may keep it: another department’s administrator, an approver, a citizen and nobody signed in may not', async () => {
    const other = await create({ providerDepartmentId: gaj.id });
    assert.equal(other.status, 403, 'the 市场监管 administrator keeps only its own department’s catalogue');
    assert.equal((await create({}, cookies.approver)).status, 403);
    assert.equal((await create({}, cookies.citizen)).status, 403);
    assert.equal((await create({}, '')).status, 401);
    assert.equal((await api('/api/data/resources', { cookie: cookies.citizen })).status, 403);
    assert.equal((await api('/api/data/resources')).status, 401);
    const county = await create({ providerDepartmentId: gaj.id }, cookies.countyadmin);
    assert.equal(county.status, 403, 'a county administrator does not keep the city’s catalogue');
    const byBureau = await create({ providerDepartmentId: gaj.id, classCode: '301009' }, cookies.dataofficer);
    assert.equal(byBureau.status, 201, 'the data bureau enters any department’s resource');
    const edit = await api(`/api/data/resources/${byBureau.body.id}/publish`, {
      method: 'POST',
      cookie: cookies.deptadmin,
      body: { version: byBureau.body.version },
    });
    assert.equal(edit.status, 404, 'another department’s draft is not even seen');
  });

  test('the sharing rules: conditions, legal basis, no field more open than its resource, personal data never unconditional or open, one claim per item', async () => {
    const personal = { key: 'person_in_charge_id', name: '负责人公民身份号码', type: 'string', personal: 'id_number' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ sharingCondition: undefined }, 'sharingCondition', 'DATA_SHARING_CONDITION_REQUIRED'],
      [{ sharingType: 'none', fields: [{ ...personal, sharingType: 'none' }] }, 'legalBasis', 'DATA_LEGAL_BASIS_REQUIRED'],
      [
        { openType: 'conditional', fields: [{ key: 'a', name: '甲', type: 'string', sharingType: 'conditional' }] },
        'openCondition',
        'DATA_OPEN_CONDITION_REQUIRED',
      ],
      [
        { fields: [{ key: 'a', name: '甲', type: 'string', sharingType: 'unconditional' }] },
        'fields.0.sharingType',
        'DATA_FIELD_MORE_OPEN',
      ],
      [
        { sharingType: 'unconditional', fields: [{ ...personal, sharingType: 'unconditional' }] },
        'fields.0.sharingType',
        'DATA_PERSONAL_UNCONDITIONAL',
      ],
      [{ openType: 'open', fields: [{ ...personal, sharingType: 'conditional' }] }, 'openType', 'DATA_PERSONAL_OPENED'],
      [
        { fields: [{ key: 'a', name: '甲', type: 'string', sharingType: 'conditional', authoritative: true }] },
        'fields.0.dataItem',
        'DATA_ITEM_REQUIRED',
      ],
      [
        {
          fields: [
            { key: 'a', name: '甲', type: 'string', sharingType: 'conditional' },
            { key: 'a', name: '乙', type: 'string', sharingType: 'conditional' },
          ],
        },
        'fields.1.key',
        'DATA_FIELD_KEY_TWICE',
      ],
      [{ classCode: '299001' }, 'classCode', 'DATA_CLASS_UNKNOWN'],
    ];
    for (const [o, field, code] of cases) {
      const res = await create(o);
      assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code);
      assert.equal(res.body.error.details.field, field, JSON.stringify(res.body.error));
      assert.doesNotMatch(res.body.error.message, /[a-z]{4,}/, `a message in Chinese: ${res.body.error.message}`);
    }
  });

  test('bad input: wrong types, unknown values, injection strings and NUL bytes are refused, never a 500', async () => {
    const bodies: unknown[] = [
      resource({ fields: [] }),
      resource({ fields: [{ key: 'Bad Key', name: '甲', type: 'string', sharingType: 'conditional' }] }),
      resource({ sharingType: 'sometimes' }),
      resource({ classCode: "1'; drop table data_resource; --" }),
      resource({ name: 'a\u0000b' }),
      resource({ providerDepartmentId: 'not-a-uuid' }),
      resource({ extra: 1 }),
      'not json',
    ];
    for (const body of bodies) {
      const res = await api('/api/data/resources', { method: 'POST', cookie: cookies.deptadmin, body });
      assert.ok([400, 415].includes(res.status), `${res.status} ${JSON.stringify(res.body)}`);
      assert.ok(res.body.error?.code);
    }
    const unknownProvider = await create({ providerDepartmentId: '00000000-0000-7000-8000-000000000001' });
    assert.equal(unknownProvider.status, 422);
    assert.equal(unknownProvider.body.error.code, 'DATA_PROVIDER_NOT_FOUND');
    assert.equal(
      (await api('/api/data/resources/00000000-0000-7000-8000-000000000001', { cookie: cookies.approver })).status,
      404,
    );
    const q = await api(`/api/data/resources?q=${encodeURIComponent("%' or 1=1 --")}`, { cookie: cookies.approver });
    assert.equal(q.status, 200);
    assert.equal(q.body.total, 0);
  });
});

describe('the catalogue workbook (national 目录 layout)', () => {
  const headings = async (book: Buffer) => {
    const excel = (await import('exceljs')).default;
    const wb = new excel.Workbook();
    await wb.xlsx.load(book as unknown as ArrayBuffer);
    return wb;
  };
  const exportBook = async (cookie: string | undefined, query = '') => {
    const res = await fetch(`${server.url}/api/data/resources/export${query}`, { headers: { cookie: cookie ?? '' } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    return Buffer.from(await res.arrayBuffer());
  };
  const importBook = (wb: { xlsx: { writeBuffer(): Promise<ArrayBuffer> } }, cookie: string | undefined, dryRun = false) =>
    wb.xlsx.writeBuffer().then((b) =>
      api('/api/data/resources/import', {
        method: 'POST',
        cookie,
        body: { content: Buffer.from(b).toString('base64'), dryRun },
      }),
    );

  test('export: one row per 信息项 with its resource; importing it back changes nothing but the versions', async () => {
    const wb = await headings(await exportBook(cookies.deptadmin, `?providerDepartmentId=${scjgj.id}&status=published`));
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    assert.deepEqual(header.slice(0, 4), ['信息资源分类', '信息资源名称', '信息资源代码', '信息资源提供方']);
    const names = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && names.add(String(row.getCell(2).value)));
    assert.ok(names.has('市场主体登记信息'));
    const dry = await importBook(wb, cookies.deptadmin, true);
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual(dry.body.errors, []);
    assert.equal(dry.body.ok, true);
    assert.ok(dry.body.updated.length >= 1 && dry.body.created.length === 0);
    const market = (await api('/api/data/resources?q=市场主体登记信息', { cookie: cookies.deptadmin })).body.items[0];
    const before = (await api(`/api/data/resources/${market.id}`, { cookie: cookies.deptadmin })).body;
    const real = await importBook(wb, cookies.deptadmin);
    assert.equal(real.body.ok, true, JSON.stringify(real.body));
    const after = (await api(`/api/data/resources/${market.id}`, { cookie: cookies.deptadmin })).body;
    assert.deepEqual(after.fields, before.fields, 'the same 信息项 back');
    assert.equal(after.sharingType, before.sharingType);
    assert.equal(after.recordedVersions, before.recordedVersions + 1, 'a published change is a version');
  });

  test('import: a new resource spread over rows is created as a draft; errors name row and column, and nothing is stored', async () => {
    const excel = (await import('exceljs')).default;
    const HEADINGS = [
      '信息资源分类',
      '信息资源名称',
      '信息资源代码',
      '信息资源提供方',
      '资源提供方代码',
      '信息资源摘要',
      '信息资源格式',
      '信息项名称',
      '信息项代码',
      '数据类型',
      '数据长度',
      '个人信息类别',
      '信息项共享类型',
      '数据元',
      '权威来源',
      '共享类型',
      '共享条件',
      '共享方式',
      '开放类型',
      '开放条件',
      '更新周期',
      '来源系统',
      '法律依据',
      '关联资源代码',
    ];
    /** A row of the sheet from its cells by heading. */
    const row = (cells: Record<string, string>) => HEADINGS.map((h) => cells[h] ?? '');
    const build = (rows: string[][]) => {
      const wb = new excel.Workbook();
      const sheet = wb.addWorksheet('目录');
      sheet.addRow(HEADINGS);
      for (const r of rows) sheet.addRow(r);
      return wb;
    };
    const uscc = (await api(`/api/org/departments/${scjgj.id}`, { cookie: cookies.admin })).body.uscc;
    const resourceCells = {
      信息资源分类: '204003',
      信息资源名称: '特种设备使用登记信息',
      信息资源提供方: '市场监督管理局',
      资源提供方代码: uscc,
      信息资源摘要: '特种设备使用登记证的核发信息。',
      信息资源格式: '数据库',
      共享类型: '有条件共享',
      共享条件: '用于特种设备安全监管',
      共享方式: '接口',
      开放类型: '不予开放',
      更新周期: '每日',
      来源系统: '特种设备管理系统',
    };
    const first = row({
      ...resourceCells,
      信息项名称: '使用登记证编号',
      信息项代码: 'cert_number',
      数据类型: '字符型',
      数据长度: '20',
    });
    const second = row({
      信息项名称: '使用单位统一社会信用代码',
      信息项代码: 'user_uscc',
      数据类型: '字符型',
      数据长度: '18',
      数据元: '统一社会信用代码',
    });
    const good = await importBook(build([first, second]), cookies.deptadmin);
    assert.equal(good.status, 200, JSON.stringify(good.body));
    assert.equal(good.body.ok, true, JSON.stringify(good.body.errors));
    assert.equal(good.body.created.length, 1);
    const created = (
      await api(`/api/data/resources?q=${encodeURIComponent('特种设备使用登记信息')}`, { cookie: cookies.deptadmin })
    ).body.items[0];
    assert.equal(created.status, 'draft');
    assert.equal(created.fieldCount, 2);

    const badType = row({ 信息项名称: '使用单位统一社会信用代码', 信息项代码: 'user_uscc', 数据类型: '文本' });
    const personalOpen = row({
      信息项名称: '负责人手机号码',
      信息项代码: 'phone',
      数据类型: '字符型',
      个人信息类别: '手机号码',
      信息项共享类型: '无条件共享',
    });
    const otherResource = row({
      ...resourceCells,
      信息资源名称: '另一个资源',
      资源提供方代码: '91445300MA00000000',
      信息项名称: '编号',
      信息项代码: 'no',
      数据类型: '字符型',
    });
    const bad = await importBook(build([first, badType, personalOpen, otherResource]), cookies.deptadmin);
    assert.equal(bad.body.ok, false);
    const at = bad.body.errors.map((e: { row: number; column?: string; heading?: string; code: string }) => [
      e.row,
      e.column,
      e.heading,
      e.code,
    ]);
    assert.deepEqual(at, [
      [3, 'J', '数据类型', 'UNKNOWN_VALUE'],
      [5, 'E', '资源提供方代码', 'DATA_PROVIDER_NOT_FOUND'],
    ]);
    const rules = await importBook(build([first, second, personalOpen]), cookies.deptadmin);
    assert.deepEqual(
      rules.body.errors.map((e: { row: number; column?: string; code: string }) => [e.row, e.column, e.code]),
      [[4, 'M', 'DATA_FIELD_MORE_OPEN']],
      'a personal field shared 无条件: the row of the field, the column of its sharing type',
    );
    const count = (
      await api(`/api/data/resources?q=${encodeURIComponent('特种设备使用登记信息')}`, { cookie: cookies.deptadmin })
    ).body.total;
    assert.equal(count, 1, 'nothing more stored');
    const notExcel = await api('/api/data/resources/import', {
      method: 'POST',
      cookie: cookies.deptadmin,
      body: { content: Buffer.from('plain text').toString('base64') },
    });
    assert.equal(notExcel.status, 400);
    assert.equal(notExcel.body.error.code, 'VALIDATION_FAILED');
    assert.equal(
      (await api('/api/data/resources/import', { method: 'POST', cookie: cookies.approver, body: { content: 'AAAA' } })).status,
      403,
    );
  });
});
