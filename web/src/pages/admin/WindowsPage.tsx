import { Input, Switch, Tag } from 'antd';
import { windows } from '../../api/org.ts';
import type { ServiceWindow } from '../../api/types.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { HallSelect } from '../../components/HallSelect.tsx';
import { CrudPage } from '../../crud/CrudPage.tsx';
import { hallFilter, regionFilter } from '../../crud/filters.tsx';
import type { CrudConfig } from '../../crud/types.ts';

const config: CrudConfig<ServiceWindow> = {
  resource: windows,
  title: 'window.title',
  entity: 'window.entity',
  searchPlaceholder: 'window.searchPlaceholder',
  testId: 'windows',
  filters: [hallFilter, regionFilter()],
  displayName: (w) => `${w.number} ${w.name}`,
  errorFields: { WINDOW_NUMBER_TAKEN: 'number' },
  columns: ({ t }) => [
    { key: 'number', dataIndex: 'number', title: t('window.number'), width: 100 },
    { key: 'name', dataIndex: 'name', title: t('window.name') },
    { key: 'hall', dataIndex: 'hallName', title: t('window.hall') },
    { key: 'department', dataIndex: 'departmentName', title: t('window.department') },
    {
      key: 'isGeneral',
      title: t('window.isGeneral'),
      render: (_, w) => (w.isGeneral ? <Tag color="green">{t('window.general')}</Tag> : <Tag>{t('window.dedicated')}</Tag>),
    },
  ],
  fields: [
    { name: 'hallId', label: 'window.hall', required: true, input: () => <HallSelect /> },
    { name: 'number', label: 'window.number', required: true, input: () => <Input maxLength={20} /> },
    { name: 'name', label: 'window.name', required: true, input: () => <Input maxLength={100} /> },
    { name: 'isGeneral', label: 'window.isGeneral', valuePropName: 'checked', initialValue: false, input: () => <Switch /> },
    { name: 'departmentId', label: 'window.department', nullable: true, input: () => <DepartmentSelect allowClear /> },
  ],
};

export default function WindowsPage() {
  return <CrudPage config={config} />;
}
