import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundleStatus, type MemberState } from './status.ts';

const m = (status: MemberState['status'], outcome: MemberState['outcome'] = null): MemberState => ({ status, outcome });

test('a draft or an abandoned draft keeps its own state', () => {
  assert.deepEqual(bundleStatus('draft', []), { status: 'draft', outcome: null });
  assert.deepEqual(bundleStatus('withdrawn', []), { status: 'withdrawn', outcome: null });
});

test('the bundle is in progress until every member is final', () => {
  assert.equal(bundleStatus('submitted', [m('submitted'), m('submitted')]).status, 'submitted');
  assert.equal(bundleStatus('submitted', [m('processing'), m('submitted')]).status, 'processing');
  assert.equal(bundleStatus('submitted', [m('completed', 'approved'), m('processing')]).status, 'processing');
  assert.equal(bundleStatus('submitted', [m('completed', 'approved'), m('correction')]).status, 'correction');
  // a later step's member waits as a draft: not final, not yet counted as started
  assert.equal(bundleStatus('submitted', [m('submitted'), m('draft')]).status, 'submitted');
  assert.equal(bundleStatus('submitted', [m('completed', 'approved'), m('draft')]).status, 'processing');
});

test('outcome: approved only if all approved, disapproved if none, partial otherwise', () => {
  assert.deepEqual(bundleStatus('submitted', [m('completed', 'approved'), m('completed', 'approved')]), { status: 'completed', outcome: 'approved' });
  assert.deepEqual(bundleStatus('submitted', [m('completed', 'approved'), m('completed', 'disapproved')]), { status: 'completed', outcome: 'partial' });
  assert.deepEqual(bundleStatus('submitted', [m('completed', 'approved'), m('refused')]), { status: 'completed', outcome: 'partial' });
  assert.deepEqual(bundleStatus('submitted', [m('refused'), m('completed', 'disapproved')]), { status: 'completed', outcome: 'disapproved' });
  assert.deepEqual(bundleStatus('submitted', [m('withdrawn'), m('withdrawn')]), { status: 'withdrawn', outcome: null });
});
