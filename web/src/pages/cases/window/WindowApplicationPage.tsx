import { FilePdfOutlined, ScanOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  List,
  Result,
  Segmented,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { RemoteSelect } from '../../../components/RemoteSelect.tsx';
import { useApiError, useErrorText } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import type { FormDefinition } from '../api.ts';
import { PrefilledSources } from '../PrefilledSources.tsx';
import { SchemaForm } from '../SchemaForm.tsx';
import { uploadScan, windowApi, type ApplicantQuery, type ApplicantView, type WindowCase, type WindowForm } from './api.ts';

type Kind = 'person' | 'enterprise';

/** The form without the fields identity fills in: the clerk does not type who the applicant is. */
function withoutPrefilled(def: FormDefinition, prefilled: string[]): FormDefinition {
  const skip = new Set(prefilled);
  const properties = Object.fromEntries(Object.entries(def.schema.properties ?? {}).filter(([k]) => !skip.has(k)));
  return { ...def, schema: { ...def.schema, properties, required: (def.schema.required ?? []).filter((k) => !skip.has(k)) } };
}

const newKey = () => `window-${crypto.randomUUID()}`;

/**
 * /staff/window — 一窗受理: find the applicant (ID number or USCC), choose the item, fill in its
 * form, scan the materials and submit in one step; then print the receipt (受理回执).
 */
export default function WindowApplicationPage() {
  const { t } = useT();
  const showError = useApiError();
  const errorText = useErrorText();
  const [kind, setKind] = useState<Kind>('person');
  const [lookup] = Form.useForm<{ idNumber?: string; uscc?: string; agentIdNumber?: string }>();
  const [query, setQuery] = useState<ApplicantQuery>();
  const [applicant, setApplicant] = useState<ApplicantView>();
  const [lookupError, setLookupError] = useState<string>();
  const [item, setItem] = useState<string>();
  const [prepared, setPrepared] = useState<WindowForm>();
  const [itemError, setItemError] = useState<string>();
  const [form] = Form.useForm();
  const [scans, setScans] = useState<Record<string, { ticket: string; fileName: string }[]>>({});
  const [committed, setCommitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<WindowCase>();
  // one key per application: a double click or a retry after a lost answer records one case
  const idempotencyKey = useRef(newKey());
  const labels = useRef(new Map<string, string>());

  const reset = () => {
    setApplicant(undefined);
    setQuery(undefined);
    setItem(undefined);
    setPrepared(undefined);
    setScans({});
    setDone(undefined);
    lookup.resetFields();
    form.resetFields();
    idempotencyKey.current = newKey();
  };

  const find = async () => {
    const v = await lookup.validateFields();
    const q: ApplicantQuery =
      kind === 'person'
        ? { idNumber: v.idNumber!.trim() }
        : { uscc: v.uscc!.trim(), ...(v.agentIdNumber?.trim() ? { agentIdNumber: v.agentIdNumber.trim() } : {}) };
    setLookupError(undefined);
    setApplicant(undefined);
    setPrepared(undefined);
    setItem(undefined);
    try {
      setApplicant(await windowApi.applicant(q));
      setQuery(q);
    } catch (err) {
      setLookupError(errorText(err));
    }
  };

  const chooseItem = async (code: string | undefined) => {
    setItem(code);
    setPrepared(undefined);
    setScans({});
    setCommitted(false);
    setItemError(undefined);
    form.resetFields();
    if (!code || !query) return;
    try {
      setPrepared(await windowApi.form(code, query));
    } catch (err) {
      setItemError(errorText(err));
    }
  };

  const definition = useMemo(
    () => (prepared?.item.form ? withoutPrefilled(prepared.item.form, Object.keys(prepared.prefill)) : null),
    [prepared],
  );

  const submit = async () => {
    if (!prepared || !query) return;
    const values = (definition ? await form.validateFields() : {}) as Record<string, unknown>;
    setBusy(true);
    try {
      const materials = Object.entries(scans).flatMap(([key, list]) => list.map((s) => ({ key, ticket: s.ticket })));
      const r = await windowApi.record({
        item: prepared.item.code,
        applicant: query,
        formData: values,
        materials,
        idempotencyKey: idempotencyKey.current,
        ...(prepared.item.commitment ? { commitment: committed } : {}),
      });
      setDone(r.case);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div data-testid="window-done">
        <PageTitle>{t('casesWindow.title')}</PageTitle>
        <Result
          status="success"
          title={
            <>
              {t('casesWindow.done.title')} <span data-testid="window-case-number">{done.number}</span>
            </>
          }
          subTitle={
            <Space direction="vertical">
              <span>{done.itemName}</span>
              <span>
                {t('casesWindow.done.queryCode')}:{' '}
                <Typography.Text strong data-testid="window-query-code">
                  {done.queryCode}
                </Typography.Text>
              </span>
              <span>
                {done.caseType === 'immediate'
                  ? t('casesWindow.done.immediate')
                  : t('casesWindow.done.due', { due: done.clock.promisedDue ?? '—' })}
              </span>
            </Space>
          }
          extra={[
            <Button
              key="print"
              type="primary"
              icon={<FilePdfOutlined />}
              href={done.receiptUrl}
              target="_blank"
              data-testid="print-receipt"
            >
              {t('casesWindow.done.print')}
            </Button>,
            <Link key="todo" to="/staff/todo">
              <Button>{t('casesWindow.done.toInbox')}</Button>
            </Link>,
            <Button key="next" onClick={reset} data-testid="window-next">
              {t('casesWindow.done.next')}
            </Button>,
          ]}
        />
      </div>
    );
  }

  return (
    <div data-testid="window-application" style={{ maxWidth: 1000 }}>
      <PageTitle>{t('casesWindow.title')}</PageTitle>
      <Card title={t('casesWindow.applicant.title')} style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Segmented<Kind>
            value={kind}
            onChange={(k) => {
              setKind(k);
              setApplicant(undefined);
              setLookupError(undefined);
            }}
            options={[
              { value: 'person', label: t('casesWindow.applicant.person') },
              { value: 'enterprise', label: t('casesWindow.applicant.enterprise') },
            ]}
          />
          <Form form={lookup} layout="inline" onFinish={find}>
            {kind === 'person' ? (
              <Form.Item
                name="idNumber"
                label={t('casesWindow.applicant.idNumber')}
                rules={[{ required: true, len: 18, message: t('casesWindow.applicant.idNumberRule') }]}
              >
                <Input style={{ width: 240 }} maxLength={18} data-testid="applicant-id-number" />
              </Form.Item>
            ) : (
              <>
                <Form.Item
                  name="uscc"
                  label={t('casesWindow.applicant.uscc')}
                  rules={[{ required: true, len: 18, message: t('casesWindow.applicant.usccRule') }]}
                >
                  <Input style={{ width: 240 }} maxLength={18} data-testid="applicant-uscc" />
                </Form.Item>
                <Form.Item name="agentIdNumber" label={t('casesWindow.applicant.agentIdNumber')}>
                  <Input style={{ width: 240 }} maxLength={18} />
                </Form.Item>
              </>
            )}
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="applicant-find">
              {t('casesWindow.applicant.find')}
            </Button>
          </Form>
          {lookupError && <Alert type="warning" showIcon message={lookupError} data-testid="applicant-error" />}
          {applicant && (
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} data-testid="applicant-found">
              <Descriptions.Item label={t('casesWindow.applicant.name')}>{applicant.name}</Descriptions.Item>
              {applicant.kind === 'person' ? (
                <>
                  <Descriptions.Item label={t('casesWindow.applicant.idNumber')}>{applicant.idNumber}</Descriptions.Item>
                  <Descriptions.Item label={t('casesWindow.applicant.level')}>{applicant.assuranceLevel}</Descriptions.Item>
                </>
              ) : (
                <>
                  <Descriptions.Item label={t('casesWindow.applicant.uscc')}>{applicant.uscc}</Descriptions.Item>
                  <Descriptions.Item
                    label={t(
                      applicant.representative?.role === 'agent'
                        ? 'casesWindow.applicant.agent'
                        : 'casesWindow.applicant.legalRep',
                    )}
                  >
                    {applicant.representative ? `${applicant.representative.name}（${applicant.representative.idNumber}）` : '—'}
                  </Descriptions.Item>
                </>
              )}
            </Descriptions>
          )}
        </Space>
      </Card>

      {applicant && (
        <Card title={t('casesWindow.item.title')} style={{ marginBottom: 12 }}>
          <div data-testid="item-select">
            <RemoteSelect
              value={item}
              onChange={chooseItem}
              placeholder={t('casesWindow.item.search')}
              style={{ width: '100%' }}
              search={async (q) => {
                if (!q.trim()) return [];
                const r = await windowApi.searchItems(q);
                return r.items.map((i) => {
                  const label = `${i.name}（${i.departmentName}）`;
                  labels.current.set(i.code, label);
                  return { value: i.code, label };
                });
              }}
              resolve={async (code) => ({ value: code, label: labels.current.get(code) ?? code })}
            />
          </div>
          {itemError && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={itemError} data-testid="item-error" />}
        </Card>
      )}

      {prepared && (
        <>
          <Card title={`${t('casesWindow.form.title')} · ${prepared.item.name}`} style={{ marginBottom: 12 }}>
            {Object.keys(prepared.prefill).length > 0 && (
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                title={<Typography.Text type="secondary">{t('casesWindow.form.prefilled')}</Typography.Text>}
                style={{ marginBottom: 12 }}
              >
                {Object.entries(prepared.prefill).map(([k, v]) => (
                  <Descriptions.Item key={k} label={prepared.item.form?.schema.properties?.[k]?.title ?? k}>
                    {v}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
            {prepared.item.form && (
              <PrefilledSources
                definition={prepared.item.form}
                sources={prepared.prefilledFrom}
                title={t('casesWindow.form.libraries')}
              />
            )}
            {definition && <SchemaForm form={form} definition={definition} values={{}} />}
          </Card>
          <Card title={t('casesWindow.materials.title')} style={{ marginBottom: 12 }}>
            <List
              dataSource={prepared.item.materials}
              renderItem={(m) => {
                // 免提交 as the server decides it for this applicant: what a library would replace but does not hold them in is scanned
                const skipped = m.skipped;
                const got = scans[m.key] ?? [];
                return (
                  <List.Item
                    data-testid={`scan-${m.key}`}
                    actions={
                      skipped
                        ? []
                        : [
                            <Upload
                              key="scan"
                              showUploadList={false}
                              accept=".pdf,.jpg,.jpeg,.png"
                              customRequest={({ file, onSuccess, onError }) => {
                                uploadScan(file as File).then(
                                  (r) => {
                                    setScans((s) => ({
                                      ...s,
                                      [m.key]: [...(s[m.key] ?? []), { ticket: r.ticket, fileName: r.fileName }],
                                    }));
                                    onSuccess?.(r);
                                  },
                                  (err: Error) => {
                                    showError(err);
                                    onError?.(err);
                                  },
                                );
                              }}
                            >
                              <Button icon={<ScanOutlined />}>{t('casesWindow.materials.scan')}</Button>
                            </Upload>,
                          ]
                    }
                  >
                    <List.Item.Meta
                      title={
                        <Space wrap>
                          {m.name}
                          {m.necessity === 'required' && <Tag color="red">{t('cases.necessity.required')}</Tag>}
                          {skipped && <Tag color="green">{t('cases.skippedByData')}</Tag>}
                        </Space>
                      }
                      description={
                        got.length ? (
                          got.map((s, i) => (
                            <Tag key={i} color="blue">
                              {s.fileName}
                            </Tag>
                          ))
                        ) : m.dataMissing ? (
                          <Typography.Text type="warning" data-testid={`data-missing-${m.key}`}>
                            {t('casesWindow.materials.dataMissing', {
                              provider: m.dataMissing.providerName,
                              resource: m.dataMissing.resourceName,
                            })}
                          </Typography.Text>
                        ) : (
                          m.requirement
                        )
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </Card>
          {prepared.item.commitment && (
            <Card style={{ marginBottom: 12 }}>
              <Checkbox checked={committed} onChange={(e) => setCommitted(e.target.checked)} data-testid="window-commitment">
                {t('casesWindow.commitment')}
              </Checkbox>
            </Card>
          )}
          <Button type="primary" size="large" loading={busy} onClick={submit} data-testid="window-submit">
            {t('casesWindow.submit')}
          </Button>
        </>
      )}
    </div>
  );
}
