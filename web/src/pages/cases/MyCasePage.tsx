import { Alert, Button, Card, Descriptions, Form, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { cases, materialKey, uploadMaterial, type CaseDetail } from './api.ts';
import { CaseResults } from './CaseResults.tsx';
import { CaseTimeline, ProvisionalTag, StatusTag } from './CaseTimeline.tsx';
import { MaterialNote } from './MaterialNote.tsx';
import { SchemaForm } from './SchemaForm.tsx';
import { UploadButton } from './UploadButton.tsx';
import { useRunAction } from './useRunAction.ts';
import { workflow } from './workflow/api.ts';
import { CommitmentSign } from './workflow/CommitmentSign.tsx';
import { InstantApprovalExplain } from './workflow/InstantApprovalExplain.tsx';
import { PaymentStepCard } from './workflow/PaymentStepCard.tsx';
import { RunningSpecial, SpecialRecords } from './workflow/SpecialProcedures.tsx';

/** /my-cases/:id — the applicant's case: fill in and submit a draft, answer a correction, follow progress. */
export default function MyCasePage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const showError = useApiError();
  const navigate = useNavigate();
  const [detail, setDetail] = useState<CaseDetail>();
  const [form] = Form.useForm();
  // one key per page visit: a double click or a retry after a lost answer submits once
  const submitKey = useRef(`submit-${crypto.randomUUID()}`);
  // 告知承诺制: the applicant ticks "我已阅读并承诺" before a commitment item can be submitted
  const [agreed, setAgreed] = useState(false);

  const load = useCallback(() => cases.get(id).then(setDetail, showError), [id, showError]);
  const { busy, run } = useRunAction(load);
  useEffect(() => {
    void load();
  }, [load]);

  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const c = detail.case;
  const w = detail;
  const needsCommitment = Boolean(w.item.commitment) && !w.case.commitment;
  const can = (a: string) => detail.actions.includes(a);
  const editable = can('save');

  const saveForm = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    return cases.save(c.id, c.version, { ...c.formData, ...values });
  };

  const materials = detail.item.materials.map((m, i) => ({ ...m, key: materialKey(m, i) }));
  // what the server says of each material: obtained by the platform (已自动获取), or to upload
  const statusOf = new Map(detail.materialStatus.map((s) => [s.key, s]));
  const uploadable = (key: string) => can('upload') && (c.status !== 'submitted' && c.status !== 'processing' ? true : (c.deferred?.materialKeys ?? []).includes(key));

  return (
    <div style={{ maxWidth: 960, margin: '24px auto', padding: '0 16px' }} data-testid="my-case">
      <PageTitle>{c.itemName}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag status={c.status} outcome={c.outcome} />
        {c.number && <Typography.Text copyable data-testid="case-number">{c.number}</Typography.Text>}
        {detail.queryCode && <Typography.Text type="secondary">{t('cases.queryCode')}: <span data-testid="query-code">{detail.queryCode}</span></Typography.Text>}
      </Space>
      {c.correction && c.status === 'correction' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="correction-list"
          message={t('cases.correction.title')}
          description={<ul style={{ margin: 0 }}>{c.correction.items.map((i, n) => <li key={n}>{i.materialKey ? `${materials.find((m) => m.key === i.materialKey)?.name ?? i.materialKey}: ` : ''}{i.note}</li>)}</ul>}
        />
      )}
      {c.deferred && c.status === 'processing' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('cases.deferred.title', { due: c.deferred.due ?? '' })} />
      )}
      {c.submittedAt && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('cases.submittedAt')}>{new Date(c.submittedAt).toLocaleString()}</Descriptions.Item>
            <Descriptions.Item label={t('cases.step')}>{c.currentStep?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cases.promisedDue')}>
              {c.clock.promisedDue ?? '—'} <ProvisionalTag provisional={c.clock.provisional} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <InstantApprovalExplain result={w.case.instantApproval} />
      <PaymentStepCard c={w.case} />
      {w.case.specialProcedure && <div style={{ marginBottom: 12 }}><RunningSpecial special={w.case.specialProcedure} /></div>}
      {detail.item.form && (
        <Card title={t('cases.form')} style={{ marginBottom: 12 }}>
          <SchemaForm form={form} definition={detail.item.form} values={c.formData} disabled={!editable} />
        </Card>
      )}
      <Card title={t('cases.materials')} style={{ marginBottom: 12 }}>
        <List
          dataSource={materials}
          renderItem={(m) => {
            const files = detail.materials.filter((f) => f.materialKey === m.key);
            const status = statusOf.get(m.key);
            const skipped = Boolean(status?.fetched) && !files.length;
            return (
              <List.Item
                data-testid={`material-${m.key}`}
                actions={
                  uploadable(m.key) && !skipped
                    ? [
                        <UploadButton key="up" upload={(file) => uploadMaterial(c.id, m.key, file)} onDone={() => void load()} testId={`upload-${m.key}`} />,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {m.name}
                      {m.necessity === 'required' && <Tag color="red">{t('cases.necessity.required')}</Tag>}
                      {m.necessity === 'deferrable' && <Tag color="gold">{t('cases.necessity.deferrable')}</Tag>}
                      {skipped && <Tag color="green" data-testid={`fetched-${m.key}`}>{t('caseTimeline.fetched')}</Tag>}
                    </Space>
                  }
                  description={files.length ? files.map((f) => <div key={f.id}><a href={`/api/cases/${c.id}/materials/${f.id}`} target="_blank" rel="noreferrer">{f.fileName}</a></div>) : <MaterialNote status={status} requirement={m.requirement} />}
                />
              </List.Item>
            );
          }}
        />
      </Card>
      <CommitmentSign detail={w} agreed={agreed} onAgree={setAgreed} editable={can('submit')} />
      <Space wrap style={{ marginBottom: 16 }}>
        {editable && <Button loading={busy} onClick={() => run(saveForm, t('cases.saved'))} data-testid="save">{t('cases.save')}</Button>}
        {can('submit') && (
          <Button type="primary" loading={busy} disabled={needsCommitment && !agreed} title={needsCommitment && !agreed ? t('casesWorkflow.commitment.mustAgree') : undefined} data-testid="submit" onClick={() => run(async () => {
            const saved = await saveForm();
            await workflow.submit(c.id, saved.version, submitKey.current, needsCommitment && agreed);
          }, t('cases.submitted'))}>{t('cases.submit')}</Button>
        )}
        {can('resubmit') && (
          <Button type="primary" loading={busy} data-testid="resubmit" onClick={() => run(async () => {
            const saved = await saveForm();
            await cases.resubmit(c.id, saved.version);
          }, t('cases.submitted'))}>{t('cases.resubmit')}</Button>
        )}
        {can('delete_draft') && (
          <Popconfirm title={t('caseTimeline.deleteConfirm')} onConfirm={() => run(async () => {
            await cases.deleteDraft(c.id);
            navigate('/my-cases', { replace: true });
          }, t('caseTimeline.deleted'))}>
            <Button danger loading={busy} data-testid="delete-draft">{t('caseTimeline.deleteDraft')}</Button>
          </Popconfirm>
        )}
        {can('withdraw') && (
          <Popconfirm title={t('cases.withdrawConfirm')} onConfirm={() => run(() => cases.withdraw(c.id, c.version), t('cases.withdrawn'))}>
            <Button danger loading={busy} data-testid="withdraw">{t('cases.withdraw')}</Button>
          </Popconfirm>
        )}
      </Space>
      <CaseResults caseId={c.id} finished={c.status === 'completed' || c.status === 'refused'} />
      <div style={{ marginBottom: 12 }}><SpecialRecords records={w.specialProcedures} /></div>
      <Card title={t('cases.timeline')}>
        <CaseTimeline entries={detail.timeline} />
      </Card>
    </div>
  );
}
