import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

/**
 * The web app takes its API types from the modules' schema files, type-only (web/README.md, "API
 * types"). That works only while those files stay free of the server: one import of a service,
 * of Fastify or of the database, and the web's type-check pulls in the whole server (and fails
 * on its Fastify augmentations). This test names the import that broke it.
 */
const root = resolve(import.meta.dirname, '../..');
const serverDir = join(root, 'src');
/** The only packages a contract file may reach: TypeBox, and Node's own modules for their types. */
const allowed = (specifier: string) => specifier === 'typebox' || specifier.startsWith('node:');

const specifiers = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"`;]*?\bfrom\s+'([^']+)'/gm)].map((m) => m[1]!);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every server file the web app imports, with the web file that imports it. */
function serverFilesOfTheWeb(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of filesUnder(join(root, 'web/src'))) {
    for (const s of specifiers(file)) {
      const target = s.startsWith('.') ? resolve(dirname(file), s) : undefined;
      if (target?.startsWith(`${serverDir}/`)) found.set(target, relative(root, file));
    }
  }
  return found;
}

test('the server files the web app imports reach nothing of the server but TypeBox', () => {
  const start = serverFilesOfTheWeb();
  assert.ok(start.size > 10, 'the web app imports its API types from the schema files');
  // who first imported each file: a server file, or for the start the web file
  const importer = new Map<string, string>(start);
  const trail = (file: string): string => {
    const from = importer.get(file)!;
    return `${from.startsWith(serverDir) ? trail(from) : from} → ${relative(root, file)}`;
  };
  const queue = [...start.keys()];
  const problems: string[] = [];
  while (queue.length) {
    const file = queue.shift()!;
    assert.ok(existsSync(file), `${trail(file)}: no such file`);
    for (const s of specifiers(file)) {
      if (!s.startsWith('.')) {
        if (!allowed(s)) problems.push(`${trail(file)} imports '${s}'`);
        continue;
      }
      const next = resolve(dirname(file), s);
      if (!importer.has(next)) {
        importer.set(next, file);
        queue.push(next);
      }
    }
  }
  assert.deepEqual(problems, [], 'keep API schemas in files that import only typebox and other such files');
});

test("the web app reaches the server only through a module's api.ts (or the kernel's), type-only", () => {
  // org's distance arithmetic is the one runtime file the phone shares with the server
  const shared = new Set(['src/modules/org/geo.ts']);
  const contract = /^src\/(?:modules\/[^/]+|kernel)\/api\.ts$/;
  const stray = [...serverFilesOfTheWeb()]
    .map(([file, from]) => [relative(root, file), from] as const)
    .filter(([file]) => !contract.test(file) && !shared.has(file))
    .map(([file, from]) => `${from} → ${file}`);
  assert.deepEqual(stray, [], "import API types from src/modules/<module>/api.ts");
});

test('every module with API schemas has an api.ts that its index.ts re-exports', () => {
  const modules = readdirSync(join(root, 'src/modules'), { withFileTypes: true }).filter((e) => e.isDirectory());
  const missing: string[] = [];
  for (const m of modules) {
    const dir = join(root, 'src/modules', m.name);
    const hasSchemas = filesUnder(dir).some((f) => /(?:^|[/-])schemas\.ts$/.test(f));
    if (!hasSchemas) continue;
    if (!existsSync(join(dir, 'api.ts'))) missing.push(`${m.name}: no api.ts`);
    else if (!/export \* from '\.\/api\.ts';/.test(readFileSync(join(dir, 'index.ts'), 'utf8'))) missing.push(`${m.name}: index.ts does not re-export api.ts`);
  }
  assert.deepEqual(missing, []);
});
