import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSmsReply, tagMenu } from './sms-reply.ts';

test('a level alone, with a tag number, with words; full-width digits', () => {
  assert.deepEqual(parseSmsReply('5'), { level: 5, tags: [], comment: '' });
  assert.deepEqual(parseSmsReply(' ５ 很好 '), { level: 5, tags: [], comment: '很好' });
  assert.deepEqual(parseSmsReply('2 7'), { level: 2, tags: ['long_wait'], comment: '' });
  assert.deepEqual(parseSmsReply('1，8 窗口人员态度差'), { level: 1, tags: ['attitude'], comment: '窗口人员态度差' });
  assert.deepEqual(parseSmsReply('4满意'), { level: 4, tags: [], comment: '满意' });
});

test('not a reply: out of range, words only, unknown tag number, empty', () => {
  for (const text of ['7', '0', '好', '', '55', '2 99', 'abc 5']) assert.equal(parseSmsReply(text), undefined, text);
});

test('the tag menu numbers every national tag from 1', () => {
  assert.match(tagMenu(), /^1无理由超过法定办理时间 2未在承诺时间内办结 .* 11其他$/);
});
