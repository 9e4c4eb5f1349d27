import type { Tx } from '../../kernel/db/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { noteCaseSatisfaction } from '../cases/index.ts';
import { levelName, tagName, type Channel, type Stage } from './dictionary.ts';
import type { RatingView } from './schemas.ts';

/** The rated objects: set on the invitation, copied by its rating. */
export interface RatedObjects {
  case_id: string;
  case_number: string;
  stage: Stage;
  region_code: string;
  department_id: string;
  department_name: string;
  item_id: string;
  item_code: string;
  item_name: string;
  staff_id: string | null;
  staff_name: string | null;
  /** Set on the invitation of a window case (the counter where it was recorded). */
  hall_id?: string | null;
  hall_name?: string | null;
  window_id?: string | null;
  window_name?: string | null;
}

export interface RatingInput {
  level: number;
  channel: Channel;
  raterPersonId: string;
  dimensions?: Record<string, number>;
  tags?: string[];
  comment?: string;
  defaulted?: boolean;
  recordedBy?: string | null;
  /** At a window pad: the window, its hall and the clerk at the counter replace the case's handler. */
  place?: { hallId: string; hallName: string; windowId: string; windowName: string; staffId: string; staffName: string };
}

export interface RatingRow extends RatedObjects {
  id: string;
  invitation_id: string;
  hall_id: string | null;
  hall_name: string | null;
  window_id: string | null;
  window_name: string | null;
  rater_person_id: string;
  recorded_by_staff_id: string | null;
  channel: Channel;
  level: number;
  dimensions: Record<string, number>;
  tags: string[];
  comment: string;
  defaulted: boolean;
  excluded: boolean;
  excluded_reason: string | null;
  rated_at: Date;
  [k: string]: unknown;
}

export async function insertRating(tx: Tx, inv: RatedObjects & { id: string }, r: RatingInput): Promise<RatingRow> {
  const p = r.place;
  const row = await tx.one<RatingRow>(
    `insert into rating (id, invitation_id, case_id, case_number, stage, region_code, department_id, department_name, item_id, item_code, item_name,
        hall_id, hall_name, window_id, window_name, staff_id, staff_name, rater_person_id, recorded_by_staff_id, channel, level, dimensions, tags,
        comment, defaulted)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
     returning *`,
    [
      uuidv7(), inv.id, inv.case_id, inv.case_number, inv.stage, inv.region_code, inv.department_id, inv.department_name, inv.item_id,
      inv.item_code, inv.item_name, p ? p.hallId : inv.hall_id ?? null, p ? p.hallName : inv.hall_name ?? null,
      p ? p.windowId : inv.window_id ?? null, p ? p.windowName : inv.window_name ?? null,
      p ? p.staffId : inv.staff_id, p ? p.staffName : inv.staff_name, r.raterPersonId, r.recordedBy ?? null, r.channel, r.level,
      JSON.stringify(r.dimensions ?? {}), r.tags ?? [], r.comment ?? '', r.defaulted ?? false,
    ],
  );
  // the case's §2.6 result record carries the satisfaction of the rating after completion
  if (row!.stage === 'completed') await noteCaseSatisfaction(tx, row!.case_id, { level: row!.level, levelName: levelName(row!.level), defaulted: row!.defaulted, ratedAt: row!.rated_at });
  return row!;
}

export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** A rating as its rater and the responsible department see it. */
export function presentRating(r: RatingRow): RatingView {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    stage: r.stage,
    itemName: r.item_name,
    departmentName: r.department_name,
    hallName: r.hall_name,
    windowName: r.window_name,
    staffName: r.staff_name,
    channel: r.channel,
    level: r.level,
    levelName: levelName(r.level),
    dimensions: r.dimensions,
    tags: r.tags.map((code) => ({ code, name: tagName(code) })),
    comment: r.comment,
    defaulted: r.defaulted,
    excluded: r.excluded,
    excludedReason: r.excluded_reason,
    ratedAt: iso(r.rated_at)!,
  };
}
