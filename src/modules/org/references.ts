import type { Tx } from '../../kernel/db/index.ts';
import { unprocessable } from '../../kernel/errors.ts';
import { regionExists } from './regions/store.ts';

/** 422 with the field name when a referenced region, department or hall does not exist. */
export async function checkReferences(tx: Tx, input: Record<string, unknown>) {
  if (typeof input.regionCode === 'string' && !(await regionExists(tx, input.regionCode))) {
    throw unprocessable('REGION_NOT_FOUND', { regionCode: input.regionCode }, { field: 'regionCode' });
  }
  for (const [field, table] of [
    ['departmentId', 'department'],
    ['hallId', 'hall'],
  ] as const) {
    const id = input[field];
    if (typeof id === 'string' && !(await tx.one(`select 1 as x from ${table} where id = $1`, [id]))) {
      throw unprocessable('REFERENCE_NOT_FOUND', { field }, { field });
    }
  }
}

