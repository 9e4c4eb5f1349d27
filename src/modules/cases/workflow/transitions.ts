import type { Actor, Role, StaffActor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { conflict } from '../../../kernel/errors.ts';
import { emit } from '../../../kernel/events/index.ts';
import { t } from '../../../kernel/i18n/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { personView, queueSms } from '../../identity/index.ts';
import { CASE_TOPICS, type TransitionKind } from '../events.ts';
import { CASE_COLUMNS, type CaseRow } from '../model.ts';

const JSONB_COLUMNS = new Set(['form_data', 'form_pii', 'steps', 'correction_items', 'special_procedure', 'commitment', 'instant_result']);

/**
 * Changes the case row, guarded by the version the caller read: a second writer that read the
 * same version gets 409 and writes nothing. Callers hold the row lock (select … for update).
 */
export async function updateCase(tx: Tx, c: CaseRow, fields: Record<string, unknown>): Promise<CaseRow> {
  const keys = Object.keys(fields);
  const params: unknown[] = [c.id, c.version];
  const sets = keys.map((k) => {
    const v = fields[k];
    params.push(JSONB_COLUMNS.has(k) && v !== null ? JSON.stringify(v) : v);
    return `${k} = $${params.length}`;
  });
  const row = await tx.one<CaseRow>(
    `update case_record c set ${[...sets, 'version = c.version + 1', 'updated_at = clock_now()'].join(', ')}
      where c.id = $1 and c.version = $2 returning ${CASE_COLUMNS}`,
    params,
  );
  if (!row) throw conflict('VERSION_CONFLICT', {}, { current: c.version });
  return row;
}

export function checkVersion(c: CaseRow, version: number): void {
  if (c.version !== version) throw conflict('VERSION_CONFLICT', {}, { current: c.version });
}

export interface TransitionRecord {
  /** The timeline kind; it names the outbox topic too (`CASE_TOPICS`). */
  kind: TransitionKind;
  stepKey?: string | null;
  opinion?: string | null;
  details?: Record<string, unknown>;
  /** Text key cases.sms.<kind> sent to the applicant; omit for internal steps. */
  notify?: boolean;
}

const actorName = (actor: Actor) => (actor.kind === 'person' || actor.kind === 'staff' ? actor.name : null);

/**
 * The role a staff member acted in, for the timeline: one of theirs that the step's roles name
 * (the step the entry is about, else the case's current one), else their first.
 */
export function actingRole(actor: StaffActor, c: CaseRow, stepKey: string | null | undefined): Role | null {
  const step = c.steps.find((s) => s.key === stepKey) ?? c.steps[c.current_step];
  const held = actor.roles.map((g) => g.role);
  return held.find((r) => step?.roles.includes(r)) ?? held[0] ?? null;
}

/**
 * Every transition leaves the same traces in the same transaction: a timeline entry, an audit
 * entry, an outbox event (`CASE_TOPICS[kind]`) for other modules, and an SMS to the applicant (unless the
 * case is a bundle member).
 */
export async function recordTransition(tx: Tx, pii: PersonalData, actor: Actor, c: CaseRow, r: TransitionRecord): Promise<void> {
  const eventId = uuidv7();
  const actorId = 'id' in actor && /^[0-9a-f-]{36}$/.test(actor.id) ? actor.id : null;
  await tx.query(
    `insert into case_event (id, case_id, kind, step_key, actor_kind, actor_id, actor_name, opinion, details, actor_department, actor_role)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      eventId, c.id, r.kind, r.stepKey ?? null, actor.kind, actorId, actorName(actor), r.opinion ?? null, JSON.stringify(r.details ?? {}),
      actor.kind === 'staff' ? actor.departmentName : null, actor.kind === 'staff' ? actingRole(actor, c, r.stepKey) : null,
    ],
  );
  await appendAudit(tx, actor, {
    action: `case.${r.kind}`,
    objectType: 'case',
    objectId: c.id,
    regionCode: c.region_code,
    details: { number: c.number, status: c.status, step: r.stepKey ?? null, ...(r.details ?? {}) },
  });
  await emit(
    tx,
    CASE_TOPICS[r.kind],
    { caseId: c.id, eventId, number: c.number, status: c.status, outcome: c.outcome, itemId: c.item_id, departmentId: c.department_id, step: r.stepKey ?? null, opinion: r.opinion ?? null },
    { regionCode: c.region_code, dedupeKey: `case-event:${eventId}` },
  );
  if (r.notify && c.number && !(await inBundle(tx, c.id))) await notifyApplicant(tx, pii, c, r.kind);
}

/** A member of a 一件事 does not text the applicant: the bundle tells each change once (bundle-notices.ts). */
const inBundle = async (tx: Tx, caseId: string) => Boolean(await tx.one('select 1 from case_bundle_member where case_id = $1', [caseId]));

/** SMS to the person who applied (the agent for an enterprise). A person without a phone gets none. */
async function notifyApplicant(tx: Tx, pii: PersonalData, c: CaseRow, kind: string): Promise<void> {
  const personId = c.agent_person_id ?? c.applicant_person_id ?? c.owner_person_id;
  const person = await personView(tx, pii, personId, true);
  if (!person?.phone) return;
  const text = t('zh-CN', `cases.sms.${kind}`, { number: c.number ?? '', item: c.item_name, code: c.query_code ?? '' });
  await queueSms(tx, pii, person.phone, text);
}
