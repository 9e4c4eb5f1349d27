import type { Queryable } from '../../kernel/db/index.ts';
import type { GatewayGrant } from './gateway-grants.ts';
import type { ResourceField } from './schemas.ts';

/** What a call needs to know before any record: the calling system, the resource and its department's grants on it. */
export type Setting = {
  department_id: string;
  region_code: string;
  system_status: 'active' | 'suspended';
  rate_limit: number;
  resource_id: string | null;
  resource_code: string | null;
  resource_name: string | null;
  resource_status: string | null;
  key_field: string | null;
  fields: ResourceField[] | null;
  grants: GatewayGrant[] | null;
  /** changes whenever anything above does (see FINGERPRINT) */
  fingerprint: string | null;
};

/**
 * A stamp of everything a setting is made of, written in SQL over `s` (data_system) and `r`
 * (data_resource): the system's binding and version, the resource's version (every edit of it
 * or its fields, publishing and retiring bump it) and the count and versions of the grants the
 * department holds on it (a new grant adds one, a revocation bumps one). A statement that
 * compares it with a cached setting's stamp knows the setting is still the database's.
 */
export const FINGERPRINT = `concat_ws(':', s.department_id, s.version, s.status, r.version, r.status,
  (select count(*) || '.' || coalesce(sum(g.version), 0) from data_grant g where g.grantee_department_id = s.department_id and g.resource_id = r.id))`;

/** The setting of a call, read in one round trip. */
export function readSetting(q: Queryable, clientId: string, code: string): Promise<Setting | undefined> {
  return q.one<Setting>(
    `select s.department_id, s.region_code, s.status as system_status, s.rate_limit,
            r.id as resource_id, r.code as resource_code, r.name as resource_name, r.status as resource_status, r.key_field,
            (select json_agg(json_build_object('key', f.key, 'name', f.name, 'type', f.type, 'personal', f.personal, 'sharingType', f.sharing_type, 'dataItem', f.data_item) order by f.position)
               from data_resource_field f where f.resource_id = r.id) as fields,
            (select json_agg(json_build_object('id', g.id, 'fields', g.fields, 'clearFields', g.clear_fields, 'rowRegion', g.row_region,
                                               'validFrom', g.valid_from, 'validTo', g.valid_to, 'dailyQuota', g.daily_quota, 'status', g.status,
                                               'bulk', g.bulk, 'purpose', d.purpose, 'legalBasis', d.legal_basis) order by g.created_at desc)
               from data_grant g left join data_demand d on d.id = g.demand_id
              where g.grantee_department_id = s.department_id and g.resource_id = r.id) as grants,
            case when r.id is null then null else ${FINGERPRINT} end as fingerprint
       from data_system s left join data_resource r on r.code = $2
      where s.client_id = $1`,
    [clientId, code],
  );
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Settings that let a call through, kept for the lookups that follow: a system calls the same
 * resource again and again, and its setting changes seldom. A cached setting is never trusted
 * alone — the lookup's own statement compares its fingerprint with the database and writes
 * nothing when they differ (the caller then reads the setting again) — so a revoked grant or a
 * suspended system stops calls at once, in this process and in any other. Only settings that
 * allowed a call are kept: a refusal always reads the database again.
 */
export class SettingCache {
  private readonly entries = new Map<string, { setting: Setting; day: string; until: number }>();

  get(clientId: string, code: string, day: string, nowMs: number): Setting | undefined {
    const key = `${clientId}\u0000${code}`;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // a grant's period is in days: the grant picked yesterday may not hold today
    if (hit.day !== day || hit.until < nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.setting;
  }

  set(clientId: string, code: string, day: string, nowMs: number, setting: Setting): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(`${clientId}\u0000${code}`, { setting, day, until: nowMs + TTL_MS });
  }

  drop(clientId: string, code: string): void {
    this.entries.delete(`${clientId}\u0000${code}`);
  }
}
