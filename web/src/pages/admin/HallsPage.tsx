import { Input, InputNumber } from 'antd';
import { halls } from '../../api/org.ts';
import type { Hall } from '../../api/types.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { CrudPage } from '../../crud/CrudPage.tsx';
import { regionFilter } from '../../crud/filters.tsx';
import type { CrudConfig } from '../../crud/types.ts';

const config: CrudConfig<Hall> = {
  resource: halls,
  title: 'hall.title',
  entity: 'hall.entity',
  searchPlaceholder: 'hall.searchPlaceholder',
  testId: 'halls',
  filters: [regionFilter()],
  displayName: (h) => h.name,
  columns: ({ t }) => [
    { key: 'name', dataIndex: 'name', title: t('hall.name') },
    { key: 'region', dataIndex: 'regionName', title: t('hall.region') },
    { key: 'address', dataIndex: 'address', title: t('hall.address') },
    { key: 'phone', dataIndex: 'phone', title: t('hall.phone') },
    { key: 'openingHours', dataIndex: 'openingHours', title: t('hall.openingHours'), ellipsis: true },
  ],
  fields: [
    { name: 'name', label: 'hall.name', required: true, input: () => <Input maxLength={100} /> },
    { name: 'regionCode', label: 'hall.region', required: true, input: () => <RegionSelect /> },
    { name: 'address', label: 'hall.address', input: () => <Input maxLength={200} /> },
    { name: 'departmentId', label: 'hall.department', nullable: true, input: () => <DepartmentSelect allowClear /> },
    { name: 'phone', label: 'hall.phone', input: () => <Input maxLength={40} /> },
    {
      name: 'openingHours',
      label: 'hall.openingHours',
      input: ({ t }) => <Input.TextArea rows={2} maxLength={100} placeholder={t('hall.openingHoursPlaceholder')} />,
    },
    {
      name: 'latitude',
      label: 'catalogHalls.latitude',
      nullable: true,
      help: 'catalogHalls.positionHelp',
      input: () => <InputNumber min={-90} max={90} step={0.000001} precision={6} style={{ width: '100%' }} data-testid="hall-latitude" />,
    },
    {
      name: 'longitude',
      label: 'catalogHalls.longitude',
      nullable: true,
      input: () => <InputNumber min={-180} max={180} step={0.000001} precision={6} style={{ width: '100%' }} data-testid="hall-longitude" />,
    },
  ],
};

export default function HallsPage() {
  return <CrudPage config={config} />;
}
