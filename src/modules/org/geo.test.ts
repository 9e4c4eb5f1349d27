import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byDistance, distanceMetres, formatDistance } from './geo.ts';

const yunfu = { latitude: 22.915, longitude: 112.044 };
const luoding = { latitude: 22.768, longitude: 111.57 };

describe('hall distance', () => {
  it('is zero for the same point and symmetric', () => {
    assert.equal(distanceMetres(yunfu, yunfu), 0);
    assert.equal(distanceMetres(yunfu, luoding), distanceMetres(luoding, yunfu));
  });

  it('matches known great-circle distances', () => {
    // 云浮 city centre to 罗定: about 51 km as the crow flies.
    const km = distanceMetres(yunfu, luoding) / 1000;
    assert.ok(km > 50 && km < 52.5, `云浮–罗定 ${km} km`);
    // Beijing to Shanghai: 1,067 km on the mean sphere.
    const bs = distanceMetres({ latitude: 39.9042, longitude: 116.4074 }, { latitude: 31.2304, longitude: 121.4737 }) / 1000;
    assert.ok(Math.abs(bs - 1067) < 5, `Beijing–Shanghai ${bs} km`);
    // One degree of latitude is about 111.2 km anywhere.
    assert.ok(Math.abs(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 }) - 111_195) < 10);
  });

  it('orders places nearest first and keeps places without a position last, in their order', () => {
    const places = [
      { name: 'no position A', latitude: null, longitude: null },
      { name: '云浮市', ...yunfu },
      { name: '罗定市', ...luoding },
      { name: 'no position B' },
    ];
    const nearLuoding = { latitude: 22.77, longitude: 111.58 };
    const ordered = byDistance(nearLuoding, places);
    assert.deepEqual(ordered.map((p) => p.name), ['罗定市', '云浮市', 'no position A', 'no position B']);
    assert.ok(ordered[0]!.distanceMetres! < 2000);
    assert.equal(ordered[2]!.distanceMetres, null);
    assert.deepEqual(byDistance(yunfu, places).map((p) => p.name).slice(0, 2), ['云浮市', '罗定市']);
    assert.deepEqual(byDistance(yunfu, []), []);
  });

  it('formats metres below a kilometre and kilometres above', () => {
    assert.deepEqual(formatDistance(3), { value: '10', unit: 'm' });
    assert.deepEqual(formatDistance(847), { value: '850', unit: 'm' });
    assert.deepEqual(formatDistance(51_234), { value: '51.2', unit: 'km' });
    assert.deepEqual(formatDistance(1_067_000), { value: '1067', unit: 'km' });
  });
});
