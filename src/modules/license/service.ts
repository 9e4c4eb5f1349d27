import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { allowKinds, requireRole, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { forbidden, unauthenticated } from '../../kernel/errors.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { sealImage } from '../seal/index.ts';
import { maskedForStaff } from './masking.ts';
import { renderLicencePdf } from './pdf.ts';
import type { LicenceUse } from './schemas.ts';
import {
  documentCodec,
  enterpriseOf,
  fetchReadable,
  fieldInfo,
  isHolder,
  STAFF_READ_ROLES,
  view,
  type LicenceDocument,
  type LicenceRow,
  type LicenceView,
} from './store.ts';
import { fetchType } from './types.ts';
import { insertPresentation } from './verify.ts';

/** How long the QR printed on a downloaded PDF keeps working (status only, no fields). */
const PDF_QR_TTL_SECONDS = 7 * 86400;

/** The licences in clear, or with `masked` as staff see them (masking.ts). */
async function openAll(ctx: AppContext, rows: LicenceRow[], masked = false): Promise<LicenceView[]> {
  const codec = documentCodec(ctx);
  const info = await fieldInfo(
    ctx.db,
    rows.map((r) => r.typeId),
  );
  return rows.map((r) => {
    const { labels, personal } = info.get(r.typeId) ?? { labels: {}, personal: new Set<string>() };
    const clear = view(r, JSON.parse(codec.open(r)) as LicenceDocument, labels);
    return masked ? maskedForStaff(clear, personal) : clear;
  });
}

export function verificationUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/verify?t=${token}`;
}

export async function getLicence(ctx: AppContext, actor: Actor, id: string): Promise<LicenceView> {
  allowKinds(actor, ['person', 'staff']);
  const row = await fetchReadable(ctx.db, actor, id);
  const [one] = await openAll(ctx, [row], !isHolder(actor, row));
  return one!;
}

/** The full view of a licence the caller has already been authorised to read. */
export async function viewOf(ctx: AppContext, row: LicenceRow): Promise<LicenceView> {
  const [one] = await openAll(ctx, [row]);
  return one!;
}

/** Licences the actor's grants cover (issuing region and department), newest first. */
export async function listLicences(
  ctx: AppContext,
  actor: Actor,
  query: { page: number; pageSize: number; typeId?: string; status?: string; q?: string; departmentId?: string },
): Promise<PageResult<LicenceView>> {
  requireRole(actor, STAFF_READ_ROLES);
  const params: unknown[] = [];
  const where = [scopeCondition(actor, STAFF_READ_ROLES, { region: 'region_code', department: 'issuer_department_id' }, params)];
  for (const [value, column] of [
    [query.typeId, 'type_id'],
    [query.status, 'status'],
    [query.departmentId, 'issuer_department_id'],
  ] as const) {
    if (!value) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  const term = query.q?.trim().toUpperCase();
  if (term) {
    params.push(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, documentCodec(ctx).holderIndex(term));
    // part of the 证照标识, or the holder's whole 证件号码 (ID number or USCC): the number is kept
    // only as a blind index, so a part of it finds nothing, as in the case inbox
    where.push(`(identifier like $${params.length - 1} or holder_code_index = $${params.length})`);
  }
  const rows = await ctx.db.query<{ total_count: number }>(
    `select *, count(*) over () as total_count from licence where ${where.join(' and ')}
      order by issued_at desc, id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return {
    items: await openAll(
      ctx,
      rows.map(({ total_count: _t, ...r }) => camelRow<LicenceRow>(r)),
      true,
    ),
    total: rows.length ? Number(rows[0]!.total_count) : 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function requirePerson(actor: Actor): { id: string } {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'person' });
  return actor;
}

/** 卡包: the signed-in person's own licences. */
export async function walletLicences(ctx: AppContext, actor: Actor): Promise<{ items: LicenceView[] }> {
  const person = requirePerson(actor);
  const own = await listHolderLicences(ctx, { kind: 'person', ref: person.id });
  const uscc = enterpriseOf(actor);
  if (!uscc) return own;
  const enterprise = await listHolderLicences(ctx, { kind: 'enterprise', ref: uscc });
  return { items: [...own.items, ...enterprise.items] };
}

/** Licences of one holder: a person id or an enterprise USCC (the caller checked who asks). */
export async function listHolderLicences(ctx: AppContext, holder: { kind: 'person' | 'enterprise'; ref: string }) {
  const rows = await ctx.db.query('select * from licence where holder_kind = $1 and holder_ref = $2 order by issued_at desc', [
    holder.kind,
    holder.ref,
  ]);
  return {
    items: await openAll(
      ctx,
      rows.map((r) => camelRow<LicenceRow>(r)),
    ),
  };
}

/** The holder's use log (用证记录): who relied on the licence, when and why. */
export async function licenceUses(ctx: AppContext, actor: Actor, id: string): Promise<{ items: LicenceUse[] }> {
  allowKinds(actor, ['person', 'staff']);
  const l = await fetchReadable(ctx.db, actor, id);
  const rows = await ctx.db.query<{
    kind: LicenceUse['kind'];
    purpose: string;
    user_department_id: string | null;
    user_name: string;
    actor_kind: string;
    at: Date | string;
  }>(
    'select kind, purpose, user_department_id, user_name, actor_kind, at from licence_use where licence_id = $1 order by at desc limit 500',
    [l.id],
  );
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      purpose: r.purpose,
      userDepartmentId: r.user_department_id,
      userName: r.user_name,
      actorKind: r.actor_kind,
      at: r.at instanceof Date ? r.at.toISOString() : String(r.at),
    })),
  };
}

/** The PDF for the holder or authorised staff; its QR carries a status-only token. */
export async function licencePdf(
  ctx: AppContext,
  actor: Actor,
  id: string,
  baseUrl: string,
): Promise<{ pdf: Buffer; identifier: string }> {
  allowKinds(actor, ['person', 'staff']);
  const row = await fetchReadable(ctx.db, actor, id);
  const doc = JSON.parse(documentCodec(ctx).open(row)) as LicenceDocument;
  const type = (await fetchType(ctx.db, row.typeId))!;
  const token = await ctx.db.transaction(async (tx) => {
    // staff see the licence masked (masking.ts); the PDF shows it in clear, so who took it is kept
    if (!isHolder(actor, row)) {
      await appendAudit(tx, actor, {
        action: 'licence.pdf_read',
        objectType: 'licence',
        objectId: row.id,
        regionCode: row.regionCode,
        details: { identifier: row.identifier },
      });
    }
    return insertPresentation(tx, row.id, { fields: [], ttlSeconds: PDF_QR_TTL_SECONDS, once: false });
  });
  const pdf = await renderLicencePdf({
    doc,
    fields: type.fields,
    ...(type.template.title ? { title: type.template.title } : {}),
    ...(type.template.note ? { note: type.template.note } : {}),
    sealPng: await sealImage(ctx, row.sealId, 'png'),
    qrUrl: verificationUrl(baseUrl, token.token),
  });
  return { pdf, identifier: row.identifier };
}

/**
 * The signed record for offline checking: the exact canonical JSON bytes, the SM2 signature
 * and the key id to look up in /api/seals/public-keys. Holder only (it carries personal data).
 */
export async function signedLicence(ctx: AppContext, actor: Actor, id: string) {
  allowKinds(actor, ['person']);
  const row = await fetchReadable(ctx.db, actor, id);
  if (!isHolder(actor, row)) throw forbidden({ required: 'holder' });
  return {
    identifier: row.identifier,
    document: documentCodec(ctx).open(row),
    signature: row.signature,
    keyId: row.keyId,
    sealId: row.sealId,
    algorithm: 'SM2-SM3' as const,
    userId: '1234567812345678' as const,
  };
}

const STATS_ROLES = ['administrator', 'leader', 'data_officer'] as const;

/**
 * Indicator inputs: licences issued and used per month (Asia/Shanghai) and issuing department,
 * within the actor's scope and an optional [from, to] day range.
 */
export async function licenceStats(ctx: AppContext, actor: Actor, query: { from?: string; to?: string; regionCode?: string }) {
  requireRole(actor, STATS_ROLES);
  // Each query gets its own parameter list: the scope and the range are numbered from $1.
  const filter = (column: string) => {
    const params: unknown[] = [];
    const parts = [scopeCondition(actor, STATS_ROLES, { region: 'l.region_code' }, params)];
    if (query.from) {
      params.push(query.from);
      parts.push(`(${column} at time zone 'Asia/Shanghai')::date >= $${params.length}::date`);
    }
    if (query.to) {
      params.push(query.to);
      parts.push(`(${column} at time zone 'Asia/Shanghai')::date <= $${params.length}::date`);
    }
    if (query.regionCode) {
      params.push(`${regionPrefix(query.regionCode)}%`);
      parts.push(`l.region_code like $${params.length}`);
    }
    return { where: parts.join(' and '), params };
  };
  const i = filter('l.issued_at');
  const issued = await ctx.db.query<{ department_id: string; period: string; n: number }>(
    `select l.issuer_department_id as department_id, to_char(l.issued_at at time zone 'Asia/Shanghai', 'YYYY-MM') as period, count(*) as n
       from licence l where ${i.where} group by 1, 2 order by 2, 1`,
    i.params,
  );
  const u = filter('u.at');
  const used = await ctx.db.query<{ department_id: string; period: string; n: number; licences: number }>(
    `select u.issuer_department_id as department_id, to_char(u.at at time zone 'Asia/Shanghai', 'YYYY-MM') as period,
            count(*) as n, count(distinct u.licence_id) as licences
       from licence_use u join licence l on l.id = u.licence_id where ${u.where} group by 1, 2 order by 2, 1`,
    u.params,
  );
  // license_use_rate numerator: distinct service items whose cases used an e-licence.
  const c = filter('u.at');
  const items = await ctx.db.query<{ period: string; items: number; cases: number }>(
    `select to_char(u.at at time zone 'Asia/Shanghai', 'YYYY-MM') as period, count(distinct u.item_code) as items,
            count(distinct u.case_id) as cases
       from licence_use u join licence l on l.id = u.licence_id where u.kind = 'case' and ${c.where} group by 1 order by 1`,
    c.params,
  );
  const sum = (rows: { n: number }[]) => rows.reduce((a, r) => a + Number(r.n), 0);
  return {
    issued: issued.map((r) => ({ departmentId: r.department_id, period: r.period, count: Number(r.n) })),
    used: used.map((r) => ({ departmentId: r.department_id, period: r.period, uses: Number(r.n), licences: Number(r.licences) })),
    caseUse: items.map((r) => ({ period: r.period, items: Number(r.items), cases: Number(r.cases) })),
    totals: { issued: sum(issued), uses: sum(used) },
  };
}
