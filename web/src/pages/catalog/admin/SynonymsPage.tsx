import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useSession } from '../../../auth/useSession.ts';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type SynonymGroup } from './api.ts';
import { useRemote } from '../../../components/useRemote.ts';

/** /admin/catalog/synonyms: word groups search treats as the same (maintained by the data bureau). */
export default function SynonymsPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const { user } = useSession();
  const list = useRemote(useCallback(() => catalogAdmin.synonyms(), []));
  const [words, setWords] = useState<string[]>([]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      message.success(t('catalog.admin.saved'));
      list.reload();
      return true;
    } catch (err) {
      showError(err);
      return false;
    }
  };

  return (
    <div data-testid="catalog-synonyms-page">
      <PageTitle>{t('catalog.admin.synonymsTitle')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('catalog.admin.synonymsIntro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          mode="tags"
          open={false}
          value={words}
          onChange={setWords}
          style={{ minWidth: 360 }}
          placeholder={t('catalog.admin.synonymWords')}
          data-testid="synonym-words"
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={words.length < 2 || !user}
          onClick={async () => {
            if (await run(() => catalogAdmin.addSynonym(words, user!.regionCode ?? ''))) setWords([]);
          }}
          data-testid="synonym-add"
        >
          {t('catalog.admin.addSynonym')}
        </Button>
      </Space>
      <Table<SynonymGroup>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 30 }}
        columns={[
          {
            title: t('catalog.admin.synonymWords'),
            dataIndex: 'words',
            render: (w: string[]) => w.map((x) => <Tag key={x}>{x}</Tag>),
          },
          {
            width: 60,
            render: (_: unknown, g) => (
              <Popconfirm title={t('catalog.admin.deleteAsk')} onConfirm={() => run(() => catalogAdmin.deleteSynonym(g.id))}>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('catalog.admin.remove')} />
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
