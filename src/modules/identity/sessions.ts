import { createHash, randomBytes } from 'node:crypto';
import type { Actor, RoleGrant } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';

export const SESSION_COOKIE = 'yw_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Queryable,
  subject: { kind: 'staff' | 'person'; id: string },
  hours: number,
  meta: { ip?: string; userAgent?: string; idToken?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.query(
    'insert into session (token_hash, subject_kind, subject_id, expires_at, ip, user_agent, id_token) values ($1, $2, $3, $4, $5, $6, $7)',
    [hashToken(token), subject.kind, subject.id, expiresAt.toISOString(), meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null, meta.idToken ?? null],
  );
  return { token, expiresAt };
}

export async function idTokenOf(db: Queryable, token: string): Promise<string | null> {
  const row = await db.one<{ id_token: string | null }>('select id_token from session where token_hash = $1', [hashToken(token)]);
  return row?.id_token ?? null;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from session where token_hash = $1', [hashToken(token)]);
}

interface SessionActorRow {
  kind: 'staff' | 'person';
  id: string;
  name: string;
  username: string | null;
  department_id: string | null;
  department_name: string | null;
  region_code: string | null;
  status: string | null;
  roles: RoleGrant[] | null;
  [key: string]: unknown;
}

/**
 * The actor behind a session cookie, in one query. A disabled staff account loses access at
 * its next request, not when its session expires.
 */
export async function actorForToken(db: Queryable, token: string): Promise<Actor | undefined> {
  if (token.length > 100) return undefined;
  const row = await db.one<SessionActorRow>(
    `select se.subject_kind as kind, se.subject_id as id,
            coalesce(s.name, p.name) as name, s.username, s.department_id, d.name as department_name, coalesce(s.region_code, p.region_code) as region_code,
            s.status,
            case when s.id is null then null else
              coalesce((select json_agg(json_build_object('role', sr.role, 'regionCode', sr.region_code,
                         'departmentId', sr.department_id)) from staff_role sr where sr.staff_id = s.id), '[]'::json)
            end as roles
       from session se
       left join staff s on se.subject_kind = 'staff' and s.id = se.subject_id
       left join department d on d.id = s.department_id
       left join person p on se.subject_kind = 'person' and p.id = se.subject_id
      where se.token_hash = $1 and se.expires_at > now()`,
    [hashToken(token)],
  );
  if (!row || !row.name) return undefined;
  if (row.kind === 'person') return { kind: 'person', id: row.id, name: row.name };
  if (row.status !== 'active') return undefined;
  return {
    kind: 'staff',
    id: row.id,
    name: row.name,
    username: row.username ?? '',
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionCode: row.region_code ?? '',
    roles: row.roles ?? [],
  };
}

export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query('delete from session where expires_at <= now() returning token_hash');
  return rows.length;
}
