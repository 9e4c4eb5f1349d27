import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SearchIndex, type SearchDoc } from './engine.ts';
import { searchDoc } from './search-doc.test-support.ts';
import { facetCounts } from './facets.ts';

const doc = (name: string, extra: Partial<SearchDoc> = {}): SearchDoc =>
  searchDoc(name, { departmentName: '公安局', tags: { online: false, visits: 1, promisedLimit: { immediate: false, days: 5 } }, ...extra });

const online = { online: true, visits: 0, promisedLimit: { immediate: true, days: 0 } };
const DOCS = [
  doc('出生登记', { themes: { person: ['birth', 'household'], entity: [] }, tags: online, popularity: 90 }),
  doc('出生医学证明', { departmentId: 'wjj', departmentName: '卫健局', typeCode: '21', themes: { person: ['birth'], entity: [] }, popularity: 80 }),
  doc('户口迁移', { themes: { person: ['household'], entity: [] }, tags: online, popularity: 70 }),
  doc('企业招用员工就业登记', { departmentId: 'rsj', departmentName: '人社局', typeCode: '21', themes: { person: [], entity: ['employment'] }, tags: online }),
  doc('个人就业登记', { departmentId: 'rsj', departmentName: '人社局', typeCode: '21', themes: { person: ['employment'], entity: [] } }),
  doc('出生一件事', { kind: 'bundle', departmentId: 'wjj', departmentName: '卫健局', typeCode: null, themes: { person: ['birth'], entity: [] }, tags: undefined }),
];
const index = new SearchIndex(DOCS);
const names = (r: { hits: { doc: SearchDoc }[] }) => r.hits.map((h) => h.doc.name);

test('a theme is looked for in the audience asked for: 个人 就业 is not 法人 就业', () => {
  assert.deepEqual(names(index.search('', { theme: 'employment', audience: 'person' })), ['个人就业登记']);
  assert.deepEqual(names(index.search('', { theme: 'employment', audience: 'entity' })), ['企业招用员工就业登记']);
  assert.equal(index.search('', { theme: 'employment' }).total, 2, 'without an audience either list counts');
  assert.equal(index.search('', { audience: 'entity' }).total, 1, 'an audience alone: items with a theme of it');
});

test('可网办 and paging: the filter keeps online items only; pages follow the ranking', () => {
  assert.deepEqual(names(index.search('', { online: true, kind: 'item' })), ['出生登记', '户口迁移', '企业招用员工就业登记']);
  const all = names(index.search('', { kind: 'item' }, 50));
  assert.equal(all.length, 5);
  assert.deepEqual(names(index.search('', { kind: 'item' }, 2, 2)), all.slice(2, 4));
  assert.deepEqual(names(index.search('', { kind: 'item' }, 2, 10)), [], 'past the end: an empty page');
  assert.equal(index.search('', { kind: 'item' }, 2, 10).total, 5, 'the total does not depend on the page');
});

test('facets: each dimension counts over the other filters, so counts match what choosing lists', () => {
  const docs = index.rank('').map((h) => h.doc);
  const f = facetCounts(docs, { kind: 'item', theme: 'birth', audience: 'person' });
  assert.deepEqual(f.departments, [
    { id: 'gaj', name: '公安局', count: 1 },
    { id: 'wjj', name: '卫健局', count: 1 },
  ]);
  assert.equal(f.online, 1);
  assert.deepEqual(f.types, [
    { code: '07', count: 1 },
    { code: '21', count: 1 },
  ]);
  // the theme facet ignores the chosen theme but keeps the audience
  assert.deepEqual(
    f.themes.map((t) => `${t.audience}:${t.code}=${t.count}`),
    ['person:birth=2', 'person:household=2', 'person:employment=1'],
  );
  for (const d of f.departments) {
    assert.equal(index.search('', { kind: 'item', theme: 'birth', audience: 'person', departmentId: d.id }).total, d.count);
  }
  const chosen = facetCounts(docs, { kind: 'item', departmentId: 'rsj' });
  assert.equal(chosen.departments.length, 3, 'choosing a department still counts the others');
  assert.equal(chosen.online, 1);
});
