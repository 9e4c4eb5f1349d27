import type { AppContext } from '../../kernel/context.ts';
import * as clock from '../../kernel/clock.ts';
import { csvField } from '../../kernel/csv.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { likeContains, type PageResult } from '../../kernel/sql/paging.ts';
import { loadExcel } from '../../kernel/xlsx.ts';
import { departmentRefsById } from '../org/index.ts';
import type { RecordValues } from './record-values.ts';
import type { OpenDataset, OpenDatasetQuery } from './schemas-exchange.ts';
import { classNameOf, fetchResourceByCode, fieldsByResource, fieldsOf, type ResourceRow } from './store.ts';

// 数据开放: the published resources open to the public (无条件开放 downloadable by anyone;
// 有条件开放 listed with their condition), their records as CSV, JSON or xlsx, and download
// counts. A resource holding personal data can never be opened (rules.ts), so a download is the
// library as it is.

/** The licence the city publishes its open data under. */
export const OPEN_LICENCE = { name: '署名 4.0 国际 (CC BY 4.0)', url: 'https://creativecommons.org/licenses/by/4.0/' };
export const DOWNLOAD_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];
/** At most this many rows a download (a larger library is exchanged in bulk, not downloaded). */
const MAX_DOWNLOAD_ROWS = 50_000;

type OpenRow = ResourceRow & { records: string; last_changed: Date | null; downloads: string };

async function present(ctx: AppContext, rows: OpenRow[]): Promise<OpenDataset[]> {
  const providers = await departmentRefsById(ctx.db, rows.map((r) => r.provider_department_id));
  const fields = await fieldsByResource(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => ({
      code: r.code,
      name: r.name,
      summary: r.summary,
      className: classNameOf(r.class_code),
      providerName: providers.get(r.provider_department_id)?.name ?? '',
      openType: r.open_type as OpenDataset['openType'],
      openCondition: r.open_condition,
      updateCycle: r.update_cycle,
      licence: OPEN_LICENCE,
      records: Number(r.records),
      downloads: Number(r.downloads),
      lastChangedAt: r.last_changed ? new Date(r.last_changed).toISOString() : null,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    fields: (fields.get(r.id) ?? []).map((f) => ({ key: f.key, name: f.name, type: f.type })),
    downloadable: r.open_type === 'open',
  }));
}

const OPEN_SELECT = `select r.*, (select count(*) from data_record d where d.resource_id = r.id) as records,
    (select max(changed_at) from data_record d where d.resource_id = r.id) as last_changed,
    (select coalesce(sum(downloads), 0) from data_open_download o where o.resource_id = r.id) as downloads
  from data_resource r where r.status = 'published' and r.open_type <> 'closed'`;

/** The open datasets, for anyone: search by name or summary, filter by class. */
export async function listOpenDatasets(ctx: AppContext, query: OpenDatasetQuery): Promise<PageResult<OpenDataset>> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (query.q) {
    params.push(likeContains(query.q.trim()));
    where.push(`and (r.name ilike $${params.length} or r.summary ilike $${params.length})`);
  }
  if (query.classCode) {
    params.push(`${query.classCode}%`);
    where.push(`and r.class_code like $${params.length}`);
  }
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n from data_resource r where r.status = 'published' and r.open_type <> 'closed' ${where.join(' ')}`, params))?.n ?? 0);
  const rows = await ctx.db.query<OpenRow>(`${OPEN_SELECT} ${where.join(' ')} order by r.code limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`, params);
  return { items: await present(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

async function openRow(ctx: AppContext, code: string): Promise<OpenRow> {
  const row = await ctx.db.one<OpenRow>(`${OPEN_SELECT} and r.code = $1`, [code]);
  if (!row) throw notFound('open_dataset', code);
  return row;
}

export async function getOpenDataset(ctx: AppContext, code: string): Promise<OpenDataset & { preview: RecordValues[] }> {
  const row = await openRow(ctx, code);
  const [dataset] = await present(ctx, [row]);
  const preview = row.open_type === 'open' ? (await openRecords(ctx, row, 10)).rows : [];
  return { ...dataset!, preview };
}

async function openRecords(ctx: AppContext, row: ResourceRow, limit: number) {
  const pii = personalData(ctx.config.masterKey);
  const fields = await fieldsOf(ctx.db, row.id);
  const stored = await ctx.db.query<{ values_enc: string }>('select values_enc from data_record where resource_id = $1 order by change_seq limit $2', [row.id, limit]);
  return { fields, rows: stored.map((r) => JSON.parse(pii.decrypt(r.values_enc)) as RecordValues) };
}

/**
 * A download of an 无条件开放 dataset: every record, in the format asked, counted per day. A
 * 有条件开放 one answers 403 `DATA_OPEN_CONDITIONAL` (it is applied for, not downloaded).
 */
export async function downloadOpenDataset(ctx: AppContext, code: string, format: DownloadFormat): Promise<{ body: Buffer | string; type: string; filename: string; truncated: boolean }> {
  const existing = await fetchResourceByCode(ctx.db, code);
  if (!existing || existing.status !== 'published' || existing.open_type === 'closed') throw notFound('open_dataset', code);
  if (existing.open_type !== 'open') throw new AppError('DATA_OPEN_CONDITIONAL', 403, { condition: existing.open_condition ?? '' });
  const { fields, rows } = await openRecords(ctx, existing, MAX_DOWNLOAD_ROWS + 1);
  // a library larger than a download holds is cut, and says so (the bulk exchange has it all)
  const truncated = rows.length > MAX_DOWNLOAD_ROWS;
  if (truncated) rows.length = MAX_DOWNLOAD_ROWS;
  await ctx.db.query(
    `insert into data_open_download (resource_id, day, downloads) values ($1, $2::date, 1)
     on conflict (resource_id, day) do update set downloads = data_open_download.downloads + 1`,
    [existing.id, clock.today()],
  );
  const filename = `${existing.code.replace('/', '-')}.${format}`;
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  if (format === 'json') return { body: JSON.stringify({ code: existing.code, name: existing.name, licence: OPEN_LICENCE.url, fields, records: rows, truncated }), type: 'application/json', filename, truncated };
  if (format === 'csv') {
    // the header in 信息项名称 (what a person reads), BOM first so spreadsheet programs take it as UTF-8
    const lines = [fields.map((f) => csvField(f.name)).join(','), ...rows.map((r) => fields.map((f) => csvField(text(r[f.key]))).join(','))];
    return { body: `\uFEFF${lines.join('\r\n')}\r\n`, type: 'text/csv; charset=utf-8', filename, truncated };
  }
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  const sheet = wb.addWorksheet(existing.name.slice(0, 31));
  sheet.addRow(fields.map((f) => f.name));
  for (const r of rows) sheet.addRow(fields.map((f) => r[f.key] ?? null));
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename, truncated };
}
