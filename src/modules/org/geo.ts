/** A point in WGS-84 degrees, the datum of browsers' Geolocation API and of the hall table. */
export interface LatLng {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine; within 0.5 % of the ellipsoid, ample for "which hall is nearer"). */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Places ordered nearest first, each with its distance. Places without a position keep their
 * original order after the located ones (distance null): they still exist, we just cannot rank them.
 */
export function byDistance<T extends { latitude?: number | null; longitude?: number | null }>(
  from: LatLng,
  places: readonly T[],
): (T & { distanceMetres: number | null })[] {
  const located: (T & { distanceMetres: number })[] = [];
  const unlocated: (T & { distanceMetres: null })[] = [];
  for (const p of places) {
    if (typeof p.latitude === 'number' && typeof p.longitude === 'number') {
      located.push({ ...p, distanceMetres: distanceMetres(from, { latitude: p.latitude, longitude: p.longitude }) });
    } else {
      unlocated.push({ ...p, distanceMetres: null });
    }
  }
  // Array.prototype.sort is stable, so equally distant places keep their listed order.
  return [...located.sort((x, y) => x.distanceMetres - y.distanceMetres), ...unlocated];
}

/** "850 m" below a kilometre, "12.3 km" above: the precision a walker or driver can use. */
export function formatDistance(metres: number): { value: string; unit: 'm' | 'km' } {
  if (metres < 1000) return { value: String(Math.max(10, Math.round(metres / 10) * 10)), unit: 'm' };
  return { value: (metres / 1000).toFixed(metres < 100_000 ? 1 : 0), unit: 'km' };
}
