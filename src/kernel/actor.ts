/**
 * Who is acting. Every request resolves to an Actor; services take it as their first
 * argument and check authorisation themselves, so a route can never forget to.
 */
export const ROLES = [
  'administrator',
  'department_admin',
  'window_clerk',
  'approver',
  'hotline_agent',
  'grid_worker',
  'data_officer',
  'leader',
  'finance_officer',
] as const;
export type Role = (typeof ROLES)[number];

/** A role held within a scope: a region subtree, optionally narrowed to one department. */
export interface RoleGrant {
  role: Role;
  regionCode: string;
  departmentId: string | null;
}

/** The enterprise a person acts for, as checked when the session chose it. */
export interface EnterpriseActing {
  enterpriseId: string;
  uscc: string;
  name: string;
  role: 'legal_rep' | 'admin' | 'agent';
  /** 'items': only the listed catalogue item codes. */
  scope: 'all' | 'items';
  itemCodes: string[];
}

export type Actor =
  | { kind: 'anonymous' }
  /** The platform itself (seed, timers, event handlers): trusted, never reachable over HTTP. */
  | { kind: 'system'; id: string }
  /**
   * A department system calling with its own OAuth token (client credentials). Not trusted
   * like `system`: a module grants it only what it was explicitly granted.
   */
  | { kind: 'client'; id: string }
  | {
      kind: 'person';
      id: string;
      name: string;
      /** Set when the person acts as agent (经办人) or legal representative of an enterprise. */
      actingFor?: EnterpriseActing;
    }
  | {
      kind: 'staff';
      id: string;
      name: string;
      username: string;
      departmentId: string | null;
      departmentName: string | null;
      regionCode: string;
      roles: RoleGrant[];
    };

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const systemActor = (id: string): Actor => ({ kind: 'system', id });

export const actorId = (actor: Actor): string | null => ('id' in actor ? actor.id : null);
