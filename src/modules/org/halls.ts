import { validationFailed } from '../../kernel/errors.ts';
import { entityStore, stillReferenced } from './entity.ts';
import { checkReferences } from './references.ts';
import type { Hall } from './schemas.ts';

export const halls = entityStore<Hall>({
  entity: 'hall',
  table: 'hall',
  alias: 'h',
  from: 'hall h join region r on r.code = h.region_code',
  select: 'h.*, r.name as region_name',
  searchColumns: ['h.name', 'h.address'],
  filters: { departmentId: 'h.department_id' },
  orderBy: 'h.region_code, h.name',
  readRoles: ['administrator', 'leader'],
  writeRoles: ['administrator'],
  uniqueConstraints: {},
  inUseCode: 'HALL_IN_USE',
  scopeOf: (row) => ({ regionCode: String(row.regionCode) }),
  async prepare(tx, _actor, input, existing) {
    await checkReferences(tx, input);
    // A PATCH may send one coordinate; the pair that would be stored is what must be whole.
    const latitude = 'latitude' in input ? input.latitude : existing?.latitude;
    const longitude = 'longitude' in input ? input.longitude : existing?.longitude;
    const hasLatitude = latitude !== undefined && latitude !== null;
    const hasLongitude = longitude !== undefined && longitude !== null;
    if (hasLatitude !== hasLongitude) {
      throw validationFailed(hasLatitude ? 'longitude' : 'latitude', 'latitude and longitude go together');
    }
    return input;
  },
  async beforeDelete(tx, row) {
    const windows = await tx.one<{ n: number }>('select count(*) as n from service_window where hall_id = $1', [row.id]);
    if (Number(windows?.n) > 0) throw stillReferenced('HALL_HAS_WINDOWS', Number(windows?.n));
  },
});
