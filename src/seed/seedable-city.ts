import { AppError } from '../kernel/errors.ts';
import { findCity, type CityInfo } from '../modules/org/index.ts';

/**
 * The city (or county-level city) of Guangdong a code names, as the seed sets it up; any other
 * code is UNKNOWN_CITY. Its own file so that `yiwang seed` refuses a mistyped code before it
 * loads the platform and opens the database.
 */
export function seedableCity(cityCode: string): CityInfo {
  const info = findCity(cityCode);
  if (!info || !info.code.startsWith('44')) throw new AppError('UNKNOWN_CITY', 422, { code: cityCode }, { code: cityCode });
  return info;
}
