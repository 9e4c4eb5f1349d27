import type { Queryable } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { camelRow } from '../../../kernel/sql/case.ts';
import { likeContains, type PageQuery, type PageResult } from '../../../kernel/sql/paging.ts';
import type { Region } from '../schemas.ts';
import type { DivisionRow } from './division-data.ts';

const COLUMNS = 'code, name, level, parent_code';

export async function getRegion(db: Queryable, code: string): Promise<Region> {
  const row = await db.one(`select ${COLUMNS} from region where code = $1`, [code]);
  if (!row) throw notFound('region', code);
  return camelRow<Region>(row);
}

export async function regionExists(db: Queryable, code: string): Promise<boolean> {
  return (await db.one('select 1 as x from region where code = $1', [code])) !== undefined;
}

export async function childRegions(db: Queryable, code: string): Promise<Region[]> {
  await getRegion(db, code);
  const rows = await db.query(`select ${COLUMNS} from region where parent_code = $1 order by code`, [code]);
  return rows.map((r) => camelRow<Region>(r));
}

export async function searchRegions(db: Queryable, query: PageQuery & { level?: number }): Promise<PageResult<Region>> {
  const params: unknown[] = [];
  const where: string[] = ['true'];
  if (query.q) {
    params.push(likeContains(query.q));
    where.push(`(name ilike $${params.length} or code like $${params.length})`);
  }
  if (query.level) {
    params.push(query.level);
    where.push(`level = $${params.length}`);
  }
  const w = where.join(' and ');
  const rows = await db.query(
    `select ${COLUMNS} from region where ${w} order by level, code limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  const total = await db.one<{ n: number }>(`select count(*) as n from region where ${w}`, params);
  return { items: rows.map((r) => camelRow<Region>(r)), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

/** Insert divisions in batches with arrays, so a city's thousand villages take one round trip per batch. */
export async function insertRegions(db: Queryable, rows: DivisionRow[], batchSize = 2000): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const result = await db.query<{ code: string }>(
      `insert into region (code, name, level, parent_code)
       select * from unnest($1::text[], $2::text[], $3::smallint[], $4::text[])
       on conflict (code) do update set name = excluded.name
       returning code`,
      [batch.map((r) => r.code), batch.map((r) => r.name), batch.map((r) => r.level), batch.map((r) => r.parentCode)],
    );
    inserted += result.length;
  }
  return inserted;
}
