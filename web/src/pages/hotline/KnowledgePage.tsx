import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Grid, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { date, dateTimeMinutes } from '../../app/city-time.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { ArticleStatusTag, KnowledgeEditor } from './KnowledgeEditor.tsx';
import { ARTICLE_STATUSES, knowledge, type Article, type ArticleStatus } from './knowledge-api.ts';

const PAGE_SIZE = 20;
const FILTERS = ['department', 'status', 'due', 'article'];
/** The review and expiry dates with what they mean today (待复核, 已过期). */
function Dates({ a, which }: { a: Article; which: 'reviewOn' | 'expiresOn' }) {
  const { t } = useT();
  const value = a[which];
  if (!value) return <>—</>;
  const flag = which === 'reviewOn' ? a.dueForReview && 'due' : a.expired && 'expired';
  return (
    <Space size={4}>
      <span>{date(value)}</span>
      {flag ? <Tag color={flag === 'due' ? 'orange' : 'red'}>{t(`hotlineKnowledge.tag.${flag}`)}</Tag> : null}
    </Space>
  );
}

/**
 * /staff/hotline/knowledge — 12345知识库: a department's staff see and maintain their own
 * department's articles (what is due for review first of all), the centre reads every published
 * one and drafts for any department, administrators everything. Filters and the open article in the URL.
 */
export default function KnowledgePage() {
  const { t } = useT();
  const wide = Grid.useBreakpoint().md !== false;
  const { state, update } = useListQuery(FILTERS);
  const { department, status, due, article } = state.filters;
  const fetchPage = useCallback(
    (signal: AbortSignal) =>
      knowledge.list(
        {
          q: state.q || undefined,
          departmentId: department,
          status: status as ArticleStatus | undefined,
          due: due === '1' ? true : undefined,
          page: state.page,
          pageSize: PAGE_SIZE,
        },
        signal,
      ),
    [state.q, department, status, due, state.page],
  );
  const { page: list, loading, reload } = useFetchedPage(fetchPage);
  const [creating, setCreating] = useState(false);
  const open = (id: string | undefined) => update({ article: id });

  const columns: TableColumnsType<Article> = [
    {
      key: 'title',
      title: t('hotlineKnowledge.col.title'),
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => open(a.id)} data-testid="kb-row-title">
            {a.title}
          </Typography.Link>
          {wide ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.department.name}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(wide
      ? [
          {
            key: 'department',
            title: t('hotlineKnowledge.col.department'),
            width: 200,
            ellipsis: true,
            render: (_: unknown, a: Article) => a.department.name,
          },
          { key: 'version', title: t('hotlineKnowledge.col.version'), width: 70, render: (_: unknown, a: Article) => a.version },
          {
            key: 'review',
            title: t('hotlineKnowledge.col.reviewOn'),
            width: 170,
            render: (_: unknown, a: Article) => <Dates a={a} which="reviewOn" />,
          },
          {
            key: 'expires',
            title: t('hotlineKnowledge.col.expiresOn'),
            width: 170,
            render: (_: unknown, a: Article) => <Dates a={a} which="expiresOn" />,
          },
          {
            key: 'updated',
            title: t('hotlineKnowledge.col.updated'),
            width: 150,
            render: (_: unknown, a: Article) => dateTimeMinutes(a.updatedAt),
          },
        ]
      : []),
    {
      key: 'status',
      title: t('hotlineKnowledge.col.status'),
      width: 90,
      render: (_, a) => <ArticleStatusTag status={a.status} />,
    },
  ];

  return (
    <div data-testid="kb-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="kb-new">
            {t('hotlineKnowledge.new')}
          </Button>
        }
      >
        {t('hotlineKnowledge.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary">{t('hotlineKnowledge.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={state.q}
          placeholder={t('hotlineKnowledge.search')}
          onSearch={(q) => update({ q: q.trim(), page: undefined })}
          style={{ width: 220 }}
          data-testid="kb-search"
        />
        <DepartmentSelect
          value={department}
          onChange={(v) => update({ department: v ?? undefined, page: undefined })}
          allowClear
          placeholder={t('hotlineKnowledge.allDepartments')}
          style={{ width: 220 }}
        />
        <Select<ArticleStatus>
          value={status as ArticleStatus | undefined}
          onChange={(v) => update({ status: v ?? undefined, page: undefined })}
          allowClear
          placeholder={t('hotlineKnowledge.allStatuses')}
          style={{ width: 130 }}
          options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`hotlineKnowledge.status.${s}`) }))}
          data-testid="kb-status"
        />
        <Checkbox
          checked={due === '1'}
          onChange={(e) => update({ due: e.target.checked ? '1' : undefined, page: undefined })}
          data-testid="kb-due"
        >
          {t('hotlineKnowledge.dueOnly')}
        </Checkbox>
      </Space>
      <Table<Article>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={list?.items ?? []}
        locale={{ emptyText: t('hotlineKnowledge.empty') }}
        pagination={{
          current: state.page,
          pageSize: PAGE_SIZE,
          total: list?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => update({ page }),
        }}
        columns={columns}
        data-testid="kb-table"
      />
      <KnowledgeEditor
        id={creating ? 'new' : article}
        onClose={() => {
          setCreating(false);
          open(undefined);
        }}
        onSaved={(a) => {
          setCreating(false);
          open(a.id);
          reload();
        }}
      />
    </div>
  );
}
