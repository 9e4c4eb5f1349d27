import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from './actor.ts';
import { canAct, requireRole, requireScope, scopeCondition } from './auth.ts';
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
