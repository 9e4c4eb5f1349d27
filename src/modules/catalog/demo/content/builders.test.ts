import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citing, licensingDecision, withMarks } from './builders.ts';
import { department, type ItemSpec } from './define.ts';

const spec: ItemSpec = {
  key: 'test.marks',
  no: 1,
  name: '测试事项',
  type: '21',
  basis: [],
  conditions: [],
  materials: [],
  statutory: 1,
  promised: 0,
  depth: 4,
  result: '测试结果',
};

test('marks spell out the service options they name, and nothing else', () => {
  const marked = withMarks({ ...spec, marks: 'hf instant crossProvince nationwide ownWindow' });
  assert.equal(marked.hf, true);
  assert.equal(marked.instant, true);
  assert.equal(marked.crossProvince, true);
  assert.equal(marked.crossScope, 'nation');
  assert.equal(marked.generalWindow, false);
  assert.equal(marked.mobile, undefined);
  assert.equal(withMarks(spec), spec);
});

test('an item written with marks equals the item written with the options', () => {
  const d = department('GAJ', 100);
  const byMarks = d.item({ ...spec, marks: 'hf mobile kiosk commitment onlinePayment' });
  const byOptions = d.item({ ...spec, hf: true, mobile: true, kiosk: true, commitment: true, onlinePayment: true });
  assert.deepEqual(byMarks, byOptions);
  assert.equal(byMarks.flags.highFrequency, true);
  assert.equal(byMarks.flags.kiosk, true);
});

test('an unknown mark is a content error naming the item', () => {
  assert.throws(() => withMarks({ ...spec, marks: 'hf fast' }), /test\.marks: unknown mark fast/);
  assert.throws(() => withMarks({ ...spec, marks: 'hf  mobile' }), /unknown mark/);
});

test('a citation helper cites its law, keeping the extras of the law and of the citation', () => {
  const cite = citing('某某条例', { docNumber: '令第1号' });
  assert.deepEqual(cite('第二条', '条文', { kind: 'implementing' }), {
    law: '某某条例',
    article: '第二条',
    text: '条文',
    kind: 'implementing',
    docNumber: '令第1号',
  });
  assert.equal(licensingDecision('附件', '某许可').docNumber, '国务院令第412号');
  assert.equal(licensingDecision('附件', '某许可').kind, 'setting');
});
