import { HallSelect } from '../components/HallSelect.tsx';
import { RegionSelect } from '../components/RegionSelect.tsx';
import type { CrudFilter } from './types.ts';

/** Filter a list by region (the server includes everything below the chosen region). */
export const regionFilter = (minLevel = 1, maxLevel = 5): CrudFilter => ({
  name: 'regionCode',
  render: (value, onChange, t) => (
    <RegionSelect
      value={value}
      onChange={onChange}
      allowClear
      minLevel={minLevel}
      maxLevel={maxLevel}
      placeholder={t('common.regionFilter')}
      style={{ width: 220 }}
    />
  ),
});

export const hallFilter: CrudFilter = {
  name: 'hallId',
  render: (value, onChange, t) => (
    <HallSelect value={value} onChange={onChange} allowClear placeholder={t('hall.filter')} style={{ width: 220 }} />
  ),
};
