import type { Queryable } from '../../../kernel/db/index.ts';

/** The acr value of each 实名等级 (assurance level) a login can prove. */
export const ACR = { 1: 'urn:yiwang:loa:1', 2: 'urn:yiwang:loa:2', 3: 'urn:yiwang:loa:3' } as const;

interface AccountRow {
  kind: 'staff' | 'person';
  id: string;
  name: string;
  username: string | null;
  department_id: string | null;
  region_code: string | null;
  assurance_level: number;
  roles: unknown;
  [key: string]: unknown;
}

/** Claims of a staff member or a citizen, by subject id. Disabled staff have none. */
export async function accountClaims(db: Queryable, sub: string) {
  const row = await db.one<AccountRow>(
    `select 'staff' as kind, s.id, s.name, s.username, s.department_id, s.region_code, 3 as assurance_level,
            coalesce((select json_agg(json_build_object('role', sr.role, 'regionCode', sr.region_code,
                       'departmentId', sr.department_id)) from staff_role sr where sr.staff_id = s.id), '[]'::json) as roles
       from staff s where s.id = $1 and s.status = 'active'
     union all
     select 'person', p.id, p.name, null, null, p.region_code, p.assurance_level, '[]'::json
       from person p where p.id = $1`,
    [sub],
  );
  if (!row) return undefined;
  return {
    sub: row.id,
    name: row.name,
    preferred_username: row.username ?? undefined,
    yiwang_kind: row.kind,
    assurance_level: row.assurance_level,
    department_id: row.department_id ?? undefined,
    region_code: row.region_code ?? undefined,
    roles: row.kind === 'staff' ? row.roles : undefined,
  };
}

export async function assuranceLevel(db: Queryable, kind: 'staff' | 'person', id: string): Promise<1 | 2 | 3> {
  if (kind === 'staff') return 3;
  const row = await db.one<{ level: number }>('select assurance_level as level from person where id = $1', [id]);
  return (row?.level ?? 1) as 1 | 2 | 3;
}
