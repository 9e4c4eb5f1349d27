import { unprocessable } from '../../kernel/errors.ts';
import { entityStore } from './entity.ts';
import { checkReferences } from './references.ts';
import type { ServiceWindow } from './schemas.ts';

export const windows = entityStore<ServiceWindow>({
  entity: 'window',
  table: 'service_window',
  alias: 'w',
  from: 'service_window w join hall h on h.id = w.hall_id left join department d on d.id = w.department_id',
  select: 'w.*, h.name as hall_name, d.name as department_name',
  searchColumns: ['w.name', 'w.number', 'h.name'],
  filters: { hallId: 'w.hall_id', isGeneral: 'w.is_general', departmentId: 'w.department_id' },
  orderBy: 'h.name, w.number',
  readRoles: ['administrator', 'leader'],
  writeRoles: ['administrator'],
  uniqueConstraints: { service_window_number_key: 'WINDOW_NUMBER_TAKEN' },
  inUseCode: 'WINDOW_IN_USE',
  scopeOf: (row) => ({ regionCode: String(row.regionCode) }),
  async prepare(tx, _actor, input) {
    await checkReferences(tx, input);
    // A window belongs to its hall's region, so scope follows the hall.
    if (typeof input.hallId === 'string') {
      const hall = await tx.one<{ region_code: string }>('select region_code from hall where id = $1', [input.hallId]);
      if (!hall) throw unprocessable('REFERENCE_NOT_FOUND', { field: 'hallId' }, { field: 'hallId' });
      input.regionCode = hall.region_code;
    }
    return input;
  },
});
