import { Alert, App, Button, Drawer, Form, Grid, Input, List, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { dateTime } from '../../app/city-time.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { hotline, type Category } from './api.ts';
import { knowledge, type Article, type ArticleStatus, type ArticleVersion } from './knowledge-api.ts';

const STATUS_COLOR: Record<ArticleStatus, string> = { draft: 'default', published: 'green', retired: 'red' };

export function ArticleStatusTag({ status }: { status: ArticleStatus }) {
  const { t } = useT();
  return <Tag color={STATUS_COLOR[status]}>{t(`hotlineKnowledge.status.${status}`)}</Tag>;
}

interface Values {
  departmentId: string;
  title: string;
  questions: string[];
  answer: string;
  categoryCodes: string[];
  itemCodes: string[];
  reviewOn?: string;
  expiresOn?: string;
}

const orNull = (s: string | undefined) => (s ? s : null);

/**
 * One article: its content to edit (a save names the version it read; a published article saved
 * becomes its next version) with 发布 / 下架 for the department, and its versions as saved.
 * `id` 'new' opens an empty form; undefined closes the drawer.
 */
export function KnowledgeEditor({
  id,
  onClose,
  onSaved,
}: {
  id: string | undefined;
  onClose(): void;
  onSaved(a: Article): void;
}) {
  const { t } = useT();
  const wide = Grid.useBreakpoint().md !== false;
  const isNew = id === 'new';
  const load = useCallback(() => knowledge.get(id ?? ''), [id]);
  const { data, loading, reload } = useRemote<Article>(load, !!id && !isNew);
  const article = !isNew && data?.id === id ? data : undefined;
  return (
    <Drawer
      open={!!id}
      size={wide ? 720 : '100%'}
      title={
        isNew ? t('hotlineKnowledge.editor.new') : article ? t('hotlineKnowledge.editor.edit', { version: article.version }) : ' '
      }
      extra={article ? <ArticleStatusTag status={article.status} /> : null}
      onClose={onClose}
      destroyOnHidden
      data-testid="kb-editor"
    >
      {!isNew && !article && loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {isNew ? <ArticleForm onSaved={onSaved} /> : null}
      {article ? (
        <Tabs
          items={[
            {
              key: 'content',
              label: t('hotlineKnowledge.editor.content'),
              children: (
                <ArticleForm
                  key={article.version}
                  article={article}
                  onSaved={(a) => {
                    onSaved(a);
                    reload();
                  }}
                />
              ),
            },
            {
              key: 'versions',
              label: t('hotlineKnowledge.editor.versions'),
              children: <Versions key={article.version} id={article.id} />,
            },
          ]}
        />
      ) : null}
    </Drawer>
  );
}

function ArticleForm({ article, onSaved }: { article?: Article; onSaved(a: Article): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    hotline.categories().then(
      (r) => setCategories(r.items),
      () => undefined,
    );
  }, []);
  // the centre may edit its proposals (drafts) but not a department's published article
  const readOnly = !!article && !article.canMaintain && article.status !== 'draft';
  const retired = article?.status === 'retired';

  const run = async (action: 'save' | 'publish' | 'retire', call: () => Promise<Article>) => {
    setBusy(true);
    try {
      const a = await call();
      message.success(
        t(`hotlineKnowledge.action.${action === 'save' ? 'saved' : action === 'publish' ? 'published' : 'retired'}`),
      );
      onSaved(a);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = (v: Values) => {
    const content = {
      title: v.title.trim(),
      questions: (v.questions ?? []).map((q) => q.trim()).filter(Boolean),
      answer: v.answer.trim(),
      categoryCodes: v.categoryCodes ?? [],
      itemCodes: (v.itemCodes ?? []).map((c) => c.trim()).filter(Boolean),
      reviewOn: orNull(v.reviewOn),
      expiresOn: orNull(v.expiresOn),
    };
    return run('save', () =>
      article
        ? knowledge.update(article.id, { ...content, version: article.version })
        : knowledge.create({ ...content, departmentId: v.departmentId }),
    );
  };
  const parents = categories.filter((c) => !c.parentCode);
  const options = parents.map((p) => ({
    label: p.name,
    options: [p, ...categories.filter((c) => c.parentCode === p.code)].map((c) => ({ value: c.code, label: c.name })),
  }));

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={readOnly || retired || busy}
      onFinish={save}
      initialValues={
        article
          ? {
              departmentId: article.department.id,
              title: article.title,
              questions: article.questions,
              answer: article.answer,
              categoryCodes: article.categories.map((c) => c.code),
              itemCodes: article.items.map((i) => i.code),
              reviewOn: article.reviewOn ?? undefined,
              expiresOn: article.expiresOn ?? undefined,
            }
          : { questions: [], categoryCodes: [], itemCodes: [] }
      }
      data-testid="kb-form"
    >
      {readOnly ? (
        <Alert type="info" showIcon title={t('hotlineKnowledge.editor.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      {article ? (
        <Form.Item label={t('hotlineKnowledge.field.department')}>
          <Typography.Text>{article.department.name}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item
          name="departmentId"
          label={t('hotlineKnowledge.field.department')}
          rules={[{ required: true, message: t('hotlineKnowledge.required.department') }]}
        >
          <DepartmentSelect />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t('hotlineKnowledge.field.title')}
        rules={[{ required: true, whitespace: true, message: t('hotlineKnowledge.required.title') }]}
      >
        <Input maxLength={100} data-testid="kb-title" />
      </Form.Item>
      <Form.Item name="questions" label={t('hotlineKnowledge.field.questions')} extra={t('hotlineKnowledge.field.questionsHint')}>
        <Select mode="tags" open={false} maxCount={20} tokenSeparators={['\n']} data-testid="kb-questions" />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('hotlineKnowledge.field.answer')}
        rules={[{ required: true, whitespace: true, message: t('hotlineKnowledge.required.answer') }]}
      >
        <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 4, maxRows: 14 }} data-testid="kb-answer" />
      </Form.Item>
      <Form.Item name="categoryCodes" label={t('hotlineKnowledge.field.categories')}>
        <Select mode="multiple" maxCount={10} options={options} optionFilterProp="label" />
      </Form.Item>
      <Form.Item name="itemCodes" label={t('hotlineKnowledge.field.items')} extra={t('hotlineKnowledge.field.itemsHint')}>
        <Select mode="tags" open={false} maxCount={10} />
      </Form.Item>
      {article?.items.length ? (
        <Space wrap size={4} style={{ marginTop: -16, marginBottom: 16 }}>
          {article.items.map((i) => (
            <Typography.Text key={i.code} type="secondary" style={{ fontSize: 12 }}>
              {i.name ?? i.code}
            </Typography.Text>
          ))}
        </Space>
      ) : null}
      <Space wrap size={16}>
        <Form.Item name="reviewOn" label={t('hotlineKnowledge.field.reviewOn')}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('hotlineKnowledge.field.expiresOn')}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="kb-save">
          {t('hotlineKnowledge.action.save')}
        </Button>
        {article?.canMaintain && article.status === 'draft' ? (
          <Button onClick={() => run('publish', () => knowledge.publish(article))} loading={busy} data-testid="kb-publish">
            {t('hotlineKnowledge.action.publish')}
          </Button>
        ) : null}
        {article?.canMaintain && article.status !== 'retired' ? (
          <Button danger onClick={() => run('retire', () => knowledge.retire(article))} loading={busy} data-testid="kb-retire">
            {t('hotlineKnowledge.action.retire')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}

/** The versions as saved, the newest first; each one's text opens in place. */
function Versions({ id }: { id: string }) {
  const { t } = useT();
  const load = useCallback(() => knowledge.versions(id), [id]);
  const { data, loading } = useRemote(load);
  return (
    <List<ArticleVersion>
      loading={loading}
      dataSource={data?.items ?? []}
      data-testid="kb-versions"
      renderItem={(v) => (
        <List.Item>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space size={8} wrap>
              <Typography.Text strong>{t('hotlineKnowledge.version.label', { version: v.version })}</Typography.Text>
              <ArticleStatusTag status={v.status as Article['status']} />
              <Typography.Text type="secondary">
                {t('hotlineKnowledge.version.savedAt', { at: dateTime(v.savedAt) })}
              </Typography.Text>
            </Space>
            <Typography.Text>{v.title}</Typography.Text>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
              {v.answer}
            </Typography.Paragraph>
          </Space>
        </List.Item>
      )}
    />
  );
}
