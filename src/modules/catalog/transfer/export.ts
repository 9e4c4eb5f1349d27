import { loadExcel } from '../../../kernel/xlsx.ts';
import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { regionPrefix } from '../../../kernel/region-code.ts';
import { departmentRefsById } from '../../org/index.ts';
import { readScopeSql, requireCatalogStaff } from '../access.ts';
import type { ItemContent } from '../content.ts';
import { COLUMNS, README_SHEET, rowOf, SHEET } from './template.ts';

export interface ExportQuery {
  regionCode?: string;
  departmentId?: string;
  status?: 'draft' | 'published' | 'retired';
}

/** The items in the actor's read scope, newest version each, as a workbook in the import template. */
export async function exportItems(db: Queryable, actor: Actor, query: ExportQuery): Promise<{ buffer: Buffer; count: number }> {
  requireCatalogStaff(actor);
  const params: unknown[] = [];
  const where = [readScopeSql(actor, { region: 'i.region_code', department: 'i.department_id' }, params)];
  if (query.regionCode) {
    params.push(`${regionPrefix(query.regionCode)}%`);
    where.push(`i.region_code like $${params.length}`);
  }
  if (query.departmentId) {
    params.push(query.departmentId);
    where.push(`i.department_id = $${params.length}`);
  }
  if (query.status) {
    params.push(query.status);
    where.push(`i.status = $${params.length}`);
  }
  const rows = await db.query<{ code: string; departmentId: string; status: string; versionNo: number; content: ItemContent; popularity: number }>(
    `select i.code, i.department_id as "departmentId", v.status, v.version_no as "versionNo", v.content, i.popularity
     from catalog_item i join lateral (select * from catalog_item_version v where v.item_id = i.id order by v.version_no desc limit 1) v on true
     where ${where.join(' and ')} order by i.region_code, i.code`,
    params,
  );
  const depts = await departmentRefsById(db, [...new Set(rows.map((r) => r.departmentId))]);
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  wb.creator = 'YiWang';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  // Row 1: the Chinese headers people read; row 2: the stable keys the import matches on.
  ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.header]))).font = { bold: true };
  ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.key]))).font = { italic: true, color: { argb: 'FF888888' } };
  for (const r of rows) ws.addRow(rowOf(r.code, depts.get(r.departmentId)?.code ?? '', r.status, r.versionNo, r.content, r.popularity));
  const readme = wb.addWorksheet(README_SHEET);
  readme.columns = [{ width: 22 }, { width: 16 }, { width: 80 }];
  readme.addRow(['列', '键', '说明']).font = { bold: true };
  for (const c of COLUMNS) readme.addRow([c.header, c.key, c.note]);
  readme.addRow([]);
  readme.addRow(['导入规则', '', '整个文件全部通过校验才导入，任一行有误则整份不导入并返回逐行报告；单元格不得含公式或脚本。']);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), count: rows.length };
}
