import type { Tx } from '../../kernel/db/index.ts';
import { childRegions, departmentRefsByCode } from '../org/index.ts';

/** A first-level category with its department (the abbreviation of the city's and counties' departments) and its sub-categories. */
export interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  department: string;
  /** a second-level category's words for the dispatch classifier (what callers say about it) */
  children: { code: string; name: string; nameEn: string; keywords?: string[] }[];
}

/**
 * The content categories and the responsibility catalogue (派单目录) of a city: each first-level
 * category goes to the city's department of that abbreviation, and — as the exception for a
 * county — to the county's own department where the county has one (公安分局, 市场监管局 …).
 * Again on a seeded node, nothing changes but keywords given to categories that had none.
 */
export async function seedHotlineCatalogue(tx: Tx, cityCode: string, categories: CategorySeed[]): Promise<void> {
  const counties = await childRegions(tx, cityCode);
  let position = 0;
  for (const top of categories) {
    await tx.query(
      `insert into hotline_category (code, parent_code, name, name_en, position) values ($1, null, $2, $3, $4) on conflict (code) do nothing`,
      [top.code, top.name, top.nameEn, position++],
    );
    for (const [i, child] of top.children.entries())
      await tx.query(
        `insert into hotline_category (code, parent_code, name, name_en, position, keywords) values ($1, $2, $3, $4, $5, $6)
         on conflict (code) do update set keywords = excluded.keywords where hotline_category.keywords = '{}'`,
        [child.code, top.code, child.name, child.nameEn, i, child.keywords ?? []],
      );
    const regions = [cityCode, ...counties.map((c) => c.code)];
    const departments = await departmentRefsByCode(
      tx,
      regions.map((r) => `${r.slice(0, 6)}-${top.department}`),
    );
    for (const region of regions) {
      const department = departments.get(`${region.slice(0, 6)}-${top.department}`);
      if (!department) continue;
      await tx.query(
        `insert into hotline_responsibility (category_code, region_code, department_id) values ($1, $2, $3) on conflict (category_code, region_code) do nothing`,
        [top.code, region, department.id],
      );
    }
  }
}
