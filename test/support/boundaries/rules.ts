import { posix } from 'node:path';
import { parseSource, type ParsedSource } from './source.ts';
import { tableReferences } from './sql.ts';

/**
 * The module boundaries of DESIGN.md, checked over a tree of files:
 *  - imports: a module, the seed, `server.ts` and `cli.ts` reach another module only through its
 *    contract, `index.ts` (services, events, API schemas); its `api.ts` is for the web app only,
 *    and what several modules' schemas share is the kernel's (`kernel/api.ts`); the kernel
 *    imports no module at all;
 *  - tables: the SQL of a module names no table another module's (or the kernel's) migrations
 *    create, and splices in no SQL text another module hands out (its tables would be named
 *    out of sight); the kernel's SQL names no module's table;
 *  - seed: the demo city is set up through module services, so seed code writes no table itself.
 * Tests beside the code (`*.test.ts`) are exempt: they may set up and inspect anything.
 */

/** A file of the tree, its path relative to the repository root with `/` separators. */
export interface TreeFile {
  path: string;
  text: string;
}

export type Rule = 'import' | 'table' | 'splice' | 'seed-write';

export interface Violation {
  rule: Rule;
  file: string;
  line: number;
  /** the import specifier or the table named */
  target: string;
  message: string;
}

/** An exception the project has agreed to keep, with the reason also given in docs/architecture.md. */
export interface Exception {
  rule: Rule;
  file: string;
  target: string;
  reason: string;
}

/** Who a source file belongs to, for the rules. */
type Owner = { kind: 'module'; name: string } | { kind: 'kernel' } | { kind: 'entry' } | { kind: 'seed' } | { kind: 'other' };

const KERNEL = 'kernel';

function ownerOf(path: string): Owner {
  const module = /^src\/modules\/([^/]+)\//.exec(path);
  if (module) return { kind: 'module', name: module[1]! };
  if (path.startsWith('src/kernel/')) return { kind: 'kernel' };
  if (path.startsWith('src/seed/')) return { kind: 'seed' };
  if (path === 'src/server.ts' || path === 'src/cli.ts') return { kind: 'entry' };
  return { kind: 'other' };
}

const isTest = (path: string) => path.endsWith('.test.ts');
const isSource = (path: string) => path.startsWith('src/') && path.endsWith('.ts') && !isTest(path);

/**
 * Which tables each module and the kernel own: those their migrations create (`src/kernel/
 * migrations*`, `src/modules/<name>/migrations`), plus tables created by their own code (the
 * kernel's `schema_migration`).
 */
export function tableOwners(files: TreeFile[], parsed: Map<string, ParsedSource>): Map<string, string> {
  const owners = new Map<string, string>();
  const own = (sql: string, owner: string) => {
    for (const ref of tableReferences(sql)) if (ref.access === 'create') owners.set(ref.table, owner);
  };
  for (const f of files) {
    const migration = /^src\/(?:modules\/([^/]+)\/migrations|kernel\/migrations[^/]*)\/[^/]+\.sql$/.exec(f.path);
    if (migration) own(f.text, migration[1] ?? KERNEL);
  }
  for (const [path, source] of parsed) {
    const o = ownerOf(path);
    const owner = o.kind === 'module' ? o.name : o.kind === 'kernel' ? KERNEL : undefined;
    if (owner) for (const l of source.literals) own(l.text, owner);
  }
  return owners;
}

/** The module folder an import lands in and whether it is that module's contract (its index.ts). */
function importTarget(from: string, specifier: string): { module?: string; contract: boolean } {
  if (!specifier.startsWith('.')) return { contract: false };
  const resolved = posix.normalize(posix.join(posix.dirname(from), specifier));
  const m = /^src\/modules\/([^/]+)\/(.+)$/.exec(resolved);
  if (!m) return { contract: false };
  return { module: m[1]!, contract: m[2] === 'index.ts' };
}

function importViolations(path: string, owner: Owner, source: ParsedSource): Violation[] {
  const out: Violation[] = [];
  for (const imp of source.imports) {
    const target = importTarget(path, imp.specifier);
    if (!target.module) continue;
    const at = { file: path, line: imp.line, target: imp.specifier, rule: 'import' as const };
    if (owner.kind === 'kernel') {
      out.push({ ...at, message: `the kernel imports module ${target.module}; it knows modules only through the Module interface` });
    } else if ((owner.kind === 'module' && owner.name !== target.module) || owner.kind === 'seed' || owner.kind === 'entry') {
      if (!target.contract) out.push({ ...at, message: `imports an internal file of module ${target.module}; import src/modules/${target.module}/index.ts (its contract) instead` });
    }
  }
  return out;
}

/** Words that make a literal SQL rather than a message or a key. */
const SQL_CLAUSE = /\b(select|insert\s+into|update|delete\s+from|where|join|returning)\b/i;

/** Names a module file imports from other modules, with the module each comes from. */
function foreignNames(path: string, owner: Owner, source: ParsedSource): Map<string, string> {
  const names = new Map<string, string>();
  if (owner.kind !== 'module') return names;
  for (const imp of source.imports) {
    const target = importTarget(path, imp.specifier).module;
    if (target && target !== owner.name) for (const name of imp.names) names.set(name, target);
  }
  return names;
}

function sqlViolations(path: string, owner: Owner, source: ParsedSource, owners: Map<string, string>): Violation[] {
  const out: Violation[] = [];
  const foreign = foreignNames(path, owner, source);
  for (const literal of source.literals) {
    const spliced = literal.substituted.find((name) => foreign.has(name));
    if (spliced && SQL_CLAUSE.test(literal.text)) {
      const from = foreign.get(spliced)!;
      const message = `splices ${spliced} of module ${from} into its SQL; ask ${from} for the rows through a service function instead`;
      out.push({ file: path, line: literal.line, target: spliced, rule: 'splice', message });
    }
    for (const ref of tableReferences(literal.text)) {
      const at = { file: path, line: literal.line, target: ref.table };
      const tableOwner = owners.get(ref.table);
      if (owner.kind === 'seed' && ref.access !== 'read') {
        out.push({ ...at, rule: 'seed-write', message: `seed code writes table ${ref.table}; set the demo city up through the owning module's service functions` });
      } else if (owner.kind === 'module' && tableOwner && tableOwner !== owner.name) {
        const through = tableOwner === KERNEL ? 'the kernel function that serves it' : `a service function exported by ${tableOwner}/index.ts`;
        out.push({ ...at, rule: 'table', message: `module ${owner.name} names table ${ref.table} of ${tableOwner}; use ${through}` });
      } else if (owner.kind === 'kernel' && tableOwner && tableOwner !== KERNEL) {
        out.push({ ...at, rule: 'table', message: `the kernel names table ${ref.table} of module ${tableOwner}` });
      }
    }
  }
  return out;
}

/** Whether an agreed exception covers a crossing. */
export const covers = (e: Exception, v: Violation) => e.rule === v.rule && e.file === v.file && e.target === v.target;

/** Every boundary crossing in the tree. */
export function checkBoundaries(files: TreeFile[]): Violation[] {
  const parsed = new Map<string, ParsedSource>();
  for (const f of files) if (isSource(f.path)) parsed.set(f.path, parseSource(f.path, f.text));
  const owners = tableOwners(files, parsed);
  const violations: Violation[] = [];
  for (const [path, source] of parsed) {
    const owner = ownerOf(path);
    violations.push(...importViolations(path, owner, source), ...sqlViolations(path, owner, source, owners));
  }
  return violations;
}
