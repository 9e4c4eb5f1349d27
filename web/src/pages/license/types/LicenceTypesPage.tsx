import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { hasAnyRole } from '../../../auth/access.ts';
import { useSession } from '../../../auth/useSession.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { licenceTypes, type LicenceTypeFull, type Validity } from './api.ts';
import { DepartmentNames } from './DepartmentNames.tsx';
import { TypeDrawer } from './TypeDrawer.tsx';

/** 证照目录: the licence types of the region, their data items, validity and issuers. */
export default function LicenceTypesPage() {
  const { t, lang } = useT();
  const showError = useApiError();
  const [rows, setRows] = useState<LicenceTypeFull[]>([]);
  const [q, setQ] = useState('');
  const [loading, setLoading] = useState(true);
  const [drawer, setDrawer] = useState<{ editing: LicenceTypeFull | null } | null>(null);
  // Mirrors MANAGE_ROLES of src/modules/license/types.ts; the server checks scope on every save.
  const manager = hasAnyRole(useSession().user, ['administrator', 'data_officer']);

  const load = useCallback(() => {
    setLoading(true);
    licenceTypes
      .list(q)
      .then((r) => setRows(r.items))
      .catch(showError)
      .finally(() => setLoading(false));
  }, [q, showError]);
  useEffect(load, [load, lang]);

  const validity = (v: Validity) =>
    !v.years && !v.months ? t('licenseTypes.longTerm') : [v.years ? t('licenseTypes.nYears', { n: v.years }) : '', v.months ? t('licenseTypes.nMonths', { n: v.months }) : ''].join('');

  return (
    <div data-testid="licence-types-page">
      <PageTitle
        extra={
          manager ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null })}>
              {t('licenseTypes.create')}
            </Button>
          ) : null
        }
      >
        {t('licenseTypes.title')}
      </PageTitle>
      <Card variant="borderless">
        <div className="crud-toolbar">
          <Input.Search allowClear placeholder={t('licenseTypes.search')} onSearch={setQ} style={{ maxWidth: 320 }} />
        </div>
        <Table<LicenceTypeFull>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          onRow={(r) => ({ onClick: () => setDrawer({ editing: r }), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('licenseTypes.code'), dataIndex: 'code', render: (c: string) => <code>{c}</code> },
            { title: t('licenseTypes.name'), dataIndex: 'name' },
            { title: t('licenseTypes.holderKind'), dataIndex: 'holderKind', render: (k: 'person' | 'enterprise') => t(`licenseTypes.holderKinds.${k}`) },
            { title: t('licenseTypes.issuingDepartments'), key: 'issuers', render: (_, r) => <DepartmentNames ids={r.issuingDepartmentIds} /> },
            { title: t('licenseTypes.fieldCount'), key: 'fields', render: (_, r) => r.fields.length },
            { title: t('licenseTypes.validity'), key: 'validity', render: (_, r) => validity(r.validity) },
            {
              title: t('licenseTypes.status'),
              dataIndex: 'status',
              render: (s: 'active' | 'retired') => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`licenseTypes.statuses.${s}`)}</Tag>,
            },
          ]}
        />
      </Card>
      <TypeDrawer
        open={drawer !== null}
        editing={drawer?.editing ?? null}
        readOnly={!manager}
        onClose={() => setDrawer(null)}
        onSaved={() => {
          setDrawer(null);
          load();
        }}
      />
    </div>
  );
}
