import type { Queryable } from '../../../kernel/db/index.ts';
import type { RoleGrant } from '../../../kernel/actor.ts';
import { staffActor } from '../../org/index.ts';
import { actingFor } from '../enterprises.ts';

/** The acr value of each 实名等级 (assurance level) a login can prove. */
export const ACR = { 1: 'urn:yiwang:loa:1', 2: 'urn:yiwang:loa:2', 3: 'urn:yiwang:loa:3' } as const;

export const levelOfAcr = (acr: unknown): number => {
  const m = typeof acr === 'string' ? /^urn:yiwang:loa:([123])$/.exec(acr) : null;
  return m ? Number(m[1]) : 0;
};

/**
 * A person acting for an enterprise signs in as the account `<person id>:<enterprise id>`: the
 * relying party sees the enterprise as the acting subject and the person as its agent, and a
 * revoked or expired authorisation makes the account (and every token for it) unusable.
 */
export const actingAccountId = (personId: string, enterpriseId: string) => `${personId}:${enterpriseId}`;

export function parseAccountId(accountId: string): { subjectId: string; enterpriseId: string | null } {
  const [subjectId, enterpriseId] = accountId.split(':');
  return { subjectId: subjectId!, enterpriseId: enterpriseId ?? null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Claimant {
  kind: 'staff' | 'person';
  id: string;
  name: string;
  username: string | null;
  departmentId: string | null;
  regionCode: string | null;
  assuranceLevel: number;
  roles: RoleGrant[] | undefined;
}

/** An active staff member (org's) or person: staff have 实名等级 3 by appointment. */
async function claimant(db: Queryable, id: string): Promise<Claimant | undefined> {
  const staff = await staffActor(db, id);
  if (staff) return { ...staff, assuranceLevel: 3 };
  const person = await db.one<{ id: string; name: string; region_code: string | null; assurance_level: number }>(
    "select id, name, region_code, assurance_level from person where id = $1 and status = 'active'",
    [id],
  );
  if (!person) return undefined;
  return { kind: 'person', id: person.id, name: person.name, username: null, departmentId: null, regionCode: person.region_code, assuranceLevel: person.assurance_level, roles: undefined };
}

/** Claims of a staff member, a citizen, or a citizen acting for an enterprise. Disabled accounts have none. */
export async function accountClaims(db: Queryable, accountId: string) {
  const { subjectId, enterpriseId } = parseAccountId(accountId);
  if (!UUID.test(subjectId) || (enterpriseId !== null && !UUID.test(enterpriseId))) return undefined;
  const row = await claimant(db, subjectId);
  if (!row) return undefined;
  const base = {
    sub: accountId,
    name: row.name,
    preferred_username: row.username ?? undefined,
    yiwang_kind: row.kind as 'staff' | 'person' | 'enterprise',
    assurance_level: row.assuranceLevel,
    department_id: row.departmentId ?? undefined,
    region_code: row.regionCode ?? undefined,
    roles: row.roles,
  };
  if (!enterpriseId) return base;
  if (row.kind !== 'person') return undefined;
  const acting = await actingFor(db, row.id, enterpriseId);
  if (!acting) return undefined;
  return {
    ...base,
    name: acting.name,
    yiwang_kind: 'enterprise' as const,
    enterprise: { id: acting.enterpriseId, uscc: acting.uscc, name: acting.name },
    agent: {
      sub: row.id,
      name: row.name,
      role: acting.role,
      scope: acting.scope,
      item_codes: acting.itemCodes,
      expires_at: acting.expiresAt,
    },
    // RFC 8693 actor claim: who is actually acting for the subject
    act: { sub: row.id },
  };
}

export async function assuranceLevel(db: Queryable, kind: 'staff' | 'person', id: string): Promise<1 | 2 | 3> {
  if (kind === 'staff') return 3;
  const row = await db.one<{ level: number }>('select assurance_level as level from person where id = $1', [id]);
  return (row?.level ?? 1) as 1 | 2 | 3;
}
