import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkBoundaries, covers, type Exception, type TreeFile, type Violation } from '../support/boundaries/rules.ts';
import { tableReferences } from '../support/boundaries/sql.ts';
import { readTree } from '../support/boundaries/tree.ts';

/**
 * DESIGN.md: a module uses another only through the other's `index.ts` and never names its
 * tables; the kernel's tables are reached through kernel functions; the seed sets the demo city
 * up through module services. This test reads `src/` and fails on any crossing.
 */

/**
 * Crossings the project keeps on purpose, each with the reason docs/architecture.md gives too.
 * Empty: every former crossing is served through a contract now. An entry must still match a
 * crossing, or the test says it is stale.
 */
const EXCEPTIONS: readonly Exception[] = [];

const root = new URL('../..', import.meta.url).pathname;
const show = (v: Violation) => `${v.rule} ${v.file}:${v.line} ${v.target} — ${v.message}`;
const crossings = checkBoundaries(readTree(root));

test('the source tree crosses no module boundary', () => {
  assert.deepEqual(crossings.filter((v) => !EXCEPTIONS.some((e) => covers(e, v))).map(show), []);
});

test('every exception still matches a crossing', () => {
  assert.deepEqual(EXCEPTIONS.filter((e) => !crossings.some((v) => covers(e, v))), []);
});

/** A small tree that keeps every rule, for the broken fixtures below to add one crossing each. */
const BASE: Record<string, string> = {
  'src/kernel/migrations/001_audit.sql': 'create table audit_log (seq bigint primary key, action text);',
  'src/kernel/migrate.ts': "export const ddl = 'create table if not exists schema_migration (id text primary key)';",
  'src/kernel/audit.ts': "export const read = (q: Q) => q.query('select * from audit_log');",
  'src/modules/index.ts': "import { orgModule } from './org/index.ts';\nimport { casesModule } from './cases/index.ts';\nexport const MODULES = [orgModule, casesModule];",
  'src/modules/org/migrations/001_org.sql': 'create table department (id uuid primary key);\ncreate table staff (id uuid primary key, department_id uuid references department (id));',
  'src/modules/org/index.ts': "export { staffNames } from './staff.ts';\nexport { staffGrantsJson } from './grants.ts';\nexport * from './api.ts';",
  'src/modules/org/api.ts': "export * from './schemas.ts';",
  'src/modules/org/schemas.ts': "export const StaffRef = Type.Object({ id: Type.String() });",
  'src/modules/org/staff.ts': "export const staffNames = (q: Q) => q.query(`select s.name, d.name from staff s join department d on d.id = s.department_id`);",
  'src/modules/org/grants.ts': "export const staffGrantsJson = (id: string) => `(select json_agg(id) from staff where id = ${id})`;",
  // an FK to an earlier module's table in a migration is allowed (module order)
  'src/modules/cases/migrations/001_cases.sql': 'create table case_record (id uuid primary key, staff uuid references staff (id), department text);',
  'src/modules/cases/index.ts': "export { inbox } from './inbox.ts';",
  // a module's API schemas build on the kernel's shared schema parts
  'src/kernel/api.ts': "export const Page = Type.Object({ total: Type.Integer() });",
  'src/modules/cases/schemas.ts': "import { Page } from '../../kernel/api.ts';\nexport const CaseList = Type.Object({ page: Page });",
  'src/modules/cases/inbox.ts': [
    "import { staffNames } from '../org/index.ts';",
    "import type { Actor } from '../../kernel/actor.ts';",
    // columns named like org's tables, a quoted value, a comment, a CTE and extract(… from …) are no tables
    'export const inbox = (q: Q, a: Actor) => q.query(`',
    '  -- staff from department are not read here',
    "  with staff as (select c.staff from case_record c where c.department = 'from staff')",
    '  select staff.staff, extract(epoch from staff.at) as department from staff',
    '  where exists (select 1 from case_record c where c.staff is distinct from staff.staff)`, [staffNames, a]);',
  ].join('\n'),
  'src/modules/cases/inbox.test.ts': "import { x } from '../org/staff.ts';\nawait q.query('select * from staff join audit_log on true');\nvoid x;",
  'src/seed/demo.ts': "import { staffNames } from '../modules/org/index.ts';\nexport const names = (q: Q) => staffNames(q);",
  'src/server.ts': "import { MODULES } from './modules/index.ts';\nexport const modules = MODULES;",
};

/** The crossings in the fixture tree with `extra` files added or replaced, as `rule file target`, sorted. */
function check(extra: Record<string, string> = {}) {
  const files: TreeFile[] = Object.entries({ ...BASE, ...extra }).map(([path, text]) => ({ path, text }));
  return checkBoundaries(files).map((v) => `${v.rule} ${v.file} ${v.target}`).sort();
}

describe('each rule catches a deliberately broken fixture', () => {
  test('the fixture tree itself keeps every rule', () => {
    assert.deepEqual(check(), []);
  });

  test('a module importing another module’s internal file (its schema file and its api.ts too, which are for the web app), type-only imports and re-exports too', () => {
    assert.deepEqual(
      check({
        'src/modules/cases/a.ts': "import { staffNames } from '../org/staff.ts';\nvoid staffNames;",
        'src/modules/cases/b.ts': "import type { Row } from '../org/staff.ts';\nexport type R = Row;",
        'src/modules/cases/c.ts': "export { staffNames } from '../org/staff.ts';",
        'src/modules/cases/d.ts': "export const load = () => import('../org/grants.ts');",
        'src/modules/cases/e.ts': "import { StaffRef } from '../org/schemas.ts';\nvoid StaffRef;",
        'src/modules/cases/f.ts': "import type { StaffRef } from '../org/api.ts';\nexport type S = StaffRef;",
      }),
      [
        'import src/modules/cases/a.ts ../org/staff.ts',
        'import src/modules/cases/b.ts ../org/staff.ts',
        'import src/modules/cases/c.ts ../org/staff.ts',
        'import src/modules/cases/d.ts ../org/grants.ts',
        'import src/modules/cases/e.ts ../org/schemas.ts',
        'import src/modules/cases/f.ts ../org/api.ts',
      ],
    );
  });

  test('the seed, server.ts and cli.ts importing a module’s internals; the kernel importing a module', () => {
    assert.deepEqual(
      check({
        'src/seed/departments.ts': "import type { SectorCode } from '../modules/org/sectors.ts';\nexport type S = SectorCode;",
        'src/server.ts': "import { purge } from './modules/identity/sessions.ts';\nvoid purge;",
        'src/cli.ts': "import { seedCity } from './seed/demo.ts';\nimport { clients } from './modules/identity/oidc/clients.ts';\nvoid seedCity; void clients;",
        'src/kernel/http.ts': "import { orgModule } from '../modules/org/index.ts';\nvoid orgModule;",
      }),
      [
        'import src/cli.ts ./modules/identity/oidc/clients.ts',
        'import src/kernel/http.ts ../modules/org/index.ts',
        'import src/seed/departments.ts ../modules/org/sectors.ts',
        'import src/server.ts ./modules/identity/sessions.ts',
      ],
    );
  });

  test('module SQL naming another module’s table, however the query is written', () => {
    assert.deepEqual(
      check({
        'src/modules/cases/workflow/assignees.ts': [
          'export const a = (q: Q, roles: string[]) => q.query(`select s.id, d.name',
          '  from case_record c, "staff" s left join public.department d on d.id = s.department_id',
          '  where s.id = any(${roles})`);',
          "export const b = (q: Q) => q.query('update staff set name = $2 where id = $1');",
        ].join('\n'),
      }),
      ['table src/modules/cases/workflow/assignees.ts department', 'table src/modules/cases/workflow/assignees.ts staff', 'table src/modules/cases/workflow/assignees.ts staff'],
    );
  });

  test('module SQL naming a kernel table (audit_log from a migration, schema_migration from kernel code)', () => {
    assert.deepEqual(
      check({
        'src/modules/org/history.ts': "export const h = (q: Q) => q.query('select at from audit_log where object_id = $1');",
        'src/modules/cases/applied.ts': "export const m = (q: Q) => q.query('select id from schema_migration');",
      }),
      ['table src/modules/cases/applied.ts schema_migration', 'table src/modules/org/history.ts audit_log'],
    );
  });

  test('module SQL splicing in SQL text another module hands out', () => {
    assert.deepEqual(
      check({
        'src/modules/cases/actor.ts': [
          "import { staffGrantsJson } from '../org/index.ts';",
          "export const a = (q: Q) => q.one(`select c.id, ${staffGrantsJson('c.staff')} as roles from case_record c`);",
          // another module's value in a message is no SQL
          "export const label = `${staffGrantsJson.name} (grants)`;",
        ].join('\n'),
      }),
      ['splice src/modules/cases/actor.ts staffGrantsJson'],
    );
  });

  test('seed code writing a table itself, its own or any other', () => {
    assert.deepEqual(
      check({
        'src/seed/demo.ts': [
          'export const seed = async (tx: Q) => {',
          "  await tx.query('insert into department (id) values ($1)', ['d']);",
          "  await tx.query(`update staff set department_id = $1`, ['d']);",
          "  await tx.query('delete from case_record');",
          "  await tx.query('select id from department');",
          '};',
        ].join('\n'),
      }),
      ['seed-write src/seed/demo.ts case_record', 'seed-write src/seed/demo.ts department', 'seed-write src/seed/demo.ts staff'],
    );
  });
});

describe('tables in SQL are found by position', () => {
  const tables = (sql: string) => tableReferences(sql).map((r) => `${r.access} ${r.table}`);

  test('reads and writes', () => {
    assert.deepEqual(tables('select * from a join b on b.id = a.id left join c using (id) where a.x in (select y from d)'), ['read a', 'read b', 'read c', 'read d']);
    assert.deepEqual(tables('insert into a (x) select x from b on conflict (x) do update set x = excluded.x'), ['write a', 'read b']);
    assert.deepEqual(tables('update a set x = 1 from b where b.id = a.id returning *'), ['write a', 'read b']);
    assert.deepEqual(tables('delete from a using b where b.id = a.id'), ['write a', 'read b']);
    assert.deepEqual(tables('select 1 from a, b x, c as y where true for update of a skip locked'), ['read a', 'read b', 'read c']);
    assert.deepEqual(tables('create table if not exists a (id int references b (id)); alter table only a add x int; truncate c'), ['create a', 'read b', 'write a', 'write c']);
  });

  test('words in other positions are not tables', () => {
    assert.deepEqual(tables("select staff, department from a where note = 'from staff' -- join staff\n/* from b */"), ['read a']);
    assert.deepEqual(tables('select extract(epoch from at), substring(x from 2), trim(both from y) from a where a.x is distinct from a.y'), ['read a']);
    assert.deepEqual(tables('select * from unnest($1::text[]) u join lateral jsonb_array_elements(u.x) e on true'), []);
    assert.deepEqual(tables('with recursive up (id) as (select id from a union all select a.id from a join up on true) select * from up'), ['read a', 'read a']);
  });
});
