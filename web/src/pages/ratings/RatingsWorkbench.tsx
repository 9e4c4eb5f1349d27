import { Button, DatePicker, Segmented, Space, Spin, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useCity } from '../../app/useCity.ts';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { ratings, thisMonth, type GroupBy, type Report, type TaskRow } from './api.ts';
import { ResultFigures } from './ResultFigures.tsx';
import { TaskDrawer } from './TaskDrawer.tsx';

type Filter = 'open' | 'overdue' | 'appeal' | 'all';
const RESULT_ROLES = ['administrator', 'leader', 'data_officer', 'department_admin'];

/** /staff/ratings — 差评整改 for the department, results and the monthly report for those who read them. */
export default function RatingsWorkbench() {
  const { t } = useT();
  const { user } = useSession();
  const mayReadResults = user?.roles.some((g) => RESULT_ROLES.includes(g.role)) ?? false;
  return (
    <div data-testid="ratings-workbench">
      <PageTitle>{t('ratings.staff.title')}</PageTitle>
      <Tabs
        items={[
          { key: 'tasks', label: t('ratings.staff.tasks'), children: <TaskList /> },
          ...(mayReadResults ? [{ key: 'results', label: t('ratings.staff.results'), children: <Results /> }] : []),
        ]}
      />
    </div>
  );
}

function TaskList() {
  const { t } = useT();
  const showError = useApiError();
  const [filter, setFilter] = useState<Filter>('open');
  const [data, setData] = useState<{ items: TaskRow[]; total: number }>();
  const [openId, setOpenId] = useState<string>();
  const load = useCallback(() => {
    const query = filter === 'overdue' ? { overdue: true } : filter === 'appeal' ? { appeal: 'pending' } : filter === 'open' ? { active: true } : {};
    return ratings.tasks({ ...query, pageSize: 100 }).then(setData, showError);
  }, [filter, showError]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <Segmented<Filter> value={filter} onChange={setFilter} style={{ marginBottom: 12 }} options={(['open', 'overdue', 'appeal', 'all'] as const).map((f) => ({ value: f, label: t(`ratings.tasks.filter.${f}` as MessageKey) }))} />
      <Table<TaskRow>
        rowKey="id"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' }, 'data-testid': 'rating-task-row' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('ratings.tasks.case'), dataIndex: 'caseNumber' },
          { title: t('ratings.tasks.item'), dataIndex: 'itemName' },
          { title: t('ratings.tasks.department'), dataIndex: 'departmentName' },
          { title: t('ratings.tasks.level'), render: (_, k) => <Tag color="red">{t(`ratings.level.${k.level ?? 1}` as MessageKey)}</Tag> },
          { title: t('ratings.tasks.due'), render: (_, k) => <Space>{k.dueDate}{k.overdue && <Tag color="red">{t('ratings.tasks.overdue')}</Tag>}</Space> },
          { title: t('ratings.tasks.status'), render: (_, k) => <Tag>{t(`ratings.taskStatus.${k.status}` as MessageKey)}</Tag> },
        ]}
      />
      <TaskDrawer id={openId} onClose={() => setOpenId(undefined)} onChanged={() => void load()} />
    </>
  );
}

function Results() {
  const { t } = useT();
  const city = useCity();
  const showError = useApiError();
  const [month, setMonth] = useState(thisMonth());
  const [by, setBy] = useState<GroupBy>('department');
  const [report, setReport] = useState<Report>();
  useEffect(() => {
    if (city.code) ratings.results({ month, regionCode: city.code, by }).then(setReport, showError);
  }, [city.code, month, by, showError]);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
        <Segmented<GroupBy> value={by} onChange={setBy} options={(['department', 'item', 'hall', 'window', 'region', 'staff'] as const).map((g) => ({ value: g, label: t(`ratings.results.by.${g}` as MessageKey) }))} />
        <Button href={ratings.exportUrl(month, city.code)} data-testid="ratings-export">{t('ratings.results.export')}</Button>
      </Space>
      {report ? <ResultFigures report={report} groupTitle={t(`ratings.results.by.${by}` as MessageKey)} /> : <Spin style={{ display: 'block', margin: 48 }} />}
    </>
  );
}
