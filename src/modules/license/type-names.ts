import type { Queryable } from '../../kernel/db/index.ts';

/**
 * The licence types of these codes that the platform keeps (证照目录), by code with their names:
 * only such a type can be in a wallet, so only a material it replaces may be fetched (免证办).
 * The catalogue's guide reads it to claim 免提交 no further than that; cases name the licence.
 */
export async function licenceTypeNames(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return new Map();
  const rows = await q.query<{ code: string; name: string }>('select code, name from licence_type where code = any($1::text[])', [wanted]);
  return new Map(rows.map((r) => [r.code.trim(), r.name]));
}
