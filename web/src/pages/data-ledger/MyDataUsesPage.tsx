import { Alert, Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { dateTime } from '../../app/city-time.ts';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { DATA_USE_KINDS, dataLedger, type DataUse, type DataUseKind } from './api.ts';
import { ReportUseDialog } from './ReportUseDialog.tsx';

const PATH = '/my-data-uses';
const PAGE_SIZE = 10;
const FILTERS = ['kind'];
const ALL = 'all';
const KIND_COLORS: Record<DataUseKind, string> = {
  gateway: 'blue',
  export: 'purple',
  prefill: 'cyan',
  material: 'geekblue',
  licence: 'green',
  reveal: 'orange',
};

const isKind = (v: string | undefined): v is DataUseKind => (DATA_USE_KINDS as readonly string[]).includes(v ?? '');

/**
 * /my-data-uses — 我的数据使用记录: every use of the signed-in person's data by a department
 * (who, which data, for what, on which basis), newest first, by kind; 提出异议 on one, and the
 * data bureau's answer beside it.
 */
export default function MyDataUsesPage() {
  const { t } = useT();
  const { user } = useSession();
  if (!user || user.kind !== 'person') return <SignInPrompt message={t('dataLedger.signIn')} back={PATH} />;
  return <DataUseLedger />;
}

function DataUseLedger() {
  const { t } = useT();
  const { state, update } = useListQuery(FILTERS);
  const kind = isKind(state.filters.kind) ? state.filters.kind : undefined;
  const fetchPage = useCallback(
    (signal: AbortSignal) => dataLedger.mine({ kind, page: state.page, pageSize: PAGE_SIZE }, signal),
    [kind, state.page],
  );
  const { page: list, loading, reload } = useFetchedPage(fetchPage);
  const [reporting, setReporting] = useState<DataUse | null>(null);

  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: '0 16px' }} data-testid="my-data-uses">
      <PageTitle>{t('dataLedger.title')}</PageTitle>
      <Typography.Paragraph type="secondary" data-testid="data-uses-intro">
        {t('dataLedger.intro')}
      </Typography.Paragraph>
      <Tag.CheckableTagGroup<string>
        aria-label={t('dataLedger.filter')}
        data-testid="data-use-kinds"
        style={{ marginBottom: 12, rowGap: 8 }}
        options={[ALL, ...DATA_USE_KINDS].map((k) => ({
          value: k,
          label: k === ALL ? t('dataLedger.all') : t(`dataLedger.kind.${k as DataUseKind}`),
        }))}
        value={kind ?? ALL}
        onChange={(v) => update({ kind: v && v !== ALL ? v : undefined, page: undefined })}
      />
      <List<DataUse>
        loading={loading}
        dataSource={list?.items ?? []}
        rowKey="id"
        locale={{
          emptyText: (
            <Empty
              description={
                <Space orientation="vertical" size={4} data-testid="data-uses-empty">
                  <Typography.Text>
                    {kind ? t('dataLedger.emptyKind', { kind: t(`dataLedger.kind.${kind}`) }) : t('dataLedger.empty')}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t('dataLedger.emptyHint')}</Typography.Text>
                </Space>
              }
            />
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: PAGE_SIZE,
          total: list?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          size: 'small',
          align: 'center',
          showTotal: (total) => t('dataLedger.total', { total }),
          onChange: (page) => update({ page }),
        }}
        renderItem={(u) => <DataUseCard use={u} onReport={() => setReporting(u)} />}
      />
      <ReportUseDialog
        use={reporting}
        onClose={() => setReporting(null)}
        onDone={() => {
          setReporting(null);
          reload();
        }}
      />
    </div>
  );
}

/** One use: kind and time, who (department and system), which data, 用途 and 法律依据, and its 异议. */
function DataUseCard({ use: u, onReport }: { use: DataUse; onReport: () => void }) {
  const { t } = useT();
  const unstated = <Typography.Text type="secondary">{t('dataLedger.unstated')}</Typography.Text>;
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="data-use">
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <Tag color={KIND_COLORS[u.kind]} data-testid="data-use-kind">
            {t(`dataLedger.kind.${u.kind}`)}
          </Tag>
          <Typography.Text type="secondary">{dateTime(u.at)}</Typography.Text>
        </Space>
        <Typography.Text strong data-testid="data-use-who">
          {u.departmentName}
          {u.system ? ` · ${u.system}` : ''}
        </Typography.Text>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'data',
              label: t('dataLedger.data'),
              children: (
                <div>
                  <div>{u.resourceName}</div>
                  <Space wrap size={[4, 4]} style={{ marginTop: 4 }} data-testid="data-use-fields">
                    {u.fields.map((f) => (
                      <Tag key={f} style={{ marginInlineEnd: 0 }}>
                        {f}
                      </Tag>
                    ))}
                  </Space>
                </div>
              ),
            },
            { key: 'purpose', label: t('dataLedger.purpose'), children: u.purpose ?? unstated },
            { key: 'legalBasis', label: t('dataLedger.legalBasis'), children: u.legalBasis ?? unstated },
          ]}
        />
        {u.report ? (
          <ReportState report={u.report} />
        ) : (
          <div>
            <Button size="small" onClick={onReport} data-testid="data-use-report">
              {t('dataLedger.report')}
            </Button>
          </div>
        )}
      </Space>
    </Card>
  );
}

function ReportState({ report }: { report: NonNullable<DataUse['report']> }) {
  const { t } = useT();
  const answered = report.status === 'answered';
  return (
    <Alert
      type={answered ? 'success' : 'warning'}
      showIcon
      data-testid="data-use-reported"
      title={
        <Space wrap size={[8, 0]}>
          {t('dataLedger.reported')}
          <Tag color={answered ? 'green' : 'gold'} data-testid="data-use-report-status">
            {t(`dataLedger.status.${report.status}`)}
          </Tag>
        </Space>
      }
      description={
        // typed text is shown as text (React escapes it), its line breaks kept
        <Space orientation="vertical" size={4} style={{ whiteSpace: 'pre-wrap' }}>
          <span>
            <Typography.Text type="secondary">{t('dataLedger.yourReason')}</Typography.Text>
            {report.reason}
          </span>
          {report.answer ? (
            <span data-testid="data-use-answer">
              <Typography.Text type="secondary">{t('dataLedger.answer')}</Typography.Text>
              {report.answer}
            </span>
          ) : null}
        </Space>
      }
    />
  );
}
