import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SearchIndex } from './engine.ts';
import { searchDoc } from './search-doc.test-support.ts';
import { pinyinOf, words } from './text.ts';

const doc = searchDoc;

const DOCS = [
  doc('居民身份证换领', { aliases: ['换身份证'], popularity: 90, themes: { person: ['household'], entity: [] } }),
  doc('居民身份证挂失申报', { popularity: 30 }),
  doc('出生医学证明首次签发', { departmentId: 'wjj', departmentName: '云浮市卫生健康局', themes: { person: ['birth'], entity: [] }, typeCode: '21', popularity: 60 }),
  doc('出生登记（新生儿入户）', { aliases: ['新生儿上户口'], themes: { person: ['birth', 'household'], entity: [] }, popularity: 70 }),
  doc('食品经营许可（新办）', { departmentId: 'scjg', departmentName: '云浮市市场监督管理局', typeCode: '01', objects: ['enterprise'], keywords: ['餐饮服务'], popularity: 80 }),
  doc('住房公积金提取（退休）', { departmentId: 'gjj', departmentName: '云浮市住房公积金管理中心', regionCode: '445302000000', typeCode: '21', popularity: 50 }),
  doc('城乡居民基本养老保险待遇申领', { departmentId: 'rsj', departmentName: '云浮市人力资源和社会保障局', faqs: [{ q: '退休了怎么领养老金？', a: '达到领取年龄后申领待遇。' }], popularity: 40 }),
  doc('营业执照遗失补领', { departmentId: 'scjg', departmentName: '云浮市市场监督管理局', typeCode: '01', objects: ['enterprise'], popularity: 20 }),
];
const SYNONYMS = [
  ['饭店', '餐饮', '餐馆'],
  ['孩子', '新生儿', '小孩'],
  ['养老金', '养老保险待遇'],
];
const index = new SearchIndex(DOCS, SYNONYMS);
const top = (q: string, filters = {}) => index.search(q, filters, 5).hits.map((h) => h.doc.name);

test('segmentation: jieba words without question words', () => {
  assert.deepEqual(words('孩子出生要办什么'), ['孩子', '出生']);
  assert.ok(words('我想办营业执照').includes('营业执照'));
});

test('pinyin and initials: sfz and shenfenzheng find 身份证', () => {
  assert.deepEqual(pinyinOf('身份证'), { full: 'shenfenzheng', initials: 'sfz' });
  assert.equal(top('sfz')[0], '居民身份证换领');
  assert.equal(top('shenfenzheng')[0], '居民身份证换领');
  assert.equal(top('sfz 换领')[0], '居民身份证换领');
  assert.equal(top('gongjijin')[0], '住房公积金提取（退休）');
});

test('the initials or pinyin of a whole name or alias find it, though jieba cuts it into several words', () => {
  assert.deepEqual(top('xseshk'), ['出生登记（新生儿入户）']);
  assert.equal(top('huanshenfenzheng')[0], '居民身份证换领');
  assert.deepEqual(top('yyzzysbl'), ['营业执照遗失补领']);
  // A name longer than 8 characters is not one term: its initials are too long to be typed anyway.
  assert.deepEqual(top('cxjmjbylbxdysl'), []);
});

test('synonyms: 开饭店 finds 食品经营 via 餐饮; 孩子出生 finds birth items', () => {
  assert.equal(top('开饭店')[0], '食品经营许可（新办）');
  const birth = top('孩子出生要办什么').slice(0, 2).sort();
  assert.deepEqual(birth, ['出生医学证明首次签发', '出生登记（新生儿入户）'].sort());
  assert.equal(top('退休领养老金')[0], '城乡居民基本养老保险待遇申领');
});

test('typo tolerance: homophone 身分证 and a wrong character 营业执招', () => {
  assert.equal(top('身分证换领')[0], '居民身份证换领');
  assert.equal(top('营业执招补领')[0], '营业执照遗失补领');
  assert.equal(top('shenfenzhen')[0], '居民身份证换领', 'one letter missing in pinyin');
});

test('ranking uses popularity between equally good matches', () => {
  const hits = top('居民身份证');
  assert.equal(hits[0], '居民身份证换领');
  assert.equal(hits[1], '居民身份证挂失申报');
});

test('filters: department, type, theme, object, region', () => {
  assert.deepEqual(top('出生', { departmentId: 'wjj' }), ['出生医学证明首次签发']);
  assert.deepEqual(top('出生', { theme: 'household' }), ['出生登记（新生儿入户）']);
  assert.deepEqual(top('营业执照', { object: 'natural_person' }), []);
  assert.deepEqual(top('提取', { regionCode: '445302000000' }), ['住房公积金提取（退休）']);
  assert.deepEqual(top('提取', { regionCode: '445303000000' }), []);
  assert.ok(top('许可', { typeCode: '01' }).every((name) => ['食品经营许可（新办）', '营业执照遗失补领'].includes(name)));
  assert.equal(index.search('', { theme: 'birth' }).total, 2, 'an empty query with a filter lists the filtered items');
});

test('exact code answers the item; nonsense answers nothing', () => {
  assert.equal(index.search('C3').hits[0]?.doc.name, '出生医学证明首次签发');
  assert.equal(index.search('zzzzqqqq').total, 0);
  assert.equal(index.search('的了吗').total, 0);
});

test('suggestions while typing: Chinese prefix, initials and pinyin prefix', () => {
  assert.equal(index.suggest('居民身')[0]?.text, '居民身份证换领');
  assert.ok(index.suggest('csyx').some((s) => s.text === '出生医学证明首次签发'));
  assert.ok(index.suggest('chusheng').length >= 2);
  assert.deepEqual(index.suggest(''), []);
});

test('colloquial queries: a lone character counts inside a name word, a mistyped pair is matched by sound', () => {
  const docs = [
    doc('生育津贴申领', { aliases: ['产假工资'], popularity: 10 }),
    doc('养老保险待遇领取', { faqs: [{ q: '待遇怎么领？', a: '每月领取。' }], popularity: 90 }),
    doc('普通护照签发', { aliases: ['护照过期', '补办护照'], popularity: 30 }),
    doc('居民身份证有效期满换领', { popularity: 90 }),
  ];
  const idx = new SearchIndex(docs, [['生育津贴', '产假工资', '生育保险待遇']]);
  const first = (q: string) => idx.search(q, {}, 3).hits[0]?.doc.name;
  // 领 is inside 申领; the pieces of the synonym 生育保险待遇 (待遇) do not outweigh the word itself.
  assert.equal(first('生育津贴怎么领'), '生育津贴申领');
  // jieba cuts the typo 过其 into 过 / 其; joined, it sounds like 过期.
  assert.equal(first('护照过其了'), '普通护照签发');
  assert.ok(idx.search('护照过其了', {}, 3).hits[0]!.matched.some((m) => m.startsWith('过其:')));
});

test('an administrator synonym the segmenter does not know is still one query word', () => {
  const withSynonym = new SearchIndex(DOCS, [['水狗子', '居民身份证']]);
  assert.equal(withSynonym.search('水狗子').hits[0]?.doc.name, '居民身份证换领');
  assert.ok(withSynonym.search('水狗子').hits[0]?.matched.some((m) => m.includes('synonym')));
});
