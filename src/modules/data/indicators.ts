import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { departmentRefsInRegion } from '../org/index.ts';

export interface DataIndicatorInputs {
  /** Demands on the region's resources that were answered in the period (approved or refused). */
  demandsAnswered: number;
  /** Of the demands confirmed in the period, those the requester called satisfied. */
  demandsConfirmed: number;
  demandsSatisfied: number;
  /** 数据共享需求满足率: satisfied ÷ confirmed (null without any confirmation). */
  demandSatisfaction: number | null;
  /** Answered after their due date. */
  demandsOverdue: number;
  /** Published resources of the region, and those open to the public (开放数据集, 无条件 or 有条件开放). */
  resourcesPublished: number;
  openDatasets: number;
  /** 共享调用量: gateway calls answered in the period on the region's resources (and refused ones). */
  shareCalls: number;
  shareCallsRefused: number;
  /** Base-library records of the region's resources, and the share with no open quality finding (null without records). */
  libraryRecords: number;
  libraryQuality: number | null;
  /** 免填报 through the libraries: form prefills recorded in the period by the region's departments' items. */
  prefills: number;
}

/**
 * The data platform's figures for a region and period (days, Asia/Shanghai, `to` inclusive), for
 * the indicator engine: what the demands' requesters said, not what the catalogue declares.
 */
export async function dataIndicatorInputs(q: Queryable, input: { regionCode: string; from: string; to: string }): Promise<DataIndicatorInputs> {
  const region = `${regionPrefix(input.regionCode)}%`;
  const within = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date between $2::date and $3::date`;
  const demands = await q.one<{ answered: number; confirmed: number; satisfied: number; overdue: number }>(
    `select count(*) filter (where answered_at is not null and ${within('answered_at')})::int as answered,
            count(*) filter (where confirmed_at is not null and ${within('confirmed_at')})::int as confirmed,
            count(*) filter (where satisfied and ${within('confirmed_at')})::int as satisfied,
            count(*) filter (where overdue and answered_at is not null and ${within('answered_at')})::int as overdue
       from data_demand where region_code like $1`,
    [region, input.from, input.to],
  );
  const resources = await q.one<{ published: number; open: number }>(
    `select count(*)::int as published, count(*) filter (where open_type <> 'closed')::int as open
       from data_resource where status = 'published' and region_code like $1`,
    [region],
  );
  const calls = await q.one<{ answered: number; refused: number }>(
    `select count(*) filter (where c.outcome = 'ok')::int as answered, count(*) filter (where c.outcome <> 'ok')::int as refused
       from data_call c join data_resource r on r.id = c.resource_id where r.region_code like $1 and ${within('c.at')}`,
    [region, input.from, input.to],
  );
  const library = await q.one<{ records: number; flagged: number }>(
    `select (select count(*) from data_record d join data_resource r on r.id = d.resource_id where r.region_code like $1)::int as records,
            (select count(distinct (i.resource_id, i.key_index)) from data_issue i join data_resource r on r.id = i.resource_id
              where r.region_code like $1 and i.status = 'open')::int as flagged`,
    [region],
  );
  const departments = (await departmentRefsInRegion(q, input.regionCode)).map((d) => d.id);
  const prefills = await q.one<{ n: number }>(
    `select count(*)::int as n from data_use u
      where u.kind = 'prefill' and u.department_id = any($3::uuid[]) and (u.at at time zone 'Asia/Shanghai')::date between $1::date and $2::date`,
    [input.from, input.to, departments],
  );
  const confirmed = demands?.confirmed ?? 0;
  return {
    demandsAnswered: demands?.answered ?? 0,
    demandsConfirmed: confirmed,
    demandsSatisfied: demands?.satisfied ?? 0,
    demandSatisfaction: confirmed ? (demands?.satisfied ?? 0) / confirmed : null,
    demandsOverdue: demands?.overdue ?? 0,
    resourcesPublished: resources?.published ?? 0,
    openDatasets: resources?.open ?? 0,
    shareCalls: calls?.answered ?? 0,
    shareCallsRefused: calls?.refused ?? 0,
    libraryRecords: library?.records ?? 0,
    libraryQuality: library?.records ? Math.round((1 - library.flagged / library.records) * 10000) / 10000 : null,
    prefills: prefills?.n ?? 0,
  };
}
