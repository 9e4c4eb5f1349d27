import type { Queryable } from '../../kernel/db/index.ts';
import { isWithinRegion, regionPrefix } from '../../kernel/region-code.ts';
import { departmentRefsById, getRegion } from '../org/index.ts';
import type { Category } from './schemas.ts';

export type CategoryRow = { code: string; parent_code: string | null; name: string; name_en: string; active: boolean };

/** The content categories, two levels, in their order (anyone: the portal's form asks for one). */
export async function listCategories(q: Queryable): Promise<Category[]> {
  const rows = await q.query<CategoryRow>(
    `select c.code, c.parent_code, c.name, c.name_en, c.active from hotline_category c
       left join hotline_category p on p.code = c.parent_code
      where c.active order by coalesce(p.position, c.position), c.parent_code nulls first, c.position`,
  );
  return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, parentCode: r.parent_code }));
}

/** A category a ticket may name: an active second-level one (with its parent for the responsibility catalogue). */
export async function ticketCategory(q: Queryable, code: string): Promise<CategoryRow | undefined> {
  const row = await q.one<CategoryRow>('select code, parent_code, name, name_en, active from hotline_category where code = $1', [
    code,
  ]);
  return row && row.active && row.parent_code ? row : undefined;
}

export interface Suggestion {
  departmentId: string;
  departmentName: string;
  reasons: string[];
}

/**
 * 按职分转 from the responsibility catalogue (派单目录): the rows for the category or, failing
 * that, its parent, in a region containing the ticket's; the narrowest region wins (a county's
 * row is the exception to the city's), the category's own row before its parent's. The reasons
 * are stored with the ticket so the agent sees why.
 */
export async function suggestDepartment(q: Queryable, category: CategoryRow, regionCode: string): Promise<Suggestion | null> {
  const codes = [category.code, category.parent_code].filter((c): c is string => Boolean(c));
  const rows = await q.query<{ category_code: string; region_code: string; department_id: string }>(
    'select category_code, region_code, department_id from hotline_responsibility where category_code = any($1)',
    [codes],
  );
  const fitting = rows
    .filter((r) => isWithinRegion(regionCode, r.region_code))
    .sort(
      (a, b) =>
        codes.indexOf(a.category_code) - codes.indexOf(b.category_code) ||
        regionPrefix(b.region_code).length - regionPrefix(a.region_code).length,
    );
  const best = fitting[0];
  if (!best) return null;
  const department = (await departmentRefsById(q, [best.department_id])).get(best.department_id);
  if (!department) return null;
  const byParent = best.category_code !== category.code;
  const listed = byParent
    ? ((await q.one<{ name: string }>('select name from hotline_category where code = $1', [best.category_code]))?.name ??
      best.category_code)
    : category.name;
  return {
    departmentId: department.id,
    departmentName: department.name,
    reasons: [
      `派单目录：${byParent ? '所属大类' : '诉求分类'}“${listed}”在${(await getRegion(q, best.region_code)).name}由${department.name}承办`,
      ...(best.region_code !== regionCode ? [`诉求发生地${(await getRegion(q, regionCode)).name}在其范围内`] : []),
    ],
  };
}
