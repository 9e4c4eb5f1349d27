import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Drawer, List, Row, Space, Steps, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type BundleDetail, type BundleRow } from './api.ts';
import { BundleEditor } from './BundleEditor.tsx';
import { StatusTag } from './StatusTag.tsx';
import { useRemote } from '../../../components/useRemote.ts';

/** /admin/catalog/bundles: 一件事 — list, merged view (one form, one material list), edit, publish, retire. */
export default function BundlesPage() {
  const { t, tx } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [page, setPage] = useState(1);
  const list = useRemote(useCallback(() => catalogAdmin.bundles({ page, pageSize: 20 }), [page]));
  const [viewing, setViewing] = useState<BundleDetail>();
  const [editing, setEditing] = useState<{ open: boolean; bundle?: BundleDetail }>({ open: false });

  const open = async (code: string) => {
    try {
      setViewing(await catalogAdmin.bundle(code));
    } catch (err) {
      showError(err);
    }
  };
  const act = async (code: string, action: 'publish' | 'retire') => {
    try {
      setViewing(await catalogAdmin.bundleAction(code, action));
      message.success(t(`catalog.admin.done.${action}`));
      list.reload();
    } catch (err) {
      showError(err);
    }
  };

  return (
    <div data-testid="catalog-bundles-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true })} data-testid="bundle-create">
            {t('catalog.admin.newBundle')}
          </Button>
        }
      >
        {t('catalog.admin.bundlesTitle')}
      </PageTitle>
      <Table<BundleRow>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        onRow={(r) => ({ onClick: () => open(r.code), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('catalog.admin.name'), dataIndex: 'name' },
          { title: t('catalog.admin.bundleCode'), dataIndex: 'code', width: 170 },
          {
            title: t('catalog.admin.audience'),
            dataIndex: 'audience',
            width: 90,
            render: (a: string) => tx(`catalog.admin.audiences.${a}`, a),
          },
          { title: t('catalog.admin.members'), dataIndex: 'memberCount', width: 90 },
          {
            title: t('catalog.admin.status.label'),
            dataIndex: 'status',
            width: 100,
            render: (s: string) => <StatusTag status={s} />,
          },
        ]}
      />
      <Drawer
        open={!!viewing}
        onClose={() => setViewing(undefined)}
        size={820}
        title={viewing?.bundle.name}
        data-testid="bundle-view"
      >
        {viewing ? (
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            <Space wrap>
              <StatusTag status={viewing.bundle.status} />
              {viewing.bundle.status !== 'retired' ? (
                <Button onClick={() => setEditing({ open: true, bundle: viewing })}>{t('catalog.admin.edit')}</Button>
              ) : null}
              {viewing.bundle.status !== 'published' ? (
                <Button type="primary" onClick={() => act(viewing.bundle.code, 'publish')} data-testid="bundle-publish">
                  {t('catalog.admin.actions.publish')}
                </Button>
              ) : (
                <Button danger onClick={() => act(viewing.bundle.code, 'retire')}>
                  {t('catalog.admin.actions.retire')}
                </Button>
              )}
            </Space>
            <Typography.Paragraph>{viewing.bundle.content.guide}</Typography.Paragraph>
            <Steps
              orientation="vertical"
              size="small"
              items={viewing.steps.map((s) => ({
                title: `${t('catalog.admin.step')} ${s.step} · ${tx(`catalog.admin.mode.${s.mode}`, s.mode)}`,
                content: s.members.map((m) => (
                  <div key={m.code}>
                    {m.name || m.code} {m.optional ? <Tag>{t('catalog.admin.optionalMember')}</Tag> : null}
                    {!m.published ? <Tag color="warning">{t('catalog.admin.notPublished')}</Tag> : null}
                  </div>
                )),
              }))}
            />
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Card
                  size="small"
                  title={t('catalog.admin.mergedForm', {
                    asked: viewing.form.fields.length,
                    total: viewing.form.fieldsBeforeMerge,
                  })}
                >
                  <List
                    size="small"
                    dataSource={viewing.form.fields}
                    renderItem={(f) => (
                      <List.Item>
                        {f.title} {f.askedBy.length > 1 ? <Tag color="blue">×{f.askedBy.length}</Tag> : null}
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card
                  size="small"
                  title={t('catalog.admin.mergedMaterials', {
                    listed: viewing.materials.length,
                    total: viewing.materialsBeforeMerge,
                  })}
                >
                  <List
                    size="small"
                    dataSource={viewing.materials}
                    renderItem={(m) => (
                      <List.Item title={m.neededBy.map((n) => n.itemName).join('、')}>
                        {m.name} {m.neededBy.length > 1 ? <Tag color="blue">×{m.neededBy.length}</Tag> : null}
                      </List.Item>
                    )}
                  />
                </Card>
              </Col>
            </Row>
          </Space>
        ) : null}
      </Drawer>
      <BundleEditor
        open={editing.open}
        editing={editing.bundle}
        onClose={() => setEditing({ open: false })}
        onSaved={(code) => {
          setEditing({ open: false });
          list.reload();
          void open(code);
        }}
      />
    </div>
  );
}
