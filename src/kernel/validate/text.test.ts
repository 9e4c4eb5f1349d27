import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findInvalidText, invalidCharacter } from './text.ts';

test('NUL, the C0 controls but tab/LF/CR, lone surrogates and U+FFFE/U+FFFF are invalid', () => {
  assert.deepEqual(invalidCharacter('ab\u0000c'), { index: 2, codePoint: 'U+0000' });
  for (const c of ['\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\uFFFE', '\uFFFF'])
    assert.ok(invalidCharacter(`x${c}`), `U+${c.charCodeAt(0).toString(16)}`);
  assert.deepEqual(invalidCharacter('a\uD800b'), { index: 1, codePoint: 'U+D800' }, 'a high surrogate alone');
  assert.deepEqual(invalidCharacter('a\uDC00'), { index: 1, codePoint: 'U+DC00' }, 'a low surrogate alone');
  assert.deepEqual(invalidCharacter('\uDC00\uD800'), { index: 0, codePoint: 'U+DC00' }, 'a pair in the wrong order');
  assert.ok(invalidCharacter('😀'.slice(0, 1)), 'half an emoji');
});

test('ordinary text passes: tab, line breaks, Chinese, emoji (a whole pair), DEL and C1 controls', () => {
  for (const s of ['', 'plain', 'a\tb\r\nc', '云浮市政务服务中心', '办好了 😀👍', '𠀀 (U+20000)', '\u007F', '\u0085', '\u00A0', '\uFFFD'])
    assert.equal(invalidCharacter(s), undefined, JSON.stringify(s));
});

test('findInvalidText walks values and keys of nested objects and arrays, naming the field', () => {
  assert.equal(findInvalidText({ a: 'x', b: [1, true, null, { c: 'y' }] }), undefined);
  assert.deepEqual(findInvalidText({ a: 'x', b: [1, { c: 'y\u0000' }] }), { field: 'b.1.c', in: 'value', codePoint: 'U+0000' });
  assert.deepEqual(findInvalidText([['ok', ['deep\uD83D']]]), { field: '0.1.0', in: 'value', codePoint: 'U+D83D' });
  assert.deepEqual(findInvalidText({ form: { 'na\u0000me': 'x' } }), { field: 'form.na\\u0000me', in: 'key', codePoint: 'U+0000' });
  assert.deepEqual(findInvalidText({ list: [{ 'k\u0007': 1 }] }), { field: 'list.0.k\\u0007', in: 'key', codePoint: 'U+0007' });
  assert.deepEqual(findInvalidText('top\u0000'), { field: '', in: 'value', codePoint: 'U+0000' });
  assert.deepEqual(findInvalidText({ q: 'x' }, 'query'), undefined);
  assert.deepEqual(findInvalidText({ q: '\u0000' }, 'query'), { field: 'query.q', in: 'value', codePoint: 'U+0000' });
  // objects without a prototype (parsed query strings) are walked too
  const bare = Object.assign(Object.create(null) as Record<string, unknown>, { q: '\u0000' });
  assert.deepEqual(findInvalidText(bare), { field: 'q', in: 'value', codePoint: 'U+0000' });
});

test('bytes are not text: Buffers pass whatever they hold; numbers and booleans are not strings', () => {
  assert.equal(findInvalidText(Buffer.from([0, 1, 2])), undefined);
  assert.equal(findInvalidText({ file: Buffer.from([0]) }), undefined);
  assert.equal(findInvalidText(new Uint8Array([0])), undefined);
  assert.equal(findInvalidText({ n: 0, t: true, u: undefined, z: null }), undefined);
});

test('a deeply nested body is walked without exhausting the stack', () => {
  let deep: unknown = 'bottom\u0000';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  const found = findInvalidText(deep);
  assert.equal(found?.in, 'value');
  assert.equal(found?.field.split('.').length, 100_000);
});
