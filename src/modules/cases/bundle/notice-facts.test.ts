import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newNotices, noticeFacts, type NoticeMember } from './notice-facts.ts';
import type { CaseStatus, Step } from '../model.ts';

const STEPS = [{ key: 'accept' }, { key: 'decide' }, { key: 'pay', kind: 'payment' }] as unknown as Step[];
const m = (position: number, status: CaseStatus, extra: Partial<NoticeMember['c']> = {}): NoticeMember => ({
  position,
  itemName: `事项${position}`,
  c: { status, outcome: null, steps: STEPS, current_step: 0, correction_count: 0, fee_notice_id: null, ...extra },
});
const keys = (members: NoticeMember[]) => noticeFacts('submitted', members).map((f) => f.key);

test('accepted only when every started member is past acceptance; later-step drafts wait', () => {
  assert.deepEqual(keys([m(1, 'submitted'), m(2, 'processing')]), ['submitted']);
  assert.deepEqual(keys([m(1, 'processing'), m(2, 'completed', { outcome: 'approved' }), m(3, 'draft')]), ['submitted', 'accepted']);
  // a refused member is told on its own and does not hold back the others' acceptance
  assert.deepEqual(keys([m(1, 'refused'), m(2, 'processing')]), ['submitted', 'accepted', 'refused:1']);
  assert.deepEqual(noticeFacts('draft', [m(1, 'draft')]), []);
});

test('a 补正 and a fee are facts per member and round; the end replaces everything', () => {
  assert.deepEqual(keys([m(1, 'correction', { correction_count: 1 }), m(2, 'processing')]), ['submitted', 'correction:1:1']);
  assert.deepEqual(keys([m(1, 'processing', { current_step: 2, fee_notice_id: 'n1' }), m(2, 'processing')]), ['submitted', 'accepted', 'payment:1:n1']);
  assert.deepEqual(keys([m(1, 'completed', { outcome: 'approved' }), m(2, 'refused')]), ['completed']);
  assert.deepEqual(keys([m(1, 'withdrawn'), m(2, 'withdrawn')]), ['withdrawn']);
});

test('new facts become one message per kind; "accepted" absorbs a "submitted" told late', () => {
  const members = [m(1, 'correction', { correction_count: 1 }), m(2, 'correction', { correction_count: 1 }), m(3, 'processing')];
  const notices = newNotices(noticeFacts('submitted', members), members);
  assert.deepEqual(notices.map((n) => [n.kind, n.items]), [['correction', ['事项1', '事项2']], ['submitted', []]]);
  const accepted = [m(1, 'processing'), m(2, 'processing')];
  const both = newNotices(noticeFacts('submitted', accepted), accepted);
  assert.deepEqual(both.map((n) => [n.kind, n.facts]), [['accepted', ['accepted', 'submitted']]]);
  const done = [m(1, 'completed', { outcome: 'approved' }), m(2, 'completed', { outcome: 'disapproved' }), m(3, 'withdrawn')];
  assert.deepEqual(newNotices(noticeFacts('submitted', done), done)[0]!.outcomes, [
    { item: '事项1', outcome: 'approved' },
    { item: '事项2', outcome: 'disapproved' },
    { item: '事项3', outcome: 'withdrawn' },
  ]);
});
