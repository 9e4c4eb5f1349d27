import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allKeys, pickLang, t } from './index.ts';

const srcDir = new URL('../..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

test('zh-CN and en-US have the same keys', () => {
  assert.deepEqual(allKeys('en-US').sort(), allKeys('zh-CN').sort());
});

test('every error code the code can raise has a message in both languages', () => {
  const codes = new Set<string>();
  const patterns = [
    /new AppError\('([A-Z_]+)'/g,
    /(?:conflict|unprocessable|stillReferenced)\('([A-Z_]+)'/g,
    /errorBody\([^,]+, '([A-Z_]+)'/g,
    /\[\d{3}, '([A-Z_]+)'\]/g,
    /Code: '([A-Z_]+)'/g,
    /: '([A-Z][A-Z_]+_(?:TAKEN|IN_USE))'/g,
  ];
  for (const file of sources(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const p of patterns) for (const m of text.matchAll(p)) codes.add(m[1]!);
  }
  assert.ok(codes.size > 20, `found only ${codes.size} codes`);
  const keys = new Set(allKeys('zh-CN'));
  const missing = [...codes].filter((c) => !keys.has(`error.${c}`));
  assert.deepEqual(missing, []);
});

test('messages interpolate parameters and the language follows the request', () => {
  assert.equal(t('zh-CN', 'error.DEPARTMENT_HAS_STAFF', { count: 3 }), '该部门下还有 3 名工作人员，不能删除');
  assert.equal(pickLang('en-GB,en;q=0.9'), 'en-US');
  assert.equal(pickLang('fr-FR'), 'zh-CN');
  assert.equal(pickLang(undefined, 'en'), 'en-US');
});
