import { Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { departments, getSectors } from '../../api/org.ts';
import type { Department } from '../../api/types.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useCodeList } from '../../components/useCodeList.ts';
import { CrudPage } from '../../crud/CrudPage.tsx';
import { regionFilter } from '../../crud/filters.tsx';
import type { CrudConfig } from '../../crud/types.ts';
import { useT } from '../../i18n/useT.ts';

/** GB 32100 alphabet: digits and capitals without I, O, Z, S, V. */
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export default function DepartmentsPage() {
  const sectors = useCodeList(getSectors);

  const { tx } = useT();
  const config = useMemo<CrudConfig<Department>>(() => {
    // A translation in the web resources wins over the server's name.
    const sectorName = new Map(sectors.map((s) => [s.code, tx(`sector.${s.code}`, s.name)]));
    return {
      resource: departments,
      title: 'department.title',
      entity: 'department.entity',
      searchPlaceholder: 'department.searchPlaceholder',
      testId: 'departments',
      filters: [regionFilter()],
      displayName: (d) => d.name,
      errorFields: { DEPARTMENT_CODE_TAKEN: 'code', USCC_TAKEN: 'uscc', USCC_INVALID: 'uscc' },
      columns: ({ t }) => [
        { key: 'code', dataIndex: 'code', title: t('department.code'), width: 140 },
        {
          key: 'name',
          title: t('department.name'),
          render: (_, d) => (
            <>
              <div>{d.name}</div>
              {d.shortName ? <Typography.Text type="secondary">{d.shortName}</Typography.Text> : null}
              {d.otherNames?.length ? (
                <div>
                  <Typography.Text type="secondary">{t('orgOtherNames.shown', { names: d.otherNames.join('、') })}</Typography.Text>
                </div>
              ) : null}
            </>
          ),
        },
        { key: 'uscc', dataIndex: 'uscc', title: t('department.uscc'), render: (v: string) => <span className="mono">{v}</span> },
        { key: 'region', dataIndex: 'regionName', title: t('department.region') },
        { key: 'sector', title: t('department.sector'), render: (_, d) => sectorName.get(d.sector) ?? d.sector },
      ],
      fields: [
        {
          name: 'code',
          label: 'department.code',
          required: true,
          input: ({ disabled }) => <Input maxLength={40} disabled={disabled} />,
        },
        { name: 'name', label: 'department.name', required: true, input: () => <Input maxLength={100} /> },
        { name: 'shortName', label: 'department.shortName', input: () => <Input maxLength={40} /> },
        {
          name: 'otherNames',
          label: 'orgOtherNames.label',
          input: () => <Select mode="tags" open={false} maxCount={10} tokenSeparators={['、', ',', '，']} data-testid="other-names" />,
        },
        {
          name: 'uscc',
          label: 'department.uscc',
          required: true,
          rules: (t) => [{ pattern: USCC_PATTERN, message: t('department.usccInvalid') }],
          normalize: (v) => (typeof v === 'string' ? v.toUpperCase() : v),
          input: () => <Input maxLength={18} className="mono" />,
        },
        { name: 'parentId', label: 'department.parent', nullable: true, input: () => <DepartmentSelect allowClear /> },
        { name: 'regionCode', label: 'department.region', required: true, input: () => <RegionSelect /> },
        {
          name: 'sector',
          label: 'department.sector',
          required: true,
          input: () => (
            <Select
              options={[...sectorName].map(([value, label]) => ({ value, label }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="sector-select"
            />
          ),
        },
      ],
    };
  }, [sectors, tx]);

  return <CrudPage config={config} />;
}
