import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';

/** What another module may know about a department (reference data, no authorisation needed). */
export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
  shortName: string;
  uscc: string;
  regionCode: string;
}

const SELECT = 'select id, code, name, short_name as "shortName", uscc, region_code as "regionCode" from department';

/** Departments by id (missing ids are absent from the map). */
export async function departmentRefsById(q: Queryable, ids: readonly string[]): Promise<Map<string, DepartmentRef>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<DepartmentRef & Record<string, unknown>>(`${SELECT} where id = any($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Departments by 统一社会信用代码 (a workbook names its providers by it). */
export async function departmentRefsByUscc(q: Queryable, usccs: readonly string[]): Promise<Map<string, DepartmentRef>> {
  const wanted = [...new Set(usccs.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await q.query<DepartmentRef & Record<string, unknown>>(`${SELECT} where uscc = any($1::text[])`, [wanted]);
  return new Map(rows.map((r) => [r.uscc, r]));
}

/** Departments by code (`<region6>-<abbr>` in the demo city). */
export async function departmentRefsByCode(q: Queryable, codes: readonly string[]): Promise<Map<string, DepartmentRef>> {
  if (codes.length === 0) return new Map();
  const rows = await q.query<DepartmentRef & Record<string, unknown>>(`${SELECT} where code = any($1::text[])`, [[...new Set(codes)]]);
  return new Map(rows.map((r) => [r.code, r]));
}

/** Every department in a region subtree. */
export async function departmentRefsInRegion(q: Queryable, regionCode: string): Promise<DepartmentRef[]> {
  return q.query<DepartmentRef & Record<string, unknown>>(`${SELECT} where region_code like $1 order by region_code, code`, [
    `${regionPrefix(regionCode)}%`,
  ]);
}
