import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tx } from '../db/index.ts';
import { chainHandlers } from './chain.ts';
import type { ClaimedEvent } from './worker.ts';

const event = (topic: string): ClaimedEvent => ({ id: '1', topic, payload: {}, regionCode: null, attempts: 0 });
const tx = {} as Tx;

test('handlers of one topic from several maps all run, in order; a failure stops the chain', async () => {
  const ran: string[] = [];
  const map = chainHandlers(
    { a: async () => void ran.push('a1'), b: async () => void ran.push('b1') },
    { a: async () => void ran.push('a2') },
    { a: async () => void ran.push('a3') },
  );
  assert.deepEqual(Object.keys(map).sort(), ['a', 'b']);
  await map.a!(event('a'), tx);
  await map.b!(event('b'), tx);
  assert.deepEqual(ran, ['a1', 'a2', 'a3', 'b1']);
  const failing = chainHandlers({ x: async () => Promise.reject(new Error('boom')) }, { x: async () => void ran.push('never') });
  await assert.rejects(failing.x!(event('x'), tx), /boom/);
  assert.equal(ran.includes('never'), false);
});
