import { Input } from 'antd';
import { kiosks } from '../../api/org.ts';
import type { Kiosk } from '../../api/types.ts';
import { HallSelect } from '../../components/HallSelect.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { CrudPage } from '../../crud/CrudPage.tsx';
import { regionFilter } from '../../crud/filters.tsx';
import type { CrudConfig } from '../../crud/types.ts';

const TOWN = 4;

const config: CrudConfig<Kiosk> = {
  resource: kiosks,
  title: 'kiosk.title',
  entity: 'kiosk.entity',
  searchPlaceholder: 'kiosk.searchPlaceholder',
  testId: 'kiosks',
  filters: [regionFilter()],
  displayName: (k) => k.name,
  errorFields: { KIOSK_CODE_TAKEN: 'code' },
  columns: ({ t }) => [
    { key: 'code', dataIndex: 'code', title: t('kiosk.code'), render: (v: string) => <span className="mono">{v}</span> },
    { key: 'name', dataIndex: 'name', title: t('kiosk.name') },
    { key: 'location', dataIndex: 'location', title: t('kiosk.location') },
    { key: 'region', dataIndex: 'regionName', title: t('kiosk.region') },
  ],
  fields: [
    { name: 'code', label: 'kiosk.code', required: true, input: () => <Input maxLength={40} className="mono" /> },
    { name: 'name', label: 'kiosk.name', required: true, input: () => <Input maxLength={100} /> },
    { name: 'location', label: 'kiosk.location', input: () => <Input maxLength={200} /> },
    {
      name: 'regionCode',
      label: 'kiosk.region',
      required: true,
      input: ({ t }) => <RegionSelect minLevel={TOWN} maxLevel={TOWN} placeholder={t('region.townRequired')} />,
    },
    { name: 'hallId', label: 'kiosk.hall', nullable: true, input: () => <HallSelect allowClear /> },
  ],
};

export default function KiosksPage() {
  return <CrudPage config={config} />;
}
