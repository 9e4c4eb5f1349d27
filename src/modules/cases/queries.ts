import type { Actor, Role } from '../../kernel/actor.ts';
import { canAct, requireStaff, scopeCondition } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError, forbidden, unauthenticated } from '../../kernel/errors.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { getVersionById, STEP_ROLES } from '../catalog/index.ts';
import { inboxCondition, isApplicantOf, loadCase, readableCase } from './access.ts';
import { openForm } from './personal-form.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { today } from './workflow/clocks.ts';
import { listMaterialFiles } from './application/materials.ts';
import { CASE_COLUMNS, currentStep, presentCase, READ_ROLES, STAFF_ONLY_KINDS, type CaseRow, type CaseStatus } from './model.ts';
import { commitmentCheckOf, commitmentText } from './workflow/commitment.ts';
import { specialProcedures } from './workflow/special.ts';
import { caseSupervisions } from './workflow/supervision.ts';
import { actionsFor, type Action } from './workflow/workflow.ts';
import { applicantActions } from './application/applicant-actions.ts';
import { materialStatuses } from './application/material-status.ts';
import type { CaseDetail as CaseDetailView, CaseListRow, Colour, Inbox, Progress, TimelineActor, TimelineEntry } from './schemas.ts';

export type { CaseListRow, TimelineEntry };

type EventRow = { at: Date; kind: string; step_key: string | null; actor_name: string | null; actor_kind: string; actor_department: string | null; actor_role: string | null; opinion: string | null; details: Record<string, unknown> };

/**
 * Who acted, as the reader may see it: the platform's timers and handlers as `system`, staff by
 * department and role (their own name for colleagues only), the applicant, a department system.
 */
function timelineActor(r: EventRow, forStaff: boolean): TimelineActor {
  switch (r.actor_kind) {
    case 'staff':
      return { kind: 'staff', name: forStaff ? r.actor_name : null, department: r.actor_department, role: r.actor_role };
    case 'person':
      return { kind: 'applicant', name: r.actor_name, department: null, role: null };
    case 'client':
      return { kind: 'client', name: null, department: null, role: null };
    default:
      return { kind: 'system', name: null, department: null, role: null };
  }
}

async function timeline(q: Queryable, caseId: string, forStaff: boolean): Promise<TimelineEntry[]> {
  const rows = await q.query<EventRow>(
    `select at, kind, step_key, actor_name, actor_kind, actor_department, actor_role, opinion, details from case_event
      where case_id = $1 ${forStaff ? '' : 'and kind <> all($2::text[])'} order by at, id`,
    forStaff ? [caseId] : [caseId, STAFF_ONLY_KINDS],
  );
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), kind: r.kind, stepKey: r.step_key, actor: timelineActor(r, forStaff), opinion: r.opinion, details: r.details }));
}

/** Deadline colour for lists: red when overdue, yellow once 80 % of the promised time is used. */
export function deadlineColour(c: CaseRow, day = today()): Colour {
  if (c.case_type === 'immediate' || !c.promised_due) return null;
  if (c.overdue || (c.status !== 'completed' && day > c.promised_due)) return 'red';
  if (c.warning === 'yellow' || c.warning === 'red') return c.warning;
  return 'green';
}

/** The case page's answer before the route adds the item version's form and materials. */
export type CaseDetail = Omit<CaseDetailView, 'item'>;

export async function getCaseDetail(q: Queryable, pii: PersonalData, actor: Actor, id: string): Promise<CaseDetail> {
  const c = await readableCase(q, actor, id);
  let actions: string[];
  if (actor.kind === 'staff') {
    const step = currentStep(c);
    const scope = { regionCode: c.region_code, departmentId: c.department_id };
    const mayAct = step && canAct(actor, step.roles, scope);
    actions = mayAct ? (actionsFor(c) as Action[]) : step && canAct(actor, ['department_admin', 'leader'], scope) ? ['assign'] : [];
  } else {
    actions = applicantActions(c);
  }
  return {
    // the applicant reads their own form in clear; handlers see it masked and reveal a field with a reason
    case: presentCase(c, isApplicantOf(actor, c) ? openForm(pii, c) : undefined),
    materials: await listMaterialFiles(q, c.id),
    timeline: await timeline(q, c.id, actor.kind === 'staff'),
    actions,
    materialStatus: [],
    colour: deadlineColour(c),
    queryCode: actor.kind === 'person' ? c.query_code : null,
    specialProcedures: await specialProcedures(q, c.id),
    supervisions: actor.kind === 'staff' ? await caseSupervisions(q, c.id) : [],
    commitmentCheck: c.commitment ? await commitmentCheckOf(q, c.id) : null,
  };
}

/**
 * The case page: the case with what its item version asks of the applicant (form, materials,
 * and the 告知承诺书 text when the item works by commitment).
 */
export async function getCaseWithItem(q: Queryable, pii: PersonalData, actor: Actor, id: string) {
  const detail = await getCaseDetail(q, pii, actor, id);
  const v = await getVersionById(q, detail.case.itemVersionId);
  const commitment = v?.content.flags?.commitment ? commitmentText(v.content, detail.case.itemName) : null;
  // the applicant's page says, material by material, what is obtained and what to upload
  const materialStatus = actor.kind === 'person' && v ? await materialStatuses(q, pii, (await loadCase(q, id))!, v.content) : [];
  return { ...detail, materialStatus, item: { form: v?.content.form ?? null, materials: v?.content.materials ?? [], commitment } };
}

function listRow(c: CaseRow): CaseListRow {
  const v = presentCase(c);
  return {
    id: c.id,
    number: c.number,
    itemName: c.item_name,
    applicantName: c.applicant_name,
    status: c.status,
    outcome: c.outcome,
    step: v.currentStep?.name ?? null,
    stepKey: v.currentStep?.key ?? null,
    assigneeId: c.assignee_id,
    submittedAt: v.submittedAt,
    promisedDue: c.promised_due,
    colour: deadlineColour(c),
    version: c.version,
  };
}

/** The applicant's cases: their own, or, while acting for an enterprise, the enterprise's. */
export async function myCases(q: Queryable, actor: Actor, query: { status?: CaseStatus; page: number; pageSize: number }): Promise<PageResult<CaseListRow>> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'applicant' });
  const params: unknown[] = [];
  let where: string;
  if (actor.actingFor) {
    params.push(actor.actingFor.enterpriseId);
    where = `c.applicant_enterprise_id = $1`;
  } else {
    params.push(actor.id);
    where = `c.owner_person_id = $1 and c.applicant_kind = 'person'`;
  }
  if (query.status) {
    params.push(query.status);
    where += ` and c.status = $${params.length}`;
  }
  return page(q, where, params, 'c.created_at desc', query);
}

async function page(q: Queryable, where: string, params: unknown[], order: string, query: { page: number; pageSize: number }): Promise<PageResult<CaseListRow>> {
  // Two queries, not count(*) over (): the window would read every row in scope before the
  // first page could be returned; the page alone stops after pageSize rows of an ordered index.
  const total = await q.one<{ n: number }>(`select count(*) as n from case_record c where ${where}`, [...params]);
  params.push(query.pageSize, (query.page - 1) * query.pageSize);
  const rows = await q.query<CaseRow>(
    `select ${CASE_COLUMNS} from case_record c where ${where} order by ${order} limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { items: rows.map(listRow), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

export interface InboxQuery {
  /** mine: claimed by me; open: unclaimed or mine (default); all: anyone's in my scope; done: cases I acted on (已办). */
  view?: 'mine' | 'open' | 'all' | 'done';
  step?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** A whole 公民身份号码 or mainland mobile number: searched by blind index, not by prefix. */
const PERSONAL_QUERY = /^(\d{17}[\dXx]|1[3-9]\d{9})$/;

/** Every role a workflow step may be given to (the catalogue's list), so item-defined steps reach their inboxes. */
const INBOX_ROLES: readonly Role[] = STEP_ROLES as readonly Role[];

/**
 * 待办: cases whose current step one of the staff member's grants may act on (role among the
 * step's roles, region subtree, department if the grant is narrowed), with counts per step and
 * the most urgent deadline first.
 */
export async function inbox(q: Queryable, pii: PersonalData, actor: Actor, query: InboxQuery): Promise<Inbox> {
  const staff = requireStaff(actor);
  const params: unknown[] = [];
  if (query.view === 'done') {
    // 已办: whatever state the case is in now, as long as it is still in the reader's scope
    params.push(staff.id);
    const where = `exists (select 1 from case_event e where e.case_id = c.id and e.actor_id = $1 and e.kind <> 'claimed')
      and ${scopeCondition(staff, READ_ROLES, { region: 'c.region_code', department: 'c.department_id' }, params)}`;
    return { ...(await page(q, where, params, 'c.updated_at desc', query)), counts: {} };
  }
  let where = `c.status in ('submitted', 'processing') and ${inboxCondition(staff, INBOX_ROLES, params)}`;
  const countParams = [...params];
  const countWhere = where;
  const view = query.view ?? 'open';
  if (view !== 'all') {
    params.push(staff.id);
    where += view === 'mine' ? ` and c.assignee_id = $${params.length}` : ` and (c.assignee_id is null or c.assignee_id = $${params.length})`;
  }
  if (query.step) {
    params.push(query.step);
    where += ` and c.current_step_key = $${params.length}`;
  }
  if (query.q) {
    if (query.q.length > 60) throw new AppError('VALIDATION_FAILED', 400, { field: 'q', reason: 'TOO_LONG' }, { field: 'q' });
    params.push(`${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    const byNumber = `c.number like $${params.length}`;
    // an ID number or mobile typed whole finds the cases whose form holds it, by its blind index
    if (PERSONAL_QUERY.test(query.q.trim())) {
      params.push(pii.index(query.q));
      where += ` and (${byNumber} or exists (select 1 from jsonb_each(c.form_pii) f where f.value->>'index' = $${params.length}))`;
    } else where += ` and ${byNumber}`;
  }
  const result = await page(q, where, params, 'c.promised_due nulls last, c.submitted_at', query);
  const counts = await q.query<{ step: string; n: number }>(
    `select c.current_step_key as step, count(*) as n from case_record c where ${countWhere} group by 1`,
    countParams,
  );
  return { ...result, counts: Object.fromEntries(counts.map((r) => [r.step, Number(r.n)])) };
}

/**
 * 办件进度公开查询: the number and the query code printed on the receipt or shown to the
 * applicant; only non-personal data (no names, no form, no opinions).
 */
export async function publicProgress(q: Queryable, number: string, code: string): Promise<Progress> {
  const c = await q.one<CaseRow>(`select ${CASE_COLUMNS} from case_record c where c.number = $1`, [number]);
  // one answer for an unknown number and a wrong code, so numbers cannot be probed
  if (!c || !c.query_code || c.query_code !== code.toUpperCase()) throw new AppError('CASE_PROGRESS_NOT_FOUND', 404);
  const events = await q.query<{ at: Date; kind: string; step_key: string | null }>(
    `select at, kind, step_key from case_event where case_id = $1 and kind <> 'draft_created' and kind <> 'claimed' and kind <> all($2::text[]) order by at, id`,
    [c.id, STAFF_ONLY_KINDS],
  );
  const v = presentCase(c);
  return {
    number: c.number!,
    itemName: c.item_name,
    status: c.status,
    outcome: c.outcome,
    step: v.currentStep?.name ?? null,
    submittedAt: v.submittedAt,
    acceptedAt: v.acceptedAt,
    completedAt: v.completedAt,
    promisedDue: c.promised_due,
    timeline: events.map((e) => ({ at: new Date(e.at).toISOString(), kind: e.kind, stepKey: e.step_key })),
  };
}
