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
