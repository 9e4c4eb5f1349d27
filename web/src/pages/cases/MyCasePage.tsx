import { Button, Card, Collapse, Form, Popconfirm, Space, Spin } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { cases, type CaseDetail } from './api.ts';
import { ApplicantMaterials } from './ApplicantMaterials.tsx';
import { CaseResults } from './CaseResults.tsx';
import { CaseStatusCard, type CaseSection } from './CaseStatusCard.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { FormFieldsView } from './FormFieldsView.tsx';
import { nextStep } from './nextStep.ts';
import { PrefilledSources } from './PrefilledSources.tsx';
import { SchemaForm } from './SchemaForm.tsx';
import { useRunAction } from './useRunAction.ts';
import { workflow } from './workflow/api.ts';
import { CommitmentSign } from './workflow/CommitmentSign.tsx';
import { InstantApprovalExplain } from './workflow/InstantApprovalExplain.tsx';
import { SpecialRecords } from './workflow/SpecialProcedures.tsx';

const FORM_SECTION = 'case-form-section';
const RESULTS_SECTION = 'case-results-section';

/**
 * /my-cases/:id — the applicant's case, in the order they ask about it: where it stands and what
 * to do next, the result, the progress, and last the form and materials they sent (folded away
 * once there is nothing to edit: read-only, it used to fill a phone's first screens).
 */
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
  // unset: open while the applicant has something to fill in or upload there
  const [formOpen, setFormOpen] = useState<boolean>();

  const load = useCallback(() => cases.get(id).then(setDetail, showError), [id, showError]);
  const { busy, run } = useRunAction(load);
  useEffect(() => {
    void load();
  }, [load]);

  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} />;
  const c = detail.case;
  const needsCommitment = Boolean(detail.item.commitment) && !c.commitment;
  const can = (a: string) => detail.actions.includes(a);
  const editable = can('save');
  const next = nextStep(detail);
  const open = formOpen ?? (editable || next === 'deferred');

  const saveForm = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    return cases.save(c.id, c.version, { ...c.formData, ...values });
  };
  const uploadable = (key: string) => can('upload') && (c.status !== 'submitted' && c.status !== 'processing' ? true : (c.deferred?.materialKeys ?? []).includes(key));
  const go = (section: CaseSection) => {
    if (section === 'form') setFormOpen(true);
    // after the panel opened, so the scroll lands on its content
    requestAnimationFrame(() => document.getElementById(section === 'form' ? FORM_SECTION : RESULTS_SECTION)?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const withdraw = can('withdraw') && (
    <Popconfirm title={t('cases.withdrawConfirm')} onConfirm={() => run(() => cases.withdraw(c.id, c.version), t('cases.withdrawn'))}>
      <Button danger size="small" loading={busy} data-testid="withdraw">{t('cases.withdraw')}</Button>
    </Popconfirm>
  );

  const formAndMaterials = (
    <>
      {detail.item.form && (
        <Card size="small" title={t('cases.form')} style={{ marginBottom: 12 }}>
          <PrefilledSources definition={detail.item.form} sources={c.prefilledFrom} />
          {editable ? <SchemaForm form={form} definition={detail.item.form} values={c.formData} /> : <FormFieldsView definition={detail.item.form} values={c.formData} />}
        </Card>
      )}
      <Card size="small" title={t('cases.materials')} style={{ marginBottom: 12 }}>
        <ApplicantMaterials detail={detail} uploadable={uploadable} onUploaded={() => void load()} />
      </Card>
      <CommitmentSign detail={detail} agreed={agreed} onAgree={setAgreed} editable={can('submit')} />
      <Space wrap>
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
      </Space>
    </>
  );

  return (
    <div style={{ maxWidth: 960, margin: '24px auto', padding: '0 16px' }} data-testid="my-case">
      <PageTitle>{c.itemName}</PageTitle>
      <CaseStatusCard detail={detail} onGo={go} extra={withdraw} />
      <div id={RESULTS_SECTION}>
        <CaseResults caseId={c.id} finished={c.status === 'completed' || c.status === 'refused'} />
        <InstantApprovalExplain result={c.instantApproval} />
      </div>
      {detail.timeline.length > 0 && (
        <Card size="small" title={t('cases.timeline')} style={{ marginBottom: 12 }}>
          <CaseTimeline entries={detail.timeline} />
        </Card>
      )}
      {detail.specialProcedures.length > 0 && <div style={{ marginBottom: 12 }}><SpecialRecords records={detail.specialProcedures} /></div>}
      <div id={FORM_SECTION} data-testid="case-form-section">
        <Collapse
          activeKey={open ? ['form'] : []}
          onChange={(keys) => setFormOpen(keys.includes('form'))}
          items={[{ key: 'form', label: t('casePage.formAndMaterials'), forceRender: true, children: formAndMaterials }]}
        />
      </div>
    </div>
  );
}
