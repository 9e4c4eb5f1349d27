import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Type } from 'typebox';
import type { Tx } from '../db/index.ts';
import { handlerMap, on } from './subscription.ts';
import { defineTopic } from './topic.ts';
import type { ClaimedEvent } from './worker.ts';

const A = defineTopic('test.a_happened', Type.Object({ n: Type.Integer() }));
const B = defineTopic('test.b_happened', Type.Object({}));
const event = (topic: string): ClaimedEvent => ({ id: '1', topic, payload: { n: 1 }, regionCode: null, attempts: 0 });
const tx = {} as Tx;

test('handlers of one topic from several subscriptions all run, in order; a failure stops the chain', async () => {
  const ran: string[] = [];
  const map = handlerMap([
    on(A, async (e) => void ran.push(`a1:${e.payload.n + 1}`)),
    on(B, async () => void ran.push('b1')),
    on(A, async () => void ran.push('a2')),
    on(A, async () => void ran.push('a3')),
  ]);
  assert.deepEqual(Object.keys(map).sort(), [A.name, B.name]);
  await map[A.name]!(event(A.name), tx);
  await map[B.name]!(event(B.name), tx);
  assert.deepEqual(ran, ['a1:2', 'a2', 'a3', 'b1']);
  const failing = handlerMap([on(B, async () => Promise.reject(new Error('boom'))), on(B, async () => void ran.push('never'))]);
  await assert.rejects(failing[B.name]!(event(B.name), tx), /boom/);
  assert.equal(ran.includes('never'), false);
});
