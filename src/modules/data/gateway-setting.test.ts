import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SettingCache, type Setting } from './gateway-setting.ts';

const setting = { department_id: 'd', fingerprint: 'd:1:active:3:published:1.1' } as Setting;

test('a cached setting serves the same system and resource on the same day, for a minute at most', () => {
  const cache = new SettingCache();
  cache.set('rsj-ywxt', 'R1', '2026-12-07', 1_000, setting);
  assert.equal(cache.get('rsj-ywxt', 'R1', '2026-12-07', 30_000), setting);
  assert.equal(cache.get('rsj-ywxt', 'R2', '2026-12-07', 30_000), undefined, 'another resource');
  assert.equal(cache.get('mz-jzxt', 'R1', '2026-12-07', 30_000), undefined, 'another system');
  assert.equal(cache.get('rsj-ywxt', 'R1', '2026-12-07', 61_001), undefined, 'older than a minute');
});

test('a new day reads the setting again: the grant picked yesterday may have lapsed', () => {
  const cache = new SettingCache();
  cache.set('rsj-ywxt', 'R1', '2026-12-07', 0, setting);
  assert.equal(cache.get('rsj-ywxt', 'R1', '2026-12-08', 10), undefined);
  assert.equal(cache.get('rsj-ywxt', 'R1', '2026-12-07', 10), undefined, 'and the stale entry is gone');
});

test('a dropped setting is read again', () => {
  const cache = new SettingCache();
  cache.set('rsj-ywxt', 'R1', '2026-12-07', 0, setting);
  cache.drop('rsj-ywxt', 'R1');
  assert.equal(cache.get('rsj-ywxt', 'R1', '2026-12-07', 10), undefined);
});
