import { Card, List, Segmented } from 'antd';
import { useCallback, useState } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { dataUseReports, USE_REPORT_STATUSES, type UseReportStatus, type UseReportTask } from './exchange-api.ts';
import { TextModal } from './TextModal.tsx';
import { useChange } from './useChange.ts';
import { UseReportCard } from './UseReportCard.tsx';
import { emptyLocale, ListToolbar } from './ListToolbar.tsx';

const PARAMS = ['status'];
type View = UseReportStatus | 'all';

/** 使用异议: the uses of their data citizens said were wrong, for the data bureau to answer; open first. */
export function UseReportsPage() {
  const { t } = useT();
  const change = useChange();
  const { state, update } = useListQuery(PARAMS);
  const status = USE_REPORT_STATUSES.find((s) => s === state.filters.status);
  const fetchPage = useCallback((signal: AbortSignal) => dataUseReports.list({ status, page: state.page, pageSize: state.pageSize }, signal), [status, state.page, state.pageSize]);
  const { page: list, loading, reload } = useFetchedPage(fetchPage);
  const [answering, setAnswering] = useState<UseReportTask | null>(null);

  const answer = (r: UseReportTask, text: string) =>
    change(() => dataUseReports.answer(r.id, { version: r.version, answer: text }), {
      done: t('data.useReport.answered'),
      stale: ['DATA_USE_REPORT_ANSWERED'],
      staleText: t('data.useReport.stale'),
      settled: () => {
        setAnswering(null);
        reload();
      },
    });

  return (
    <div data-testid="data-reports-page">
      <PageTitle>{t('data.useReport.title')}</PageTitle>
      <Card variant="borderless">
        <ListToolbar onReload={reload}>
          <Segmented<View>
            value={status ?? 'all'}
            onChange={(v) => update({ status: v === 'all' ? undefined : v, page: 1 })}
            options={[{ value: 'all' as View, label: t('data.useReport.all') }, ...USE_REPORT_STATUSES.map((s) => ({ value: s, label: t(`data.useReport.statuses.${s}`) }))]}
            data-testid="use-report-filter"
          />
        </ListToolbar>
        <List<UseReportTask>
          loading={loading}
          dataSource={list?.items ?? []}
          rowKey="id"
          locale={emptyLocale(t(status === 'open' ? 'data.useReport.emptyOpen' : 'data.useReport.empty'))}
          pagination={
            (list?.total ?? 0) > state.pageSize
              ? { current: state.page, pageSize: state.pageSize, total: list?.total, onChange: (page) => update({ page }), size: 'small', showSizeChanger: false }
              : false
          }
          renderItem={(r) => (
            <List.Item style={{ display: 'block', borderBlockEnd: 'none', padding: '0 0 12px' }}>
              <UseReportCard report={r} onAnswer={setAnswering} />
            </List.Item>
          )}
        />
      </Card>
      <TextModal
        open={!!answering}
        title={t('data.useReport.replyTitle')}
        hint={answering ? t('data.useReport.replyHint', { reason: answering.reason }) : null}
        label={t('data.useReport.answer')}
        required={t('data.useReport.answerRequired')}
        okText={t('data.useReport.reply')}
        maxLength={1000}
        inputTestId="use-report-text"
        okTestId="use-report-submit"
        onCancel={() => setAnswering(null)}
        onSubmit={(v) => (answering ? answer(answering, v.text) : Promise.resolve())}
      />
    </div>
  );
}
