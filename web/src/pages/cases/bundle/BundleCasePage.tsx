import { Alert, Button, Card, Descriptions, Form, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { PrefilledSources } from '../PrefilledSources.tsx';
import { SchemaForm } from '../SchemaForm.tsx';
import { UploadButton } from '../UploadButton.tsx';
import { useRunAction } from '../useRunAction.ts';
import { bundleCases, uploadBundleMaterial, type BundleCaseDetail } from './api.ts';
import { BundleStatusTag, BundleTimeline, MemberProgress } from './BundleParts.tsx';
import { dateTime } from '../../../app/city-time.ts';

/**
 * /my-bundles/:id — the applicant's one case for a 一件事: fill in the merged form, upload each
 * material once, submit; then follow every department's part, and answer a correction once here.
 */
export default function BundleCasePage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const showError = useApiError();
  const [detail, setDetail] = useState<BundleCaseDetail>();
  const [form] = Form.useForm();
  // one key per page visit: a double click or a retry after a lost answer submits once
  const submitKey = useRef(`bundle-submit-${crypto.randomUUID()}`);

  const load = useCallback(() => bundleCases.get(id).then(setDetail, showError), [id, showError]);
  const { busy, run } = useRunAction(load);
  useEffect(() => {
    void load();
  }, [load]);

  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const b = detail.bundleCase;
  const can = (a: string) => detail.actions.includes(a);
  const editable = can('save');
  const asked = new Set((detail.correction ?? []).map((c) => c.materialKey).filter(Boolean));

  const saveForm = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    return bundleCases.save(b.id, b.version, { ...b.formData, ...values });
  };

  return (
    <div style={{ maxWidth: 1040, margin: '24px auto', padding: '0 16px' }} data-testid="bundle-case">
      <PageTitle>{b.bundleName}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <BundleStatusTag status={b.status} outcome={b.outcome} />
        {b.number && <Typography.Text copyable data-testid="bundle-number">{b.number}</Typography.Text>}
        {b.queryCode && b.number && (
          <Link to={`/bundle-progress?number=${b.number}&code=${b.queryCode}`}>
            {t('cases.queryCode')}: {b.queryCode} · {t('casesBundle.progressLink')}
          </Link>
        )}
      </Space>
      {detail.correction && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="bundle-correction"
          message={t('casesBundle.correctionTitle')}
          description={
            <ul style={{ margin: 0 }}>
              {detail.correction.map((c, n) => (
                <li key={n}>
                  <Tag>{c.itemName}</Tag>
                  {c.materialKey ? `${detail.materials.find((m) => m.key === c.materialKey)?.name ?? c.materialKey}: ` : ''}
                  {c.note}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {b.submittedAt && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('cases.submittedAt')}>{dateTime(b.submittedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('casesBundle.promisedDue')}>{b.promisedDue ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cases.applicant')}>{b.applicantName}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card title={t('casesBundle.members')} style={{ marginBottom: 12 }}>
        <MemberProgress members={detail.members} linkCases />
      </Card>
      <Card title={t('casesBundle.form', { count: Object.keys(detail.form.schema.properties ?? {}).length })} style={{ marginBottom: 12 }}>
        <PrefilledSources definition={detail.form} sources={b.prefilledFrom} />
        <SchemaForm form={form} definition={detail.form} values={b.formData} disabled={!editable} />
      </Card>
      <Card title={t('casesBundle.materials')} style={{ marginBottom: 12 }}>
        <List
          dataSource={detail.materials}
          renderItem={(m) => {
            const uploadable = can('upload') && !m.skipped && (b.status === 'draft' || asked.has(m.key));
            return (
              <List.Item
                data-testid={`bundle-material-${m.key}`}
                actions={
                  uploadable
                    ? [
                        <UploadButton key="up" upload={(file) => uploadBundleMaterial(b.id, m.key, file)} onDone={() => void load()} testId={`bundle-upload-${m.key}`} />,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {m.name}
                      {m.necessity === 'required' && <Tag color="red">{t('cases.necessity.required')}</Tag>}
                      {m.skipped && <Tag color="green">{t('cases.skippedByData')}</Tag>}
                      {m.neededBy.length > 1 && <Tag color="blue">{t('casesBundle.neededBy', { items: m.neededBy.map((n) => n.itemName).join('、') })}</Tag>}
                    </Space>
                  }
                  description={
                    m.files.length ? (
                      m.files.map((f) => <div key={f.id}>{f.fileName}</div>)
                    ) : m.dataMissing ? (
                      <Typography.Text type="warning" data-testid={`bundle-data-missing-${m.key}`}>
                        {t('caseTimeline.dataMissing', { provider: m.dataMissing.providerName, resource: m.dataMissing.resourceName })}
                      </Typography.Text>
                    ) : null
                  }
                />
              </List.Item>
            );
          }}
        />
      </Card>
      <Space wrap style={{ marginBottom: 16 }}>
        {editable && <Button loading={busy} onClick={() => run(saveForm, t('cases.saved'))} data-testid="bundle-save">{t('cases.save')}</Button>}
        {can('submit') && (
          <Button type="primary" loading={busy} data-testid="bundle-submit" onClick={() => run(async () => {
            const saved = await saveForm();
            await bundleCases.submit(b.id, saved.bundleCase.version, submitKey.current);
          }, t('cases.submitted'))}>{t('cases.submit')}</Button>
        )}
        {can('resubmit') && (
          <Button type="primary" loading={busy} data-testid="bundle-resubmit" onClick={() => run(async () => {
            const saved = await saveForm();
            await bundleCases.resubmit(b.id, saved.bundleCase.version);
          }, t('cases.submitted'))}>{t('cases.resubmit')}</Button>
        )}
        {can('withdraw') && (
          <Popconfirm title={t('cases.withdrawConfirm')} onConfirm={() => run(() => bundleCases.withdraw(b.id, b.version), t('cases.withdrawn'))}>
            <Button danger loading={busy}>{t('cases.withdraw')}</Button>
          </Popconfirm>
        )}
      </Space>
      <Card title={t('cases.timeline')}>
        <BundleTimeline entries={detail.timeline} />
      </Card>
    </div>
  );
}
