import type { Db } from '../src/kernel/db/index.ts';
import { DEFAULT_STEPS } from '../src/modules/cases/index.ts';

/**
 * `count` finished and open cases over the published items of the demo city, made by one
 * INSERT … SELECT over generate_series (no row-by-row round trips): one in 20 is still open
 * (half at acceptance, half in review or decision), spread over the last year, so the
 * inbox reads a realistic share of a large table. Returns seconds taken, ANALYZE included.
 */
export async function generateCases(db: Db, count: number): Promise<number> {
  const t0 = performance.now();
  const steps = JSON.stringify(DEFAULT_STEPS);
  await db.query(
    `with items as (
       select (row_number() over (order by i.code) - 1)::int as k, i.id as item_id, v.id as version_id, i.code, v.name, i.region_code, i.department_id
         from catalog_item i join catalog_item_version v on v.item_id = i.id and v.status = 'published'
     ), n as (select count(*)::int as n from items),
     g as (
       select g, clock_now() - make_interval(days => g % 365, secs => g % 86400) as at,
              case when g % 20 <> 0 then 'completed' when g % 40 = 0 then 'submitted' else 'processing' end as status
         from generate_series(1, $1::int) as g
     )
     insert into case_record (id, number, query_code, status, outcome, item_id, item_version_id, item_code, item_name, case_type, region_code,
       department_id, applicant_kind, applicant_person_id, applicant_name, owner_person_id, form_data, steps, current_step, current_roles,
       promised_days, statutory_days, clock_start, promised_due, statutory_due, overdue, submitted_at, accepted_at, completed_at, created_at, updated_at)
     select gen_random_uuid(), 'G' || lpad(g.g::text, 19, '0'), 'BENCH000', g.status,
            case when g.status = 'completed' then 'approved' end,
            it.item_id, it.version_id, it.code, it.name, 'promised', it.region_code, it.department_id, 'person', gen_random_uuid(), '压测申请人',
            gen_random_uuid(), '{}', $2::jsonb,
            case g.status when 'submitted' then 0 when 'processing' then 1 + g.g % 2 else 2 end,
            case g.status when 'submitted' then '{window_clerk,approver}'::text[] when 'processing' then '{approver}'::text[] else '{}'::text[] end,
            15, 20, g.at::date, g.at::date + 21, g.at::date + 28, g.g % 17 = 0, g.at,
            case when g.status <> 'submitted' then g.at + interval '1 hour' end,
            case when g.status = 'completed' then g.at + make_interval(days => g.g % 10) end, g.at, g.at
       from g cross join n join items it on it.k = g.g % n.n`,
    [count, steps],
  );
  // vacuum sets the visibility map, as autovacuum would on a live table, so index-only scans apply
  await db.exec('vacuum analyze case_record');
  return (performance.now() - t0) / 1000;
}
