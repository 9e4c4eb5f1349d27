import type { LatLng } from '../modules/org/index.ts';

/**
 * Where the demo city's government service centres stand, by region code: the town centre of
 * each county seat, rounded to about 100 m. WGS-84 (not the GCJ-02 of Chinese map apps), the
 * datum a browser reports, so distances need no conversion. Approximate public-map positions,
 * good enough to rank halls by distance; a real city records its surveyed positions in the
 * admin hall form. Cities without an entry get halls without a position.
 */
export const HALL_POSITIONS: Readonly<Record<string, LatLng>> = {
  '445300000000': { latitude: 22.915, longitude: 112.044 }, // 云浮市 (city centre)
  '445302000000': { latitude: 22.93, longitude: 112.038 }, // 云城区
  '445303000000': { latitude: 23.073, longitude: 112.004 }, // 云安区, 六都镇
  '445321000000': { latitude: 22.696, longitude: 112.225 }, // 新兴县, 新城镇
  '445322000000': { latitude: 23.235, longitude: 111.535 }, // 郁南县, 都城镇
  '445381000000': { latitude: 22.768, longitude: 111.57 }, // 罗定市
};
