import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Drawer, Form, Input, Popconfirm, Radio, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { GOOD, GENUINE_BUT, staffLicences, type Licence, type LicenceIssue, type LicenceType } from './api.ts';

interface IssueForm {
  typeId: string;
  departmentId: string;
  holderName: string;
  holderCode: string;
  /** For a type either may hold (不动产权证书): whom this licence is for. */
  holderKind?: 'person' | 'enterprise';
  /** A person's document: 居民身份证, or a foreign national's 护照. */
  codeType?: 'id_card' | 'passport';
  personId?: string;
  validFrom?: { format(f: string): string };
  validTo?: { format(f: string): string };
  fields: Record<string, string | { format(f: string): string }>;
}

/** 电子证照 in the workbench: licences of the staff member's scope; issue, suspend, revoke, renew. */
export default function LicencesWorkbench() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [rows, setRows] = useState<Licence[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [loading, setLoading] = useState(true);
  const [types, setTypes] = useState<LicenceType[]>([]);
  const [issuing, setIssuing] = useState(false);
  const [form] = Form.useForm<IssueForm>();
  const typeId = Form.useWatch('typeId', form);
  const type = types.find((x) => x.id === typeId);
  const chosenKind = Form.useWatch('holderKind', form);
  const holderKind = type?.holderKind === 'any' ? (chosenKind ?? 'person') : type?.holderKind;
  // a foreign national is known by a passport and has no account to link
  const codeType = Form.useWatch('codeType', form);
  const passport = holderKind === 'person' && codeType === 'passport';

  const load = useCallback(() => {
    setLoading(true);
    staffLicences
      .list({ page, pageSize: 20, q })
      .then((r) => {
        setRows(r.items);
        setTotal(r.total);
      })
      .catch(showError)
      .finally(() => setLoading(false));
  }, [page, q, showError]);
  useEffect(load, [load, lang]);
  useEffect(() => {
    staffLicences.types().then((r) => setTypes(r.items), showError);
  }, [showError]);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      message.success(t('license.staff.done'));
      load();
    } catch (err) {
      showError(err);
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    if (!type) return;
    const day = (d?: { format(f: string): string }) => d?.format('YYYY-MM-DD');
    const body: LicenceIssue = {
      typeId: v.typeId,
      departmentId: v.departmentId,
      holder: {
        kind: holderKind ?? 'person',
        name: v.holderName,
        code: v.holderCode,
        ...(passport ? { codeType: 'passport' as const } : {}),
        ...(v.personId && !passport ? { personId: v.personId } : {}),
      },
      fields: Object.fromEntries(
        Object.entries(v.fields ?? {})
          .filter(([, x]) => x !== undefined && x !== '')
          .map(([k, x]) => [k, typeof x === 'string' ? x : x.format('YYYY-MM-DD')]),
      ),
      ...(day(v.validFrom) ? { validFrom: day(v.validFrom) } : {}),
      ...(day(v.validTo) ? { validTo: day(v.validTo) } : {}),
    };
    try {
      const issued = await staffLicences.issue(body);
      message.success(t('license.staff.issued', { identifier: issued.identifier }));
      setIssuing(false);
      form.resetFields();
      load();
    } catch (err) {
      showError(err);
    }
  };

  const color = (l: Licence) => (GOOD.includes(l.verdict) ? 'green' : GENUINE_BUT.includes(l.verdict) ? 'orange' : 'red');

  return (
    <div data-testid="licences-workbench">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('license.staff.issue')}
          </Button>
        }
      >
        {t('license.staff.title')}
      </PageTitle>
      <Card variant="borderless">
        <div className="crud-toolbar">
          <Input.Search
            allowClear
            placeholder={t('license.staff.search')}
            onSearch={(v) => {
              setPage(1);
              setQ(v);
            }}
            style={{ maxWidth: 360 }}
          />
        </div>
        <Table<Licence>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={{ current: page, pageSize: 20, total, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('license.staff.type'), dataIndex: 'typeName' },
            { title: t('license.staff.holder'), key: 'holder', render: (_, l) => l.holder.name },
            {
              title: t('license.staff.identifier'),
              dataIndex: 'identifier',
              render: (id: string) => <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{id}</code>,
            },
            {
              title: t('license.staff.validity'),
              key: 'validity',
              render: (_, l) => `${l.validFrom} ~ ${l.validTo ?? t('license.verify.longTerm')}`,
            },
            { title: t('license.staff.status'), key: 'status', render: (_, l) => <Tag color={color(l)}>{l.statusName}</Tag> },
            {
              title: '',
              key: 'actions',
              render: (_, l) => (
                <Space size="small" wrap>
                  <Button size="small" href={staffLicences.pdfUrl(l.id)} target="_blank">
                    {t('license.staff.pdf')}
                  </Button>
                  {l.status === '01' ? (
                    <>
                      <Button size="small" onClick={() => act(() => staffLicences.operate(l, '03', t('license.staff.suspend')))}>
                        {t('license.staff.suspend')}
                      </Button>
                      <Button size="small" onClick={() => act(() => staffLicences.renew(l))}>
                        {t('license.staff.renew')}
                      </Button>
                    </>
                  ) : null}
                  {l.status === '02' ? (
                    <Button size="small" onClick={() => act(() => staffLicences.operate(l, '06', t('license.staff.restore')))}>
                      {t('license.staff.restore')}
                    </Button>
                  ) : null}
                  {l.status === '01' || l.status === '02' ? (
                    <Popconfirm
                      title={t('license.staff.revoke')}
                      onConfirm={() => act(() => staffLicences.operate(l, '05', t('license.staff.revoke'), '03'))}
                    >
                      <Button size="small" danger>
                        {t('license.staff.revoke')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        open={issuing}
        title={t('license.staff.issue')}
        size={520}
        onClose={() => setIssuing(false)}
        extra={
          <Button type="primary" onClick={submit}>
            {t('license.staff.issue')}
          </Button>
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="typeId" label={t('license.staff.type')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={types.map((x) => ({ value: x.id, label: `${x.name}（${x.code}）` }))} data-testid="licence-type" />
          </Form.Item>
          <Form.Item name="departmentId" label={t('license.staff.department')} rules={[{ required: true }]}>
            <DepartmentSelect />
          </Form.Item>
          {type?.holderKind === 'any' ? (
            <Form.Item name="holderKind" label={t('license.staff.holderKind')} initialValue="person">
              <Radio.Group
                options={(['person', 'enterprise'] as const).map((k) => ({ value: k, label: t(`licenseTypes.holderKinds.${k}`) }))}
                data-testid="licence-holder-kind"
              />
            </Form.Item>
          ) : null}
          {holderKind === 'person' ? (
            <Form.Item name="codeType" label={t('license.staff.codeType')} initialValue="id_card">
              <Radio.Group options={(['id_card', 'passport'] as const).map((k) => ({ value: k, label: t(`license.staff.codeTypes.${k}`) }))} data-testid="licence-code-type" />
            </Form.Item>
          ) : null}
          <Form.Item name="holderName" label={t('license.staff.holderName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="holderCode" label={t('license.staff.holderCode')} rules={[{ required: true }]}>
            <Input maxLength={18} />
          </Form.Item>
          {holderKind === 'person' && !passport ? (
            <Form.Item name="personId" label={t('license.staff.personId')}>
              <Input />
            </Form.Item>
          ) : null}
          {type?.fields.map((f) => (
            <Form.Item key={f.key} name={['fields', f.key]} label={f.label} rules={[{ required: f.required }]}>
              {f.type === 'date' ? <DatePicker style={{ width: '100%' }} /> : <Input />}
            </Form.Item>
          ))}
          <Space>
            <Form.Item name="validFrom" label={t('license.staff.validFrom')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="validTo" label={t('license.staff.validTo')}>
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Drawer>
    </div>
  );
}
