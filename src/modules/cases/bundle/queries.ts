import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable, Row } from '../../../kernel/db/index.ts';
import { AppError, forbidden, unauthenticated } from '../../../kernel/errors.ts';
import { departmentRefsById } from '../../org/index.ts';
import { bundleKeyOf, planFor, type BundlePlan } from './plan.ts';
import { bundleStatus, type BundleOutcome, type BundleStatus } from './status.ts';
import { BUNDLE_COLUMNS, membersOf, readableBundle, type BundleCaseRow, type MemberRow } from './store.ts';
import { CASE_COLUMNS, presentCase, STAFF_ONLY_KINDS, type CaseRow } from '../model.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { openForm } from '../personal-form.ts';
import type { BundleCaseDetail, BundleMemberView, BundleProgress, BundleTimelineEntry, MyBundles } from './schemas.ts';

/** What the applicant (and, without personal data, the public) sees of a bundle case: one case. */

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const latest = (xs: (string | null)[]) => xs.reduce<string | null>((a, x) => (x && (!a || x > a) ? x : a), null);

async function caseRows(q: Queryable, ids: string[]): Promise<Map<string, CaseRow>> {
  if (!ids.length) return new Map();
  const rows = await q.query<CaseRow>(`select ${CASE_COLUMNS} from case_record c where c.id = any($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

interface Summary {
  status: BundleStatus;
  outcome: BundleOutcome;
  promisedDue: string | null;
  overdue: boolean;
  completedAt: string | null;
}

/** The bundle's status and clock from its members: the latest member deadline is the bundle's. */
function summarise(b: BundleCaseRow, cases: CaseRow[]): Summary {
  const s = bundleStatus(b.state, cases);
  return {
    ...s,
    promisedDue: latest(cases.map((c) => c.promised_due)),
    overdue: cases.some((c) => c.overdue),
    completedAt: s.status === 'completed' || (b.state === 'submitted' && s.status === 'withdrawn') ? latest(cases.map((c) => iso(c.completed_at))) : null,
  };
}

function memberView(m: MemberRow, c: CaseRow | undefined, departments: Map<string, { name: string }>): BundleMemberView {
  const v = c ? presentCase(c) : undefined;
  return {
    position: m.position,
    itemId: m.itemId,
    itemCode: m.itemCode,
    itemName: m.itemName,
    step: m.step,
    optional: m.optional,
    departmentName: c ? (departments.get(c.department_id)?.name ?? null) : null,
    case: v
      ? {
          id: v.id,
          number: v.number,
          status: v.status,
          outcome: v.outcome,
          steps: v.steps.map((s) => ({ key: s.key, name: s.name })),
          currentStep: v.currentStep ? { key: v.currentStep.key, name: v.currentStep.name, index: v.currentStep.index } : null,
          promisedDue: v.clock.promisedDue,
          overdue: v.clock.overdue,
          completedAt: v.completedAt,
          version: v.version,
        }
      : null,
  };
}

/** The 补正 lists of the members in correction, told in the bundle's field names and material keys. */
function corrections(plan: BundlePlan, members: MemberRow[], cases: Map<string, CaseRow>) {
  const items = members.flatMap((m) => {
    const c = m.caseId ? cases.get(m.caseId) : undefined;
    if (c?.status !== 'correction') return [];
    return (c.correction_items ?? []).map((i) => ({
      itemName: m.itemName,
      note: i.note,
      materialKey: i.materialKey ? (bundleKeyOf(plan, m.position, i.materialKey) ?? null) : null,
      field: i.field ? ([...plan.fieldMap.entries()].find(([, ts]) => ts.some((t) => t.position === m.position && t.field === i.field))?.[0] ?? i.field) : null,
    }));
  });
  return items.length ? items : null;
}

interface TimelineRow extends Row {
  at: Date;
  kind: string;
  case_id: string | null;
  step_key: string | null;
  actor_name: string | null;
  opinion: string | null;
}

/** One timeline: the bundle's own entries and every member's transitions, each member's named. */
async function timeline(q: Queryable, b: BundleCaseRow, members: MemberRow[], withPeople: boolean): Promise<BundleTimelineEntry[]> {
  const ids = members.flatMap((m) => (m.caseId ? [m.caseId] : []));
  const rows = await q.query<TimelineRow>(
    // the notices repeat what the entries below say; the applicant reads them in 我的消息
    `select at, kind, null::uuid as case_id, null as step_key, actor_name, null as opinion, id from case_bundle_event
      where bundle_case_id = $1 and kind not like 'notice\\_%'
     union all
     select at, kind, case_id, step_key, actor_name, opinion, id from case_event
      where case_id = any($2::uuid[]) and kind not in ('draft_created', 'claimed', 'submitted')
     order by at, id`,
    [b.id, ids],
  );
  const itemOf = new Map(members.map((m) => [m.caseId, m.itemName]));
  return rows
    // the bundle is the applicant's (or the public's) view: staff-only entries never show
    .filter((r) => (withPeople || r.kind !== 'draft_created') && !STAFF_ONLY_KINDS.includes(r.kind))
    .map((r) => ({
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      itemName: r.case_id ? (itemOf.get(r.case_id) ?? null) : null,
      stepKey: r.step_key,
      ...(withPeople ? { actorName: r.actor_name, opinion: r.opinion } : {}),
    }));
}

async function filesOf(q: Queryable, bundleCaseId: string) {
  const rows = await q.query<{ id: string; material_key: string; file_name: string; mime: string; size: number; stage: string; uploaded_at: Date }>(
    'select id, material_key, file_name, mime, size, stage, uploaded_at from case_bundle_file where bundle_case_id = $1 order by uploaded_at, id',
    [bundleCaseId],
  );
  return rows.map((r) => ({ id: r.id, materialKey: r.material_key, fileName: r.file_name, mime: r.mime, size: Number(r.size), stage: r.stage, uploadedAt: iso(r.uploaded_at)! }));
}

/** Whom the base libraries are asked about for a bundle: its applicant person, or the enterprise (as its member cases will say). */
const bundleSubject = (b: BundleCaseRow) => ({
  applicant_person_id: b.applicant_kind === 'person' ? b.owner_person_id : null,
  applicant_enterprise_id: b.applicant_enterprise_id,
});

export async function getBundleCaseDetail(q: Queryable, pii: PersonalData, actor: Actor, id: string): Promise<BundleCaseDetail> {
  const b = await readableBundle(q, actor, id);
  const members = await membersOf(q, b.id);
  const cases = await caseRows(q, members.flatMap((m) => (m.caseId ? [m.caseId] : [])));
  const frozen = new Map(members.flatMap((m) => (m.caseId && cases.get(m.caseId) ? [[m.position, cases.get(m.caseId)!.item_version_id] as const] : [])));
  const plan = await planFor(q, members, frozen, { pii, subject: bundleSubject(b) });
  const departments = await departmentRefsById(q, [...cases.values()].map((c) => c.department_id));
  const summary = summarise(b, [...cases.values()]);
  const files = await filesOf(q, b.id);
  const actions =
    summary.status === 'draft' ? ['save', 'upload', 'submit', 'withdraw']
    : summary.status === 'correction' ? ['save', 'upload', 'resubmit', 'withdraw']
    : summary.status === 'submitted' || summary.status === 'processing' ? ['withdraw']
    : [];
  return {
    bundleCase: {
      id: b.id,
      number: b.number,
      queryCode: b.query_code,
      state: b.state,
      ...summary,
      bundleCode: b.bundle_code,
      bundleName: b.bundle_name,
      regionCode: b.region_code,
      applicantName: b.applicant_name,
      // only its applicant reads a bundle case (readableBundle): their own form, in clear
      formData: openForm(pii, b),
      prefilledFrom: b.prefilled_from ?? {},
      submittedAt: iso(b.submitted_at),
      createdAt: iso(b.created_at)!,
      version: b.version,
    },
    members: members.map((m) => memberView(m, m.caseId ? cases.get(m.caseId) : undefined, departments)),
    form: plan.form,
    materials: plan.materials.map((m) => ({ ...m, files: files.filter((f) => f.materialKey === m.key) })),
    correction: corrections(plan, members, cases),
    timeline: await timeline(q, b, members, true),
    actions,
  };
}
export type { BundleCaseDetail };

/**
 * 我的一件事: the applicant's bundle cases with their members' progress, and the member case ids
 * so the list of single cases can show them inside their bundle instead of one by one.
 */
export async function myBundleCases(q: Queryable, actor: Actor, query: { page: number; pageSize: number }): Promise<MyBundles> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'applicant' });
  const [where, param] = actor.actingFor
    ? ['b.applicant_enterprise_id = $1', actor.actingFor.enterpriseId]
    : [`b.owner_person_id = $1 and b.applicant_kind = 'person'`, actor.id];
  const rows = await q.query<BundleCaseRow & { total: number }>(
    `select ${BUNDLE_COLUMNS}, count(*) over () as total from case_bundle b where ${where} and b.state <> 'withdrawn'
      order by b.created_at desc limit $2 offset $3`,
    [param, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const items: MyBundles['items'] = [];
  for (const b of rows) {
    const members = await membersOf(q, b.id);
    const cases = await caseRows(q, members.flatMap((m) => (m.caseId ? [m.caseId] : [])));
    const summary = summarise(b, [...cases.values()]);
    items.push({
      id: b.id,
      number: b.number,
      bundleName: b.bundle_name,
      status: summary.status,
      outcome: summary.outcome,
      promisedDue: summary.promisedDue,
      submittedAt: iso(b.submitted_at),
      members: members.map((m) => {
        const c = m.caseId ? cases.get(m.caseId) : undefined;
        return { caseId: m.caseId, itemName: m.itemName, status: c?.status ?? null, outcome: c?.outcome ?? null };
      }),
      version: b.version,
    });
  }
  return { items, total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
}

/**
 * 一件事进度公开查询 by the bundle's number and query code: the bundle and each department's part,
 * no names, no form, no opinions. One answer for an unknown number and a wrong code.
 */
export async function publicBundleProgress(q: Queryable, number: string, code: string): Promise<BundleProgress> {
  const b = await q.one<BundleCaseRow>(`select ${BUNDLE_COLUMNS} from case_bundle b where b.number = $1`, [number]);
  if (!b || !b.query_code || b.query_code !== code.toUpperCase()) throw new AppError('CASE_BUNDLE_PROGRESS_NOT_FOUND', 404);
  const members = await membersOf(q, b.id);
  const cases = await caseRows(q, members.flatMap((m) => (m.caseId ? [m.caseId] : [])));
  const departments = await departmentRefsById(q, [...cases.values()].map((c) => c.department_id));
  const summary = summarise(b, [...cases.values()]);
  return {
    number: b.number!,
    bundleName: b.bundle_name,
    status: summary.status,
    outcome: summary.outcome,
    promisedDue: summary.promisedDue,
    submittedAt: iso(b.submitted_at),
    completedAt: summary.completedAt,
    members: members.map((m) => {
      const v = memberView(m, m.caseId ? cases.get(m.caseId) : undefined, departments);
      return { itemName: v.itemName, departmentName: v.departmentName, status: v.case?.status ?? null, outcome: v.case?.outcome ?? null, step: v.case?.currentStep?.name ?? null };
    }),
    timeline: await timeline(q, b, members, false),
  };
}
