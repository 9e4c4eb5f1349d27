import { Alert, Statistic, Space, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { RegionName } from '../../../components/RegionName.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useSession } from '../../../auth/useSession.ts';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type ConsistencyGroup } from './api.ts';
import { useRemote } from '../../../components/useRemote.ts';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** /admin/catalog/consistency: "十统一" — the same basic item compared across the regions implementing it. */
export default function ConsistencyPage() {
  const { t, tx } = useT();
  const { user } = useSession();
  const region = user?.regionCode ?? '';
  const report = useRemote(useCallback(() => catalogAdmin.consistency(region), [region]));
  return (
    <div data-testid="catalog-consistency-page">
      <PageTitle>{t('catalog.admin.consistencyTitle')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('catalog.admin.consistencyIntro')}</Typography.Paragraph>
      {report.error ? <Alert type="error" title={(report.error as Error).message} /> : null}
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic title={t('catalog.admin.checked')} value={report.data?.checked ?? 0} />
        <Statistic title={t('catalog.admin.inconsistent')} value={report.data?.inconsistent ?? 0} />
      </Space>
      <Table<ConsistencyGroup>
        rowKey="basicCode"
        loading={report.loading}
        dataSource={(report.data?.groups ?? []).filter((g) => !g.consistent)}
        data-testid="consistency-table"
        expandable={{
          expandedRowRender: (g) => (
            <Table
              size="small"
              rowKey={(d) => `${d.element}-${d.itemId}`}
              pagination={false}
              dataSource={g.deviations}
              columns={[
                {
                  title: t('catalog.admin.element'),
                  dataIndex: 'element',
                  width: 120,
                  render: (e: string) => tx(`catalog.admin.elements.${e}`, e),
                },
                {
                  title: t('catalog.admin.region'),
                  dataIndex: 'regionCode',
                  width: 160,
                  render: (c: string) => <RegionName code={c} />,
                },
                { title: t('catalog.admin.value'), dataIndex: 'value', render: show },
                { title: t('catalog.admin.standard'), dataIndex: 'standard', render: show },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('catalog.admin.name'), dataIndex: 'name' },
          { title: t('catalog.admin.basicCode'), dataIndex: 'basicCode', width: 180, render: (c: string) => <code>{c}</code> },
          { title: t('catalog.admin.regions'), dataIndex: 'regions', width: 100 },
          {
            title: t('catalog.admin.deviations'),
            dataIndex: 'deviations',
            width: 120,
            render: (d: unknown[]) => <Tag color="warning">{d.length}</Tag>,
          },
        ]}
      />
    </div>
  );
}
