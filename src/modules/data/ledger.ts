import type { Actor } from '../../kernel/actor.ts';
import { actorId } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { allowKinds, canAct, requireRole, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, notFound } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { personIdNumberIndex } from '../identity/index.ts';
import { nodeCityCode } from '../../kernel/settings.ts';
import { notifyStaff, staffAbleToAct } from '../org/index.ts';
import type { DataUse, DataUseQuery, UseReportListQuery, UseReportTask } from './schemas-exchange.ts';

/** Who answers a reported use: the data bureau (data officers) over the using department's region. */
const ANSWER_ROLES = ['data_officer', 'administrator'] as const;

type UseRow = {
  id: string;
  at: Date;
  kind: DataUse['kind'];
  department_id: string | null;
  department_name: string;
  system: string | null;
  resource_name: string;
  fields: string[];
  purpose: string | null;
  legal_basis: string | null;
  report_id: string | null;
  report_reason: string | null;
  report_status: 'open' | 'answered' | null;
  report_answer: string | null;
};

const USE_COLUMNS = `u.id, u.at, u.kind, u.department_id, u.department_name, u.system, u.resource_name, u.fields, u.purpose, u.legal_basis,
  rp.id as report_id, rp.reason as report_reason, rp.status as report_status, rp.answer as report_answer`;

const useView = (r: UseRow): DataUse => ({
  id: String(r.id),
  at: new Date(r.at).toISOString(),
  kind: r.kind,
  departmentName: r.department_name,
  system: r.system,
  resourceName: r.resource_name,
  fields: r.fields,
  purpose: r.purpose,
  legalBasis: r.legal_basis,
  report: r.report_id ? { id: r.report_id, reason: r.report_reason!, status: r.report_status!, answer: r.report_answer } : null,
});

async function ownIndex(q: Queryable, actor: Actor): Promise<string> {
  const person = allowKinds(actor, ['person']);
  const index = await personIdNumberIndex(q, person.id);
  if (!index) throw notFound('person', person.id);
  return index;
}

/**
 * 我的数据使用记录: every use of the signed-in person's data, newest first — who (department and
 * system), which fields, for what purpose, on which legal basis. Only the person's own: the
 * ledger is found by the blind index of their ID number, never by a parameter.
 */
export async function myDataUses(ctx: AppContext, actor: Actor, query: DataUseQuery): Promise<PageResult<DataUse>> {
  const index = await ownIndex(ctx.db, actor);
  const params: unknown[] = [index];
  let kind = '';
  if (query.kind) {
    params.push(query.kind);
    kind = `and u.kind = $${params.length}`;
  }
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n from data_use u where u.person_index = $1 ${kind}`, params))?.n ?? 0);
  // the page by the person's index first, then its reports: a join before the limit would read every use
  const rows = await ctx.db.query<UseRow>(
    `with page as (select * from data_use u where u.person_index = $1 ${kind} order by u.at desc, u.id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize})
     select ${USE_COLUMNS} from page u left join data_use_report rp on rp.use_id = u.id order by u.at desc, u.id desc`,
    params,
  );
  return { items: rows.map(useView), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The person thinks a use wrong: a task for the data officers over the using department's
 * region, who are told at once. Once per use (409 `DATA_USE_REPORTED` the second time); another
 * person's use is 404.
 */
export async function reportUse(ctx: AppContext, actor: Actor, useId: string, reason: string): Promise<DataUse> {
  const index = await ownIndex(ctx.db, actor);
  return ctx.db.transaction(async (tx) => {
    const use = await tx.one<{ id: string; department_id: string | null; department_name: string; resource_name: string; region_code: string | null }>(
      `select u.id, u.department_id, u.department_name, u.resource_name, c.region_code
         from data_use u left join data_call c on c.id = u.call_id where u.id = $1 and u.person_index = $2`,
      [useId, index],
    );
    if (!use) throw notFound('data_use', useId);
    // a use without a call (a reveal, a prefill) goes to the city's data bureau
    const region = use.region_code ?? (await nodeCityCode(tx)) ?? '';
    const id = uuidv7();
    try {
      await tx.query('savepoint report');
      await tx.query('insert into data_use_report (id, use_id, person_index, reason, region_code) values ($1, $2, $3, $4, $5)', [id, useId, index, reason.trim(), region]);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('DATA_USE_REPORTED');
      throw err;
    }
    const officers = await staffAbleToAct(tx, ['data_officer'], { regionCode: region, departmentId: null });
    await notifyStaff(tx, officers.map((o) => o.id), { kind: 'data_use_reported', ref: id, params: { department: use.department_name, resource: use.resource_name, reason: reason.trim().slice(0, 100) } });
    await appendAudit(tx, actor, { action: 'data_use.report', objectType: 'data_use_report', objectId: id, regionCode: region, details: { use: useId } });
    const row = await tx.one<UseRow>(`select ${USE_COLUMNS} from data_use u left join data_use_report rp on rp.use_id = u.id where u.id = $1`, [useId]);
    return useView(row!);
  });
}

type ReportRow = UseRow & { rid: string; created_at: Date; version: number; region_code: string; status: 'open' | 'answered'; answer: string | null; reason: string };

const REPORT_SELECT = `select ${USE_COLUMNS}, rp.id as rid, rp.created_at, rp.version, rp.region_code, rp.status, rp.answer, rp.reason
  from data_use_report rp join data_use u on u.id = rp.use_id`;

const reportView = (r: ReportRow): UseReportTask => ({ id: r.rid, use: useView(r), reason: r.reason, status: r.status, answer: r.answer, createdAt: new Date(r.created_at).toISOString(), version: r.version });

/** The reported uses the data officer answers, open first. */
export async function listUseReports(ctx: AppContext, actor: Actor, query: UseReportListQuery): Promise<PageResult<UseReportTask>> {
  requireRole(actor, ANSWER_ROLES);
  const params: unknown[] = [];
  const where = [scopeCondition(actor, ANSWER_ROLES, { region: 'rp.region_code' }, params)];
  if (query.status) {
    params.push(query.status);
    where.push(`rp.status = $${params.length}`);
  }
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n from data_use_report rp where ${where.join(' and ')}`, params))?.n ?? 0);
  const rows = await ctx.db.query<ReportRow>(
    `${REPORT_SELECT} where ${where.join(' and ')} order by (rp.status = 'open') desc, rp.created_at desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { items: rows.map(reportView), total, page: query.page, pageSize: query.pageSize };
}

/** The data bureau's answer, which the person reads beside the use. */
export async function answerUseReport(ctx: AppContext, actor: Actor, id: string, input: { version: number; answer: string }): Promise<UseReportTask> {
  requireRole(actor, ANSWER_ROLES);
  return ctx.db.transaction(async (tx) => {
    const r = await tx.one<ReportRow>(`${REPORT_SELECT} where rp.id = $1 for update of rp`, [id]);
    if (!r || !canAct(actor, ANSWER_ROLES, { regionCode: r.region_code })) throw notFound('data_use_report', id);
    if (r.version !== input.version) throw conflict('VERSION_CONFLICT', { current: r.version }, { current: r.version });
    if (r.status !== 'open') throw conflict('DATA_USE_REPORT_ANSWERED');
    await tx.query(`update data_use_report set status = 'answered', answer = $2, answered_by = $3, answered_at = clock_now(), version = version + 1 where id = $1`, [id, input.answer.trim(), actorId(actor)]);
    await appendAudit(tx, actor, { action: 'data_use_report.answer', objectType: 'data_use_report', objectId: id, regionCode: r.region_code, details: {} });
    return reportView((await tx.one<ReportRow>(`${REPORT_SELECT} where rp.id = $1`, [id]))!);
  });
}

/**
 * Records a use of a person's data other than a gateway call (a staff reveal of a masked value,
 * a prefill, a licence use) in that person's ledger: for other modules, through the contract.
 */
export async function recordDataUse(
  q: Queryable,
  use: {
    personIndex: string;
    kind: 'prefill' | 'material' | 'licence' | 'reveal';
    departmentId: string | null;
    departmentName: string;
    system?: string | null;
    resourceCode?: string | null;
    resourceName: string;
    fields: string[];
    purpose?: string | null;
    legalBasis?: string | null;
  },
): Promise<void> {
  await q.query(
    `insert into data_use (person_index, kind, department_id, department_name, system, resource_code, resource_name, fields, purpose, legal_basis)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [use.personIndex, use.kind, use.departmentId, use.departmentName, use.system ?? null, use.resourceCode ?? null, use.resourceName, use.fields, use.purpose ?? null, use.legalBasis ?? null],
  );
}

