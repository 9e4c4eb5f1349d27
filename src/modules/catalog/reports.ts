import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { requireCatalogStaff } from './access.ts';
import type { ItemContent } from './content.ts';
import type { ConsistencyGroup, ConsistencyReport } from './route-schemas.ts';

interface PublishedRow {
  id: string;
  code: string;
  basicCode: string;
  regionCode: string;
  departmentId: string;
  name: string;
  content: ItemContent;
  applicationBased: boolean;
}

async function published(q: Queryable, regionCode: string, departmentId?: string): Promise<PublishedRow[]> {
  const params: unknown[] = [`${regionPrefix(regionCode)}%`];
  let where = 'i.region_code like $1';
  if (departmentId) {
    params.push(departmentId);
    where += ` and i.department_id = $2`;
  }
  return q.query<PublishedRow & Record<string, unknown>>(
    `select i.id, i.code, i.basic_code as "basicCode", i.region_code as "regionCode", i.department_id as "departmentId", v.name, v.content,
       coalesce(t.application_based, false) as "applicationBased"
     from catalog_item i join catalog_item_version v on v.id = i.published_version_id
     left join catalog_item_type t on t.code = v.type_code where ${where} order by i.code`,
    params,
  );
}

// ---------------------------------------------------------------------------------------------
// "十统一" consistency
// ---------------------------------------------------------------------------------------------

/** The elements compared across regions for one basic code. */
export const CONSISTENCY_ELEMENTS = ['name', 'type', 'basis', 'conditions', 'materials', 'statutoryLimit', 'promisedLimit', 'fees', 'serviceObjects', 'resultName'] as const;
type Element = (typeof CONSISTENCY_ELEMENTS)[number];

const sorted = (xs: string[]) => [...xs].map((x) => x.trim()).sort();
function elementValue(e: Element, c: ItemContent): unknown {
  switch (e) {
    case 'name':
      return c.name.replace(/（[^）]*）$/, '');
    case 'type':
      return c.typeCode ?? null;
    case 'basis':
      return sorted((c.legalBasis ?? []).map((b) => `${b.law}${b.article ?? ''}`));
    case 'conditions':
      return sorted(c.conditions ?? []);
    case 'materials':
      return sorted((c.materials ?? []).map((m) => `${m.name}|${m.necessity}`));
    case 'statutoryLimit':
      return c.statutoryLimit ? (c.statutoryLimit.immediate ? 0 : c.statutoryLimit.days) : null;
    case 'promisedLimit':
      return c.promisedLimit ? (c.promisedLimit.immediate ? 0 : c.promisedLimit.days) : null;
    case 'fees':
      return sorted((c.fees?.items ?? []).map((f) => `${f.name}|${f.amountFen ?? f.standard ?? ''}`));
    case 'serviceObjects':
      return sorted(c.serviceObjects ?? []);
    case 'resultName':
      return c.result?.name ?? null;
  }
}

export type { ConsistencyGroup };
type Deviation = ConsistencyGroup['deviations'][number];

/**
 * For every basic code implemented in more than one region (within `regionCode`), compare the
 * elements; the standard value of an element is the one most implementations share (ties: the
 * higher-level region's). A deviation is an implementation whose value differs.
 */
export async function consistencyReport(q: Queryable, actor: Actor, regionCode: string, basicCode?: string): Promise<ConsistencyReport> {
  requireCatalogStaff(actor);
  const rows = (await published(q, regionCode)).filter((r) => !basicCode || r.basicCode === basicCode);
  const groups = new Map<string, PublishedRow[]>();
  for (const r of rows) {
    // one implementation per region and situation: the basic code plus the handle-item suffix
    const key = `${r.basicCode}|${r.code.slice(-4)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: ConsistencyGroup[] = [];
  for (const [key, members] of groups) {
    if (new Set(members.map((m) => m.regionCode)).size < 2) continue;
    members.sort((a, b) => a.regionCode.localeCompare(b.regionCode));
    const deviations: Deviation[] = [];
    for (const e of CONSISTENCY_ELEMENTS) {
      const values = members.map((m) => JSON.stringify(elementValue(e, m.content)));
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
      let standard = values[0]!;
      for (const [v, n] of counts) if (n > counts.get(standard)!) standard = v;
      members.forEach((m, i) => {
        if (values[i] !== standard) {
          deviations.push({ element: e, regionCode: m.regionCode, itemId: m.id, code: m.code, value: JSON.parse(values[i]!), standard: JSON.parse(standard) });
        }
      });
    }
    out.push({ basicCode: key.split('|')[0]!, name: members[0]!.name, regions: members.length, consistent: deviations.length === 0, deviations });
  }
  return { groups: out, checked: out.length, inconsistent: out.filter((g) => !g.consistent).length };
}

// ---------------------------------------------------------------------------------------------
// Indicator inputs (INDICATORS.md, catalogue side)
// ---------------------------------------------------------------------------------------------

export interface IndicatorValue {
  key: string;
  numerator: number;
  denominator: number;
  /** Percentage (0–100) or, for counts, the count. */
  value: number | null;
  unit: '%' | 'count';
  /** Items (or bundles) behind the numerator and the denominator, by code. */
  numeratorItems: string[];
  denominatorItems: string[];
}

const rate = (key: string, denominator: PublishedRow[], pass: (r: PublishedRow) => boolean): IndicatorValue => {
  const num = denominator.filter(pass);
  return {
    key,
    numerator: num.length,
    denominator: denominator.length,
    value: denominator.length ? Math.round((10000 * num.length) / denominator.length) / 100 : null,
    unit: '%',
    numeratorItems: num.map((r) => r.code),
    denominatorItems: denominator.map((r) => r.code),
  };
};

const onlineLevel = (c: ItemContent) => c.onlineDepth?.level ?? 0;

/** Pure: the catalogue-side indicators over a set of published items and the published bundle codes. */
export function computeIndicators(rows: PublishedRow[], bundleCodes: string[]): IndicatorValue[] {
  const licensing = rows.filter((r) => r.content.typeCode === '01');
  const application = rows.filter((r) => r.applicationBased);
  const highFrequency = rows.filter((r) => r.content.flags?.highFrequency);
  const online = application.filter((r) => onlineLevel(r.content) >= 3);
  const personOnSite = application.filter((r) => r.content.serviceObjects?.includes('natural_person') && (r.content.visits ?? 0) > 0);
  const withLimits = licensing.filter((r) => r.content.statutoryLimit && r.content.promisedLimit && r.content.statutoryLimit.days > 0);
  const compression = withLimits.map((r) => (r.content.statutoryLimit!.days - (r.content.promisedLimit!.immediate ? 0 : r.content.promisedLimit!.days)) / r.content.statutoryLimit!.days);
  const f = (r: PublishedRow) => r.content.flags ?? {};
  return [
    rate('zero_trip_rate', licensing, (r) => r.content.visits === 0),
    rate('max_one_trip_rate', application, (r) => (r.content.visits ?? 99) <= 1),
    rate('online_rate', application, (r) => onlineLevel(r.content) >= 3),
    rate('full_online_rate', application, (r) => onlineLevel(r.content) === 4),
    rate('one_window_rate', application, (r) => !!f(r).generalWindow),
    rate('four_free_rate', highFrequency, (r) => !!(f(r).noFill && f(r).noSubmit && f(r).noLicense && f(r).noTrip)),
    { key: 'bundle_count', numerator: bundleCodes.length, denominator: 0, value: bundleCodes.length, unit: 'count', numeratorItems: bundleCodes, denominatorItems: [] },
    rate('cross_province_rate', highFrequency, (r) => !!f(r).crossProvince),
    {
      key: 'time_compression',
      numerator: withLimits.length,
      denominator: withLimits.length,
      value: compression.length ? Math.round((10000 * compression.reduce((a, b) => a + b, 0)) / compression.length) / 100 : null,
      unit: '%',
      numeratorItems: withLimits.map((r) => r.code),
      denominatorItems: withLimits.map((r) => r.code),
    },
    rate('mobile_rate', highFrequency, (r) => !!f(r).mobile),
    rate('sso_rate', online, (r) => !!f(r).sso),
    rate('license_use_rate', licensing, (r) => !!f(r).noLicense || (r.content.materials ?? []).some((m) => m.replacedByLicenseType)),
    rate('immediate_rate', personOnSite, (r) => !!r.content.promisedLimit?.immediate),
  ];
}

/**
 * Indicator inputs for a region (and optionally one department), with the items behind each
 * number; `byDepartment` repeats the rates per department. Definitions: application-based = the
 * 依申请 types of the dictionary; online = depth ≥ Ⅲ (网上预审/受理); full online = Ⅳ.
 */
export async function indicatorInputs(q: Queryable, regionCode: string, departmentId?: string) {
  const rows = await published(q, regionCode, departmentId);
  const bundles = await q.query<{ code: string }>(`select code from catalog_bundle where status = 'published' and region_code like $1 order by code`, [
    `${regionPrefix(regionCode)}%`,
  ]);
  const departments = [...new Set(rows.map((r) => r.departmentId))];
  return {
    regionCode,
    departmentId: departmentId ?? null,
    items: rows.length,
    indicators: computeIndicators(rows, departmentId ? [] : bundles.map((b) => b.code)),
    byDepartment: departmentId
      ? []
      : departments.map((d) => ({
          departmentId: d,
          indicators: computeIndicators(rows.filter((r) => r.departmentId === d), []).map(({ numeratorItems: _n, denominatorItems: _d, ...v }) => v),
        })),
  };
}

/** The indicator inputs as catalogue staff read them; other modules call `indicatorInputs`. */
export function readCatalogIndicators(q: Queryable, actor: Actor, regionCode: string, departmentId?: string) {
  requireCatalogStaff(actor);
  return indicatorInputs(q, regionCode, departmentId);
}
