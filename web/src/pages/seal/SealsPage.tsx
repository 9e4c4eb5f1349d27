import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Progress, Select, Space, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { SEAL_KINDS, seals, type Seal, type SealCoverage, type SealKind, type SealStatus } from './api.ts';

const STATUS_COLOR: Record<SealStatus, string> = { active: 'green', suspended: 'orange', revoked: 'default' };
const day = (iso: string) => iso.slice(0, 10);

/** 电子印章: every department's seals, their keys and status, and the coverage indicator. */
export default function SealsPage() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [rows, setRows] = useState<Seal[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [loading, setLoading] = useState(true);
  const [coverage, setCoverage] = useState<SealCoverage | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ departmentId: string; kind: SealKind }>();

  const load = useCallback(() => {
    setLoading(true);
    seals
      .list({ page, pageSize: 20, q })
      .then((r) => {
        setRows(r.items);
        setTotal(r.total);
      })
      .catch(showError)
      .finally(() => setLoading(false));
    // Department administrators may list seals but not the city-wide coverage: ignore a 403 there.
    seals.coverage().then(setCoverage, () => setCoverage(null));
  }, [page, q, showError]);
  useEffect(load, [load, lang]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('seal.done'));
      load();
    } catch (err) {
      showError(err);
    }
  };

  const submit = async () => {
    const values = await form.validateFields();
    await act(() => seals.create(values));
    setCreating(false);
    form.resetFields();
  };

  return (
    <div data-testid="seals-page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('seal.create')}
          </Button>
        }
      >
        {t('seal.title')}
      </PageTitle>
      {coverage ? (
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <Space size={48} wrap>
            <Progress type="circle" percent={coverage.rate} size={88} format={(p) => `${p}%`} />
            <Statistic title={t('seal.covered')} value={coverage.covered} suffix={`/ ${coverage.departments}`} />
            <Statistic title={t('seal.uncovered')} value={coverage.departments - coverage.covered} />
            <a href="/api/seals/public-keys" target="_blank" rel="noreferrer">
              {t('seal.publicKeys')}
            </a>
          </Space>
        </Card>
      ) : null}
      <Card variant="borderless">
        <div className="crud-toolbar">
          <Input.Search
            allowClear
            placeholder={t('seal.department')}
            onSearch={(v) => {
              setPage(1);
              setQ(v);
            }}
            style={{ maxWidth: 320 }}
          />
        </div>
        <Table<Seal>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={{ current: page, pageSize: 20, total, onChange: setPage, showSizeChanger: false }}
          columns={[
            {
              title: t('seal.image'),
              key: 'image',
              width: 90,
              render: (_, s) => <img src={seals.imageUrl(s.id)} alt={s.name} width={64} height={64} />,
            },
            { title: t('seal.department'), dataIndex: 'departmentName' },
            { title: t('seal.kind'), dataIndex: 'kind', render: (k: SealKind) => t(`seal.kinds.${k}`) },
            { title: t('seal.code'), dataIndex: 'code', render: (c: string) => <code>{c}</code> },
            {
              title: t('seal.status'),
              dataIndex: 'status',
              render: (st: SealStatus) => <Tag color={STATUS_COLOR[st]}>{t(`seal.statuses.${st}`)}</Tag>,
            },
            { title: t('seal.validity'), key: 'validity', render: (_, s) => `${day(s.validFrom)} ~ ${day(s.validTo)}` },
            {
              title: t('seal.key'),
              key: 'key',
              render: (_, s) => (
                <span>
                  <code>{s.currentKeyId}</code> ({t('seal.keys')} {s.keyCount})
                </span>
              ),
            },
            {
              title: '',
              key: 'actions',
              render: (_, s) =>
                s.status === 'revoked' ? null : (
                  <Space size="small" wrap>
                    <Popconfirm title={t('seal.rotateConfirm')} onConfirm={() => act(() => seals.rotate(s))}>
                      <Button size="small">{t('seal.rotate')}</Button>
                    </Popconfirm>
                    {s.status === 'active' ? (
                      <Button size="small" onClick={() => act(() => seals.setStatus(s, 'suspended'))}>
                        {t('seal.suspend')}
                      </Button>
                    ) : (
                      <Button size="small" onClick={() => act(() => seals.setStatus(s, 'active'))}>
                        {t('seal.resume')}
                      </Button>
                    )}
                    <Popconfirm title={t('seal.revokeConfirm')} onConfirm={() => act(() => seals.setStatus(s, 'revoked'))}>
                      <Button size="small" danger>
                        {t('seal.revoke')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Modal open={creating} title={t('seal.create')} onOk={submit} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ kind: 'licence' }}>
          <Form.Item name="departmentId" label={t('seal.department')} rules={[{ required: true }]}>
            <DepartmentSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('seal.kind')} rules={[{ required: true }]}>
            <Select options={SEAL_KINDS.map((k) => ({ value: k, label: t(`seal.kinds.${k}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
