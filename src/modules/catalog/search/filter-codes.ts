import type { Queryable } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { departmentRefsById } from '../../org/index.ts';
import { isTheme } from '../themes.ts';
import type { SearchFilters } from './engine.ts';

/**
 * A filter naming a theme, department or item type that does not exist is a mistake of the
 * caller (an old link, a typo), not a search that found nothing: it is answered with a code
 * saying which, so the portal can tell "no such theme" from "no items yet".
 */
export async function checkFilterCodes(q: Queryable, f: SearchFilters): Promise<void> {
  if (f.theme && !isTheme(f.theme, f.audience)) {
    throw new AppError('CATALOG_THEME_UNKNOWN', 400, { theme: f.theme }, { theme: f.theme, audience: f.audience ?? null });
  }
  if (f.departmentId && !(await departmentRefsById(q, [f.departmentId])).has(f.departmentId)) {
    throw new AppError('CATALOG_DEPARTMENT_UNKNOWN', 400, { departmentId: f.departmentId }, { departmentId: f.departmentId });
  }
  if (f.typeCode && !(await q.one('select 1 from catalog_item_type where code = $1', [f.typeCode]))) {
    throw new AppError('ITEM_TYPE_UNKNOWN', 400, { typeCode: f.typeCode }, { typeCode: f.typeCode });
  }
}
