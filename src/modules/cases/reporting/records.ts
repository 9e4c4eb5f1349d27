import type { Actor, Role } from '../../../kernel/actor.ts';
import { canAct, grantsFor, requireRole, scopeCondition } from '../../../kernel/auth.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { AppError, forbidden, notFound } from '../../../kernel/errors.ts';
import { isWithinRegion, regionPrefix } from '../../../kernel/region-code.ts';
import { maskIdNumber, maskPhone } from '../../../kernel/validate/idcard.ts';
import { getVersionById, type PublishedVersion } from '../../catalog/index.ts';
import { departmentRefsById, type DepartmentRef } from '../../org/index.ts';
import { materialKeyOf } from '../application/materials.ts';
import { periodBounds, type Period } from './period.ts';

/**
 * 办件信息 export in the shape of the national exchange tables (STANDARDS.md §2.6). Every field
 * name the export uses is in RECORD_FIELDS below — the one place to read when a province asks
 * "where does 受理时间 come from". Times are Asia/Shanghai 'YYYY-MM-DD HH:mm:ss', as the
 * exchange tables carry them; ID numbers and phones are masked (no clear-read purpose exists yet).
 */
export const RECORD_FIELDS = {
  /** 受理信息 up_pro_accept: one per case. */
  受理信息: {
    办件编号: 'case_record.number',
    业务办理项编码: 'case_record.item_code',
    实施编码: 'catalogue version implementationCode (frozen version)',
    事项名称: 'case_record.item_name',
    事项版本: 'catalogue versionNo of case_record.item_version_id',
    申请人名称: 'case_record.applicant_name',
    申请人类型: "case_record.applicant_kind: person → 自然人, enterprise → 法人",
    证件类型: '自然人 → 居民身份证, 法人 → 统一社会信用代码',
    证件号码: 'form id_number / applicant_id_number (masked), or uscc / entity_uscc',
    联系人姓名: 'form agent_name / contact_name / applicant_name / name',
    联系人证件号码: 'form agent_id_number / contact_id_number (masked)',
    联系人手机: 'form agent_phone / contact_phone / applicant_phone / phone (masked)',
    法定代表人: 'form legal_representative',
    通讯地址: 'form address / entity_address / applicant_address',
    邮编: 'form postcode',
    申请时间: 'case_record.submitted_at',
    受理时间: 'case_record.accepted_at',
    受理文书编号: 'null: no acceptance notice document is issued yet',
    受理部门: 'org department name of case_record.department_id',
    受理部门编码: 'org department USCC',
    受理人员: "actor of the case_event 'accepted' / 'accepted_deferred' / 'completed_at_acceptance' / 'refused'",
    办理摘要: '事项名称 + applicant, no personal data',
    申请类型: 'case_record.channel: online → 网上申报, window → 窗口申报',
    办理类型: 'case_record.case_type: immediate → 即办件, promised → 承诺件',
    承诺办结时间: 'case_record.promised_due (working days, extended by clock pauses)',
  },
  /** 过程信息 up_pro_process: one per case_event of a PROCESS_ACTIONS kind, in order. */
  过程信息: {
    办件编号: 'case_record.number',
    办理环节名称: "name of case_event.step_key in case_record.steps ('申报' when the applicant acted)",
    业务动作: 'PROCESS_ACTIONS[case_event.kind]',
    环节开始时间: 'time of the previous process entry (for the first: the case event itself)',
    环节结束时间: 'case_event.at',
    办理意见: 'case_event.opinion',
    办理人员: 'case_event.actor_name',
  },
  /**
   * 特别程序 up_pro_special_procedure: a special_procedure_started event paired with the next event
   * that ends the same procedure (details.procedure): special_procedure_ended, or a step action
   * carrying details.specialProcedure (approving or returning a special-procedure step ends it).
   */
  特别程序: {
    办件编号: 'case_record.number',
    种类: 'details.name (else details.procedure) of the started event',
    启动理由或依据: 'opinion (or details.reason) of the started event',
    开始时间: 'at of the started event',
    结束时间: 'at of the ending event (null while running)',
    办理意见: 'opinion of the ending event',
    结果: 'details.result of the ending event, else its opinion (the result recorded by endSpecial)',
  },
  /** 结果信息 up_pro_result: present once the case is finished (completed, refused, withdrawn). */
  结果信息: {
    办件编号: 'case_record.number',
    办结时间: 'case_record.completed_at',
    办结结果: 'RESULT_NAMES[outcome or status]',
    结果描述: 'opinion of the final case_event',
    结果证照名称: 'case_result_licence.type_name: the type of the licence the case issued (null when none)',
    结果证照编号: 'case_result_licence.identifier (GB/T 36904)',
    是否快递递送结果: '否: result delivery by post is not built',
    满意度: 'case_satisfaction.level_name: the completion-stage rating (好差评), noted by the ratings module; null until rated or defaulted',
  },
  /** 材料信息 up_pro_material: one per material key that has files. */
  材料信息: {
    办件编号: 'case_record.number',
    材料名称: 'name of the material in the frozen item version (the key when unknown)',
    收取方式: 'case_record.channel: online → 电子上传, window → 窗口扫描',
    收取数量: 'number of case_material files of that key',
    附件名称: 'case_material.file_name of each file',
  },
} as const;

/** 业务动作 of each timeline kind that goes into 过程信息. */
export const PROCESS_ACTIONS: Record<string, string> = {
  submitted: '申报',
  resubmitted: '补正提交',
  claimed: '签收',
  accepted: '受理',
  accepted_deferred: '容缺受理',
  completed_at_acceptance: '受理并办结(即办)',
  refused: '不予受理',
  correction_requested: '补正告知',
  step_approved: '审查通过',
  step_disapproved: '审查不通过',
  returned: '退回',
  approved: '决定:准予',
  disapproved: '决定:不予',
  withdrawn: '撤回',
  warning_yellow: '预警',
  overdue: '超期',
  deferred_reminder: '容缺材料催交',
  supervision_ordered: '督办',
  supervision_replied: '督办回复',
  assigned: '指派',
  transferred: '转办',
};

/** 办结结果 by the outcome (completed cases) or the final status. */
export const RESULT_NAMES: Record<string, string> = {
  approved: '准予许可',
  disapproved: '不予许可',
  refused: '不予受理',
  withdrawn: '撤回',
};

const SPECIAL_STARTED = 'special_procedure_started';
const SPECIAL_ENDED = 'special_procedure_ended';
const FINAL_KINDS = new Set(['approved', 'disapproved', 'completed_at_acceptance', 'refused', 'withdrawn']);
const ACCEPT_KINDS = new Set(['accepted', 'accepted_deferred', 'completed_at_acceptance', 'refused']);

/** Who may export records: the reporting roles, within their scope. */
export const RECORD_ROLES: readonly Role[] = ['department_admin', 'administrator', 'leader'];

type Text = string | null;
export interface CaseRecords {
  受理信息: Record<keyof (typeof RECORD_FIELDS)['受理信息'], Text>;
  过程信息: Record<keyof (typeof RECORD_FIELDS)['过程信息'], Text>[];
  特别程序: Record<keyof (typeof RECORD_FIELDS)['特别程序'], Text>[];
  结果信息: Record<keyof (typeof RECORD_FIELDS)['结果信息'], Text> | null;
  材料信息: (Record<Exclude<keyof (typeof RECORD_FIELDS)['材料信息'], '收取数量' | '附件名称'>, Text> & { 收取数量: number; 附件名称: string[] })[];
}

interface RecordCase {
  id: string;
  number: string;
  status: string;
  outcome: string | null;
  channel: string;
  item_code: string;
  item_name: string;
  item_version_id: string;
  case_type: string;
  region_code: string;
  department_id: string;
  applicant_kind: string;
  applicant_name: string;
  form_data: Record<string, unknown>;
  steps: { key: string; name: string }[];
  submitted_at: Date | null;
  accepted_at: Date | null;
  completed_at: Date | null;
  promised_due: string | null;
  cursor_at: string;
  [k: string]: unknown;
}

interface EventRow {
  case_id: string;
  at: Date;
  kind: string;
  step_key: string | null;
  actor_name: string | null;
  opinion: string | null;
  details: Record<string, unknown>;
  [k: string]: unknown;
}

interface MaterialRow {
  case_id: string;
  material_key: string;
  file_name: string;
  [k: string]: unknown;
}

const RECORD_COLUMNS = `c.id, c.number, c.status, c.outcome, c.channel, c.item_code, c.item_name, c.item_version_id, c.case_type,
  c.region_code, c.department_id, c.applicant_kind, c.applicant_name, c.form_data, c.steps, c.submitted_at, c.accepted_at,
  c.completed_at, to_char(c.promised_due, 'YYYY-MM-DD') as promised_due,
  to_char(c.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`;

const TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const time = (d: Date | null | undefined): Text => (d ? TIME.format(new Date(d)) : null);

/** The first non-empty text among the form fields named. */
function formText(form: Record<string, unknown>, keys: readonly string[]): Text {
  for (const k of keys) {
    const v = form[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}
const masked = (v: Text, mask: (s: string) => string): Text => (v ? mask(v) : null);

/** Per export: catalogue versions and departments are looked up once, not once per case. */
class Lookups {
  private versions = new Map<string, Promise<PublishedVersion | undefined>>();
  private departments = new Map<string, DepartmentRef>();
  private readonly q: Queryable;

  constructor(q: Queryable) {
    this.q = q;
  }

  version(id: string) {
    let v = this.versions.get(id);
    if (!v) this.versions.set(id, (v = getVersionById(this.q, id)));
    return v;
  }

  async loadDepartments(ids: string[]) {
    const missing = ids.filter((id) => !this.departments.has(id));
    for (const [id, ref] of await departmentRefsById(this.q, missing)) this.departments.set(id, ref);
  }

  department(id: string) {
    return this.departments.get(id);
  }
}

function acceptRecord(c: RecordCase, events: EventRow[], v: PublishedVersion | undefined, dept: DepartmentRef | undefined): CaseRecords['受理信息'] {
  const f = c.form_data ?? {};
  const person = c.applicant_kind === 'person';
  const acceptor = events.find((e) => ACCEPT_KINDS.has(e.kind));
  return {
    办件编号: c.number,
    业务办理项编码: c.item_code,
    实施编码: v?.implementationCode ?? null,
    事项名称: c.item_name,
    事项版本: v ? String(v.versionNo) : null,
    申请人名称: c.applicant_name,
    申请人类型: person ? '自然人' : '法人',
    证件类型: person ? '居民身份证' : '统一社会信用代码',
    证件号码: person ? masked(formText(f, ['id_number', 'applicant_id_number']), maskIdNumber) : formText(f, ['uscc', 'entity_uscc', 'enterprise_uscc']),
    联系人姓名: formText(f, ['agent_name', 'contact_name', 'applicant_name', 'name']),
    联系人证件号码: masked(formText(f, ['agent_id_number', 'contact_id_number', ...(person ? ['id_number', 'applicant_id_number'] : [])]), maskIdNumber),
    联系人手机: masked(formText(f, ['agent_phone', 'contact_phone', 'applicant_phone', 'phone']), maskPhone),
    法定代表人: formText(f, ['legal_representative']),
    通讯地址: formText(f, ['address', 'entity_address', 'applicant_address']),
    邮编: formText(f, ['postcode']),
    申请时间: time(c.submitted_at),
    受理时间: time(c.accepted_at),
    受理文书编号: null,
    受理部门: dept?.name ?? null,
    受理部门编码: dept?.uscc ?? null,
    受理人员: acceptor?.actor_name ?? null,
    办理摘要: `${c.applicant_name}申请${c.item_name}`,
    申请类型: c.channel === 'window' ? '窗口申报' : '网上申报',
    办理类型: c.case_type === 'immediate' ? '即办件' : '承诺件',
    承诺办结时间: c.promised_due,
  };
}

function processRecords(c: RecordCase, events: EventRow[]): CaseRecords['过程信息'] {
  const stepName = new Map(c.steps.map((s) => [s.key, s.name]));
  const out: CaseRecords['过程信息'] = [];
  let previous: Date | null = null;
  for (const e of events) {
    const action = PROCESS_ACTIONS[e.kind];
    if (!action) continue;
    out.push({
      办件编号: c.number,
      办理环节名称: e.step_key ? (stepName.get(e.step_key) ?? e.step_key) : '申报',
      业务动作: action,
      环节开始时间: time(previous ?? e.at),
      环节结束时间: time(e.at),
      办理意见: e.opinion,
      办理人员: e.actor_name,
    });
    previous = e.at;
  }
  return out;
}

const text = (v: unknown): Text => (typeof v === 'string' && v ? v : null);
/** The procedure an event starts or ends: its own details, or those of a step action that ended it on the way. */
const procedureOf = (e: EventRow): Record<string, unknown> | null =>
  e.kind === SPECIAL_STARTED || e.kind === SPECIAL_ENDED ? e.details : ((e.details.specialProcedure as Record<string, unknown> | undefined) ?? null);
const procedureKey = (d: Record<string, unknown>) => String(d.procedure ?? d.name ?? '');

function specialRecords(c: RecordCase, events: EventRow[]): CaseRecords['特别程序'] {
  const out: CaseRecords['特别程序'] = [];
  const open = new Map<string, CaseRecords['特别程序'][number]>();
  for (const e of events) {
    const d = procedureOf(e);
    if (!d) continue;
    if (e.kind === SPECIAL_STARTED) {
      const row = {
        办件编号: c.number,
        种类: text(d.name) ?? text(d.procedure),
        启动理由或依据: e.opinion ?? text(d.reason),
        开始时间: time(e.at),
        结束时间: null,
        办理意见: null,
        结果: null,
      };
      out.push(row);
      open.set(procedureKey(d), row);
    } else {
      const row = open.get(procedureKey(d));
      if (!row) continue;
      open.delete(procedureKey(d));
      row.结束时间 = time(e.at);
      row.办理意见 = e.opinion;
      row.结果 = text(d.result) ?? e.opinion;
    }
  }
  return out;
}

interface ResultExtras {
  licence?: { identifier: string; type_name: string | null };
  satisfaction?: { level_name: string };
}

function resultRecord(c: RecordCase, events: EventRow[], extras: ResultExtras): CaseRecords['结果信息'] {
  if (!['completed', 'refused', 'withdrawn'].includes(c.status)) return null;
  const final = [...events].reverse().find((e) => FINAL_KINDS.has(e.kind));
  return {
    办件编号: c.number,
    办结时间: time(c.completed_at),
    办结结果: RESULT_NAMES[c.status === 'completed' ? (c.outcome ?? 'approved') : c.status] ?? null,
    结果描述: final?.opinion ?? null,
    结果证照名称: extras.licence?.type_name ?? null,
    结果证照编号: extras.licence?.identifier ?? null,
    是否快递递送结果: '否',
    满意度: extras.satisfaction?.level_name ?? null,
  };
}

function materialRecords(c: RecordCase, files: MaterialRow[], v: PublishedVersion | undefined): CaseRecords['材料信息'] {
  const names = new Map((v?.content.materials ?? []).map((m, i) => [materialKeyOf(m, i), m.name]));
  const byKey = new Map<string, string[]>();
  for (const f of files) byKey.set(f.material_key, [...(byKey.get(f.material_key) ?? []), f.file_name]);
  return [...byKey].map(([key, fileNames]) => ({
    办件编号: c.number,
    材料名称: names.get(key) ?? key,
    收取方式: c.channel === 'window' ? '窗口扫描' : '电子上传',
    收取数量: fileNames.length,
    附件名称: fileNames,
  }));
}

/** The five record kinds of a batch of cases: events, files, result licences and satisfaction read in five statements. */
async function build(q: Queryable, cases: RecordCase[], lookups: Lookups): Promise<CaseRecords[]> {
  if (!cases.length) return [];
  const ids = cases.map((c) => c.id);
  const events = await q.query<EventRow>(
    `select case_id, at, kind, step_key, actor_name, opinion, details from case_event where case_id = any($1::uuid[]) order by case_id, at, id`,
    [ids],
  );
  const files = await q.query<MaterialRow>(
    `select case_id, material_key, file_name from case_material where case_id = any($1::uuid[]) order by case_id, material_key, uploaded_at, id`,
    [ids],
  );
  const licences = await q.query<{ case_id: string; identifier: string; type_name: string | null }>(
    `select case_id, identifier, type_name from case_result_licence where case_id = any($1::uuid[])`,
    [ids],
  );
  const satisfaction = await q.query<{ case_id: string; level_name: string }>(`select case_id, level_name from case_satisfaction where case_id = any($1::uuid[])`, [ids]);
  await lookups.loadDepartments([...new Set(cases.map((c) => c.department_id))]);
  const group = <T extends { case_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.case_id, [...(m.get(r.case_id) ?? []), r]);
    return m;
  };
  const eventsOf = group(events);
  const filesOf = group(files);
  const licenceOf = new Map(licences.map((l) => [l.case_id, l]));
  const satisfactionOf = new Map(satisfaction.map((s) => [s.case_id, s]));
  // one statement at a time (versions are cached): q may be a transaction's single connection
  const out: CaseRecords[] = [];
  for (const c of cases) {
    const v = await lookups.version(c.item_version_id);
    const ev = eventsOf.get(c.id) ?? [];
    out.push({
      受理信息: acceptRecord(c, ev, v, lookups.department(c.department_id)),
      过程信息: processRecords(c, ev),
      特别程序: specialRecords(c, ev),
      结果信息: resultRecord(c, ev, { licence: licenceOf.get(c.id), satisfaction: satisfactionOf.get(c.id) }),
      材料信息: materialRecords(c, filesOf.get(c.id) ?? [], v),
    });
  }
  return out;
}

/**
 * One case's records. Outside every reporting grant's region the case does not exist for the
 * caller (404); inside the region but another department's, 403. Drafts have no records.
 */
export async function caseRecords(q: Queryable, actor: Actor, id: string): Promise<CaseRecords> {
  const staff = requireRole(actor, RECORD_ROLES);
  const c = await q.one<RecordCase>(`select ${RECORD_COLUMNS} from case_record c where c.id = $1 and c.number is not null`, [id]);
  if (!c) throw notFound('case', id);
  if (!canAct(staff, RECORD_ROLES, { regionCode: c.region_code, departmentId: c.department_id })) {
    if (!grantsFor(staff, RECORD_ROLES).some((g) => isWithinRegion(c.region_code, g.regionCode))) throw notFound('case', id);
    throw forbidden({ departmentId: c.department_id });
  }
  return (await build(q, [c], new Lookups(q)))[0]!;
}

export interface RecordsQuery extends Period {
  regionCode?: string;
  departmentId?: string;
  /** Opaque position returned as nextCursor by the previous page. */
  cursor?: string;
  limit?: number;
}

export interface RecordsPage {
  items: CaseRecords[];
  nextCursor: string | null;
}

const encodeCursor = (c: RecordCase) => Buffer.from(`${c.cursor_at}|${c.id}`).toString('base64url');
function decodeCursor(cursor: string): [string, string] | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(at) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return [at, id];
}

/**
 * A page of cases submitted in the period, in the caller's scope, ordered by submission then
 * id; the cursor continues after the last one, so an export of any size is read page by page
 * and never held in memory.
 */
export async function recordsPage(q: Queryable, actor: Actor, query: RecordsQuery, lookups = new Lookups(q)): Promise<RecordsPage> {
  const staff = requireRole(actor, RECORD_ROLES);
  const { start, end } = periodBounds(query);
  const limit = Math.min(Math.max(query.limit ?? 200, 1), 1000);
  const params: unknown[] = [start, end];
  let where = `c.number is not null and c.submitted_at >= $1 and c.submitted_at < $2
    and ${scopeCondition(staff, RECORD_ROLES, { region: 'c.region_code', department: 'c.department_id' }, params)}`;
  if (query.regionCode) {
    params.push(`${regionPrefix(query.regionCode)}%`);
    where += ` and c.region_code like $${params.length}`;
  }
  if (query.departmentId) {
    params.push(query.departmentId);
    where += ` and c.department_id = $${params.length}`;
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    if (!after) throw new AppError('RECORDS_CURSOR_INVALID', 422);
    params.push(after[0], after[1]);
    where += ` and (c.submitted_at, c.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  params.push(limit + 1);
  const rows = await q.query<RecordCase>(`select ${RECORD_COLUMNS} from case_record c where ${where} order by c.submitted_at, c.id limit $${params.length}`, params);
  const more = rows.length > limit;
  const cases = more ? rows.slice(0, limit) : rows;
  return { items: await build(q, cases, lookups), nextCursor: more ? encodeCursor(cases[cases.length - 1]!) : null };
}

/** Every page of an export in turn, sharing one set of lookups. */
export async function* allRecords(q: Queryable, actor: Actor, query: Omit<RecordsQuery, 'cursor'>): AsyncGenerator<CaseRecords> {
  const lookups = new Lookups(q);
  let cursor: string | undefined;
  do {
    const page = await recordsPage(q, actor, { ...query, cursor, limit: query.limit ?? 500 }, lookups);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
