import { entityStore } from './entity.ts';
import { checkReferences } from './references.ts';
import type { Kiosk } from './schemas.ts';

export const kiosks = entityStore<Kiosk>({
  entity: 'kiosk',
  table: 'kiosk',
  alias: 'k',
  from: 'kiosk k join region r on r.code = k.region_code',
  select: 'k.*, r.name as region_name',
  searchColumns: ['k.name', 'k.code', 'k.location'],
  filters: { hallId: 'k.hall_id' },
  orderBy: 'k.region_code, k.code',
  readRoles: ['administrator', 'leader'],
  writeRoles: ['administrator'],
  uniqueConstraints: { kiosk_code_key: 'KIOSK_CODE_TAKEN' },
  inUseCode: 'KIOSK_IN_USE',
  scopeOf: (row) => ({ regionCode: String(row.regionCode) }),
  async prepare(tx, _actor, input) {
    await checkReferences(tx, input);
    return input;
  },
});
