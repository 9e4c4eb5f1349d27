import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Actor } from '../../src/kernel/actor.ts';
import { AppError } from '../../src/kernel/errors.ts';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import { importJsonItems } from '../../src/modules/catalog/transfer/import.ts';
import { COLUMNS, rowOf, SHEET, XLSX_MIME } from '../../src/modules/catalog/transfer/template.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const cookies: Record<string, string> = {};
const CITY = '445300000000';
let scjg: { id: string; uscc: string; code: string };

before(async () => {
  server = await startTestServer();
  for (const u of ['deptadmin', 'dataofficer', 'clerk']) cookies[u] = await server.login(u);
  scjg = (await server.ctx.db.one<{ id: string; uscc: string; code: string }>(
    `select id, uscc, code from department where code = '445300-SCJGJ'`,
  ))!;
  await server.ctx.db.query(
    `insert into catalog_base_field (key, label, library, provider) values ('legal_entity.registration', '登记注册信息', 'legal_entity', 'SCJGJ') on conflict (key) do nothing`,
  );
});
after(() => server?.close());

async function download(who: string | undefined, query = '') {
  const res = await fetch(`${server.url}/api/catalog/export.xlsx${query}`, { headers: who ? { cookie: cookies[who]! } : {} });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    count: Number(res.headers.get('x-item-count')),
    data: Buffer.from(await res.arrayBuffer()),
  };
}
async function upload(who: string, data: Buffer, type = XLSX_MIME) {
  const res = await fetch(`${server.url}/api/catalog/import?fileName=test.xlsx`, {
    method: 'POST',
    headers: { cookie: cookies[who]!, 'content-type': type },
    body: new Uint8Array(data),
  });
  return { status: res.status, body: (await res.json()) as any };
}
async function readSheet(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}
/** A workbook in the template: headers, keys, then the given rows (cells by column key). */
async function workbook(rows: Record<string, ExcelJS.CellValue>[], extra?: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.columns = COLUMNS.map((c) => ({ key: c.key }));
  ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.header])));
  ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.key])));
  for (const r of rows) ws.addRow(r);
  extra?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const counts = async () =>
  (await server.ctx.db.one<{ items: number; versions: number }>(
    `select (select count(*) from catalog_item) as items, (select count(*) from catalog_item_version) as versions`,
  ))!;
const codeFor = (main: string) => `440A${main}001000-${CITY}-000-${scjg.uscc}-1-00`;

test('export: a workbook in the template with the items in the reader’s scope; every content field round-trips', async () => {
  assert.equal((await download(undefined)).status, 401);
  const all = await download('dataofficer');
  assert.equal(all.status, 200);
  assert.equal(all.type, XLSX_MIME);
  const own = await download('deptadmin');
  assert.ok(
    own.count > 0 && own.count < all.count,
    `a department administrator exports its own items only (${own.count} of ${all.count})`,
  );
  const wb = await readSheet(own.data);
  const ws = wb.getWorksheet(SHEET)!;
  assert.ok(wb.getWorksheet('说明'), 'the template explains its columns');
  assert.equal(ws.actualRowCount, own.count + 2);
  const keys = (ws.getRow(2).values as unknown[]).slice(1);
  assert.deepEqual(
    keys,
    COLUMNS.map((c) => c.key),
  );
  const codeCol = keys.indexOf('code') + 1;
  const code = String(ws.getRow(3).getCell(codeCol).value);
  const db = (await server.ctx.db.one<{ content: Record<string, unknown> }>(
    `select v.content from catalog_item i join catalog_item_version v on v.item_id = i.id where i.code = $1 order by v.version_no desc limit 1`,
    [code],
  ))!;
  const rebuilt: Record<string, unknown> = {};
  COLUMNS.forEach((c, i) => {
    const text = String(ws.getRow(3).getCell(i + 1).value ?? '');
    if (!c.contentKeys || !text) return;
    if (c.kind === 'text') rebuilt[c.contentKeys[0]!] = text;
    else Object.assign(rebuilt, JSON.parse(text));
  });
  assert.deepEqual(rebuilt, db.content);
  // Every content key has one column (a new content field must be added to the template).
  const { ItemContent } = await import('../../src/modules/catalog/content.ts');
  const covered = COLUMNS.flatMap((c) => c.contentKeys ?? []);
  assert.deepEqual([...covered].sort(), Object.keys(ItemContent.properties).sort());
});

test('import of a good workbook: new items created, existing ones get a new draft, all in one go', async () => {
  const exported = await readSheet((await download('deptadmin', '?status=published')).data);
  const ws = exported.getWorksheet(SHEET)!;
  const nameCol = COLUMNS.findIndex((c) => c.key === 'name') + 1;
  const codeCol = COLUMNS.findIndex((c) => c.key === 'code') + 1;
  const existingCode = String(ws.getRow(3).getCell(codeCol).value);
  const row3 = Object.fromEntries(COLUMNS.map((c, i) => [c.key, ws.getRow(3).getCell(i + 1).value]));
  row3.name = `${String(ws.getRow(3).getCell(nameCol).value)}（导入修订）`;
  const fresh = rowOf(codeFor('7401'), scjg.code, '', 0, sampleContent({ name: '导入新增事项' }));
  const before = await counts();
  const res = await upload('deptadmin', await workbook([row3, fresh]));
  assert.equal(res.status, 201, JSON.stringify(res.body).slice(0, 2000));
  assert.equal(res.body.status, 'applied');
  assert.equal(res.body.created, 1);
  assert.equal(res.body.updated, 1);
  assert.deepEqual(
    res.body.items.map((i: { row: number; action: string }) => [i.row, i.action]),
    [
      [3, 'updated'],
      [4, 'created'],
    ],
  );
  const after = await counts();
  assert.equal(Number(after.items), Number(before.items) + 1);
  assert.equal(Number(after.versions), Number(before.versions) + 2);
  const draft = await server.ctx.db.one<{ name: string; status: string; version_no: number }>(
    `select v.name, v.status, v.version_no from catalog_item i join catalog_item_version v on v.item_id = i.id where i.code = $1 order by v.version_no desc limit 1`,
    [existingCode],
  );
  assert.equal(draft!.status, 'draft', 'the published version is untouched; the import is a new draft');
  assert.match(draft!.name, /导入修订/);
  // Importing the same file again replaces the open draft instead of stacking versions.
  const again = await upload('deptadmin', await workbook([row3]));
  assert.equal(again.status, 201);
  assert.equal(again.body.items[0].versionNo, draft!.version_no);
});

test('import of a broken workbook: a report row by row, and nothing is written', async () => {
  const ok = rowOf(codeFor('7402'), scjg.code, '', 0, sampleContent({ name: '本应导入的事项' }));
  const badLicense = rowOf(codeFor('7403'), scjg.code, '', 0, sampleContent({ name: '引用未知证照' }));
  badLicense.materials = JSON.stringify({
    materials: [{ ...sampleContent().materials![1]!, replacedByBaseField: undefined, replacedByLicenseType: 'NO-SUCH-LICENCE' }],
  });
  const gaj = (await server.ctx.db.one<{ uscc: string }>(`select uscc from department where code = '445300-GAJ'`))!;
  const rows: Record<string, ExcelJS.CellValue>[] = [
    ok,
    { ...ok, code: codeFor('7404'), name: { formula: 'CONCAT("a","b")', result: 'ab' } as ExcelJS.CellFormulaValue },
    { ...ok, code: codeFor('7405'), name: '=HYPERLINK("http://evil.example","点我")' },
    { ...ok, code: codeFor('7406'), name: '<script>alert(1)</script>' },
    { ...ok, code: codeFor('7407'), department: '445300-NOPE' },
    { ...ok, code: codeFor('7408'), fees: '{"fees": {"charged": tru' },
    badLicense,
    { ...ok, code: '440A7409', name: '坏编码' },
    { ...ok, code: `440A7410001000-${CITY}-000-${gaj.uscc}-1-00`, department: '445300-GAJ', name: '别的部门' },
    { ...ok, name: '重复编码' },
    { ...ok, code: codeFor('7411'), flags: JSON.stringify({ flags: { highFrequency: true }, visits: 3 }) },
  ];
  const before = await counts();
  const res = await upload('deptadmin', await workbook(rows));
  assert.equal(res.status, 422, JSON.stringify(res.body).slice(0, 1000));
  assert.equal(res.body.error.code, 'IMPORT_REJECTED');
  const report = res.body.error.details;
  assert.equal(report.status, 'rejected');
  const byRow = (row: number) => report.issues.filter((i: { row: number }) => i.row === row).map((i: { code: string }) => i.code);
  assert.deepEqual(byRow(3), [], 'the good row has no issue, yet it is not imported either');
  assert.deepEqual(byRow(4), ['CELL_FORMULA']);
  assert.deepEqual(byRow(5), ['CELL_FORMULA']);
  assert.deepEqual(byRow(6), ['CELL_SCRIPT']);
  // Formula and script checks come first; the other rows are then checked for content.
  const content = await upload('deptadmin', await workbook(rows.filter((_, i) => i === 0 || i >= 4)));
  const issues = content.body.error.details.issues as { row: number; code: string; message: string }[];
  const at = (row: number) => issues.filter((i) => i.row === row).map((i) => i.code);
  assert.deepEqual(at(3), []);
  assert.deepEqual(at(4), ['DEPARTMENT_UNKNOWN']);
  assert.deepEqual(at(5), ['JSON_INVALID']);
  assert.deepEqual(at(6), ['LICENSE_TYPE_UNKNOWN']);
  assert.deepEqual(at(7), ['CODE_INVALID']);
  assert.deepEqual(at(8), ['FORBIDDEN']);
  assert.deepEqual(at(9), ['CODE_DUPLICATE']);
  assert.deepEqual(at(10), ['JSON_KEY']);
  assert.ok(
    issues.every((i) => i.message && !i.message.startsWith('catalog.import.')),
    'every issue is explained',
  );
  assert.deepEqual(await counts(), before, 'nothing half-imported');
  const log = await server.ctx.db.query<{ status: string }>(`select status from catalog_import order by created_at desc limit 2`);
  assert.deepEqual(
    log.map((l) => l.status),
    ['rejected', 'rejected'],
  );
});

test('import refuses oversized files, other formats, macros and readers without edit rights', async () => {
  const big = await upload('deptadmin', Buffer.alloc(20 * 1024 * 1024, 1));
  assert.equal(big.status, 413);
  assert.equal(big.body.error.code, 'PAYLOAD_TOO_LARGE');
  const notXlsx = await upload('deptadmin', Buffer.from('code,name\n1,2\n'));
  assert.equal(notXlsx.status, 422);
  assert.equal(notXlsx.body.error.code, 'IMPORT_NOT_XLSX');
  const json = await server.api('/api/catalog/import', { method: 'POST', cookie: cookies.deptadmin, body: { rows: [] } });
  assert.equal(json.status, 415);
  const good = await workbook([rowOf(codeFor('7420'), scjg.code, '', 0, sampleContent())]);
  const macro = Buffer.concat([good, Buffer.from('xl/vbaProject.bin')]);
  const m = await upload('deptadmin', macro);
  assert.equal(m.body.error?.details?.issues?.[0]?.code, 'MACRO');
  assert.equal((await upload('clerk', good)).status, 403);
  const noSheet = new ExcelJS.Workbook();
  noSheet.addWorksheet('Sheet1').addRow(['x']);
  const ns = await upload('deptadmin', Buffer.from(await noSheet.xlsx.writeBuffer()));
  assert.equal(ns.body.error.details.issues[0].code, 'SHEET_MISSING');
});

/** The department administrator of 市场监管局 as the import service sees it. */
async function deptAdmin(): Promise<Actor> {
  const s = (await server.ctx.db.one<{ id: string; name: string }>(`select id, name from staff where username = 'deptadmin'`))!;
  return {
    kind: 'staff',
    id: s.id,
    name: s.name,
    username: 'deptadmin',
    departmentId: scjg.id,
    departmentName: '市场监管局',
    regionCode: CITY,
    roles: [{ role: 'department_admin', regionCode: CITY, departmentId: scjg.id }],
  };
}
/** A row of the template as JSON: group cells as objects. */
const jsonRow = (main: string, name: string) =>
  Object.fromEntries(
    Object.entries(rowOf(codeFor(main), scjg.code, '', 0, sampleContent({ name }))).flatMap(([key, value]) => {
      if (value === '' || key === 'status' || key === 'versionNo') return [];
      return [[key, COLUMNS.find((c) => c.key === key)?.kind === 'json' ? JSON.parse(String(value)) : value]];
    }),
  );
const jsonFile = (rows: unknown) => ({ name: 'list.json', data: Buffer.from(JSON.stringify(rows, null, 2)) });
const rejected = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => assert.fail('the file was applied'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof AppError, String(err));
  return err;
};

test('the template as JSON imports as a workbook does: group cells as objects or as their JSON text, popularity kept', async () => {
  const actor = await deptAdmin();
  const asText = { ...jsonRow('7431', 'JSON 导入（文本单元格）'), fees: JSON.stringify({ fees: sampleContent().fees }) };
  const report = await importJsonItems(server.ctx.db, actor, 'zh-CN', jsonFile([{ ...jsonRow('7430', 'JSON 导入'), popularity: 42 }, asText]));
  assert.equal(report.status, 'applied', JSON.stringify(report.issues));
  assert.deepEqual(
    report.items.map((i) => [i.row, i.action]),
    [
      [1, 'created'],
      [2, 'created'],
    ],
  );
  const rows = await server.ctx.db.query<{ code: string; popularity: number; status: string }>(
    `select i.code, i.popularity, v.status from catalog_item i join catalog_item_version v on v.item_id = i.id where i.code = any($1) order by i.code`,
    [[codeFor('7430'), codeFor('7431')]],
  );
  assert.deepEqual(
    rows.map((r) => [r.popularity, r.status]),
    [
      [42, 'draft'],
      [0, 'draft'],
    ],
  );
  const log = await server.ctx.db.one<{ file_name: string; status: string }>(`select file_name, status from catalog_import where id = $1`, [report.id]);
  assert.deepEqual(log, { file_name: 'list.json', status: 'applied' });
});

test('a broken JSON list: the same row-by-row report (rows counted from 1), nothing written', async () => {
  const actor = await deptAdmin();
  const before = await counts();
  const err = await rejected(
    importJsonItems(server.ctx.db, actor, 'en-US', jsonFile([
      jsonRow('7432', '本应导入的事项'),
      { ...jsonRow('7433', '未知列'), colour: 'red' },
      { ...jsonRow('7434', '脚本'), name: '<script>alert(1)</script>' },
      { ...jsonRow('7435', '热度'), popularity: 101 },
      { ...jsonRow('7436', '坏分组'), fees: ['not', 'an', 'object'] },
      { ...jsonRow('7437', '别的部门'), department: '445300-GAJ' },
    ])),
  );
  assert.equal(err.code, 'IMPORT_REJECTED');
  const issues = (err.details as { issues: { row: number; code: string; message: string }[] }).issues;
  const at = (row: number) => issues.filter((i) => i.row === row).map((i) => i.code);
  assert.deepEqual(at(1), []);
  assert.deepEqual(at(2), ['COLUMN_UNKNOWN']);
  assert.deepEqual(at(3), ['CELL_SCRIPT']);
  assert.deepEqual(at(4), ['POPULARITY_INVALID']);
  assert.deepEqual(at(5), ['JSON_INVALID']);
  assert.deepEqual(at(6), ['CODE_DEPARTMENT', 'FORBIDDEN']);
  assert.ok(issues.every((i) => i.message && !i.message.startsWith('catalog.import.')));
  assert.deepEqual(await counts(), before, 'nothing half-imported');
  assert.equal((await rejected(importJsonItems(server.ctx.db, actor, 'zh-CN', { name: 'x.json', data: Buffer.from('{"code": 1}') }))).code, 'IMPORT_NOT_JSON');
  assert.equal((await rejected(importJsonItems(server.ctx.db, actor, 'zh-CN', jsonFile([])))).code, 'IMPORT_REJECTED');
});
