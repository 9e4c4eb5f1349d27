import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from './actor.ts';
import { allowKinds, canAct, isNodeAdmin, requireNodeAdmin, requireRole, requireScope, scopeCondition } from './auth.ts';
import { AppError } from './errors.ts';

const staff = (roles: { role: string; regionCode: string; departmentId: string | null }[]): Actor => ({
  kind: 'staff',
  id: 's1',
  name: 'x',
  username: 'x',
  departmentId: null,
  departmentName: null,
  regionCode: '445300000000',
  roles: roles as never,
});

test('a grant covers its region subtree only', () => {
  const county = staff([{ role: 'administrator', regionCode: '445302000000', departmentId: null }]);
  assert.equal(canAct(county, ['administrator'], { regionCode: '445302001000' }), true);
  assert.equal(canAct(county, ['administrator'], { regionCode: '445381000000' }), false);
  assert.equal(canAct(county, ['administrator'], { regionCode: '445300000000' }), false);
  assert.equal(canAct(county, ['leader'], { regionCode: '445302000000' }), false);
});

test('a department-narrowed grant covers only that department', () => {
  const deptAdmin = staff([{ role: 'department_admin', regionCode: '445300000000', departmentId: 'd1' }]);
  assert.equal(canAct(deptAdmin, ['department_admin'], { regionCode: '445300000000', departmentId: 'd1' }), true);
  assert.equal(canAct(deptAdmin, ['department_admin'], { regionCode: '445300000000', departmentId: 'd2' }), false);
});

test('401 for nobody, 403 for a citizen or a staff member without the role', () => {
  const status = (fn: () => unknown) => {
    try {
      fn();
      return 200;
    } catch (err) {
      return (err as AppError).status;
    }
  };
  assert.equal(status(() => requireRole({ kind: 'anonymous' }, ['administrator'])), 401);
  assert.equal(status(() => requireRole({ kind: 'person', id: 'p', name: 'p' }, ['administrator'])), 403);
  assert.equal(status(() => requireRole(staff([]), ['administrator'])), 403);
  // a department system's own token is not staff and not the platform: it gets no staff scope
  assert.equal(status(() => requireScope({ kind: 'client', id: 'hr-system' }, ['administrator', 'window_clerk'], { regionCode: '445300000000', departmentId: null })), 403);
});

test('the SQL scope condition mirrors the grants and takes values as parameters', () => {
  const params: unknown[] = [];
  const sql = scopeCondition(
    staff([
      { role: 'administrator', regionCode: '445302000000', departmentId: null },
      { role: 'department_admin', regionCode: '445300000000', departmentId: 'd1' },
    ]),
    ['administrator', 'department_admin'],
    { region: 't.region_code', department: 't.department_id' },
    params,
  );
  assert.equal(sql, '(t.region_code like $1 or (t.region_code like $2 and t.department_id = $3))');
  assert.deepEqual(params, ['445302%', '4453%', 'd1']);
  assert.equal(scopeCondition(staff([]), ['administrator'], { region: 'r' }, []), 'false');
});

const failure = (fn: () => unknown): [number, string] | 'allowed' => {
  try {
    fn();
    return 'allowed';
  } catch (err) {
    return [(err as AppError).status, (err as AppError).code];
  }
};

test('a node administrator holds an administrator grant over the whole city, not narrowed to a department', () => {
  const CITY = '445300000000';
  const cases: [string, Actor, [number, string] | 'allowed'][] = [
    ['city administrator', staff([{ role: 'administrator', regionCode: CITY, departmentId: null }]), 'allowed'],
    ['province administrator', staff([{ role: 'administrator', regionCode: '440000000000', departmentId: null }]), 'allowed'],
    ['county administrator (云城区)', staff([{ role: 'administrator', regionCode: '445302000000', departmentId: null }]), [403, 'NODE_ADMIN_REQUIRED']],
    ['county administrator (罗定市)', staff([{ role: 'administrator', regionCode: '445381000000', departmentId: null }]), [403, 'NODE_ADMIN_REQUIRED']],
    ['city administrator narrowed to a department', staff([{ role: 'administrator', regionCode: CITY, departmentId: 'd1' }]), [403, 'NODE_ADMIN_REQUIRED']],
    ['city department administrator', staff([{ role: 'department_admin', regionCode: CITY, departmentId: null }]), [403, 'NODE_ADMIN_REQUIRED']],
    ['another city’s administrator', staff([{ role: 'administrator', regionCode: '445200000000', departmentId: null }]), [403, 'NODE_ADMIN_REQUIRED']],
    ['a citizen', { kind: 'person', id: 'p', name: 'p' }, [403, 'NODE_ADMIN_REQUIRED']],
    ['a department system', { kind: 'client', id: 'hr-system' }, [403, 'NODE_ADMIN_REQUIRED']],
    ['nobody', { kind: 'anonymous' }, [401, 'UNAUTHENTICATED']],
    ['the platform (command line)', { kind: 'system', id: 'cli' }, 'allowed'],
  ];
  for (const [who, actor, expected] of cases) assert.deepEqual(failure(() => requireNodeAdmin(actor, CITY)), expected, who);
  // before a city is set up only the platform manages the node
  assert.equal(isNodeAdmin(staff([{ role: 'administrator', regionCode: CITY, departmentId: null }]), null), false);
  assert.equal(isNodeAdmin({ kind: 'system', id: 'cli' }, null), true);
});

test('deny by default: a service serves the actor kinds it names and refuses the others with a stable code', () => {
  const kinds: [Actor, [number, string] | 'allowed'][] = [
    [{ kind: 'person', id: 'p', name: 'p' }, 'allowed'],
    [staff([]), 'allowed'],
    [{ kind: 'client', id: 'hr-system' }, [403, 'ACTOR_KIND_NOT_ALLOWED']],
    [{ kind: 'system', id: 'seed' }, [403, 'ACTOR_KIND_NOT_ALLOWED']],
    [{ kind: 'anonymous' }, [401, 'UNAUTHENTICATED']],
  ];
  for (const [actor, expected] of kinds) assert.deepEqual(failure(() => allowKinds(actor, ['person', 'staff'])), expected, actor.kind);
  assert.equal(failure(() => allowKinds({ kind: 'client', id: 'verifier' }, ['client'])), 'allowed');
  assert.equal(failure(() => allowKinds({ kind: 'anonymous' }, ['anonymous', 'person'])), 'allowed');
});
