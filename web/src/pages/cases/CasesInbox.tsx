import { ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Drawer, Grid, Input, InputNumber, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { cases, materialKey, type CaseDetail, type CaseListRow } from './api.ts';
import { CaseResults } from './CaseResults.tsx';
import { CaseDeadlines } from './CaseDeadlines.tsx';
import { CaseTimeline, DeadlineTag, StatusTag } from './CaseTimeline.tsx';
import { FormFieldsView } from './FormFieldsView.tsx';
import { MaterialViewer } from './MaterialViewer.tsx';
import { InstantOverride } from './workflow/InstantOverride.tsx';
import { useDecisionExtras } from './workflow/useDecisionExtras.tsx';
import { WorkflowActions } from './workflow/WorkflowActions.tsx';
import { WorkflowSection } from './workflow/WorkflowSection.tsx';
import { RevealField } from './workflow/RevealField.tsx';

type View = 'open' | 'mine' | 'all' | 'done';

/** 待办 /staff/todo: the cases whose current step the staff member may act on, most urgent first. */
export default function CasesInbox() {
  const { t, tx } = useT();
  const showError = useApiError();
  const [view, setView] = useState<View>('open');
  const [data, setData] = useState<{ items: CaseListRow[]; counts: Record<string, number> }>();
  const [openId, setOpenId] = useState<string>();

  const load = useCallback(() => cases.inbox({ view }).then(setData, showError), [view, showError]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div data-testid="cases-inbox">
      <PageTitle>{t('cases.inbox.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={(['open', 'mine', 'all', 'done'] as const).map((v) => ({ value: v, label: t(`cases.inbox.view.${v}` as MessageKey) }))}
        />
        {/* work others pass on (an accepted case, a finished 公示) arrives without a page load */}
        <Tooltip title={t('common.refresh')}>
          <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('common.refresh')} data-testid="inbox-refresh" />
        </Tooltip>
        {Object.entries(data?.counts ?? {}).map(([step, n]) => (
          <Badge key={step} count={n} showZero color="blue"><Tag>{tx(`cases.stepName.${step}`, data?.items.find((r) => r.stepKey === step)?.step ?? step)}</Tag></Badge>
        ))}
      </Space>
      <Table<CaseListRow>
        rowKey="id"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('cases.number'), dataIndex: 'number' },
          { title: t('cases.item'), dataIndex: 'itemName' },
          { title: t('cases.applicant'), dataIndex: 'applicantName' },
          { title: t('cases.step'), dataIndex: 'step' },
          { title: t('cases.promisedDue'), render: (_, r) => <DeadlineTag colour={r.colour} due={r.promisedDue} /> },
          { title: t('cases.statusLabel'), render: (_, r) => <StatusTag status={r.status} outcome={r.outcome} /> },
        ]}
      />
      {openId && (
        <CaseDrawer
          id={openId}
          onClose={() => {
            setOpenId(undefined);
            void load();
          }}
        />
      )}
    </div>
  );
}

export function CaseDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, tx } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [detail, setDetail] = useState<CaseDetail>();
  const [opinion, setOpinion] = useState('');
  const [correction, setCorrection] = useState<string[]>([]);
  const [deferred, setDeferred] = useState<string[]>([]);
  const [deferDays, setDeferDays] = useState(5);
  const [toStep, setToStep] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => cases.get(id).then(setDetail, showError), [id, showError]);
  useEffect(() => {
    void load();
  }, [load]);

  const c = detail?.case;
  const materials = (detail?.item.materials ?? []).map((m, i) => ({ value: materialKey(m, i), label: m.name }));
  const act = async (action: string, extra: Record<string, unknown> = {}) => {
    if (!c) return;
    setBusy(true);
    try {
      await cases.act(c.id, action, { version: c.version, ...(opinion.trim() ? { opinion: opinion.trim() } : {}), ...extra });
      message.success(tx(`cases.action.${action}`, tx(`casesWorkflow.action.${action}`, action)));
      setOpinion('');
      if (action === 'claim') await load();
      else onClose();
    } catch (err) {
      showError(err);
      await load();
    } finally {
      setBusy(false);
    }
  };
  const can = (a: string) => detail?.actions.includes(a) ?? false;
  const decision = useDecisionExtras(detail);
  // a phone gets the whole screen: 760 px would run off its right edge
  const wide = Grid.useBreakpoint().md !== false;

  return (
    <Drawer open size={wide ? 760 : '100%'} onClose={onClose} title={c ? `${c.itemName} ${c.number ?? ''}` : ''} data-testid="case-drawer">
      {c && detail && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <StatusTag status={c.status} outcome={c.outcome} />
            {c.currentStep && <Tag color="blue">{c.currentStep.name}</Tag>}
            <CaseDeadlines c={c} colour={detail.colour} />
          </Space>
          <Typography.Text data-testid="case-applicant">{t('cases.applicant')}: {c.applicantName}</Typography.Text>
          <WorkflowSection detail={detail} onChanged={load} />
          {detail.item.form && (
            <Card size="small" title={t('cases.form')}>
              <FormFieldsView
                definition={detail.item.form}
                values={c.formData}
                renderValue={(k, v) => (c.personalFields.includes(k) ? <RevealField caseId={c.id} field={k} masked={v} /> : undefined)}
              />
            </Card>
          )}
          <MaterialViewer caseId={c.id} files={detail.materials} nameOf={(key) => materials.find((m) => m.value === key)?.label ?? key} />
          {detail.actions.length > 0 && (
            <Card size="small" title={t('cases.actions')} data-testid="case-actions">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder={t('cases.opinion')} autoSize={{ minRows: 2 }} data-testid="opinion" />
                {decision.node}
                <Space wrap>
                  {can('claim') && !c.assigneeId && <Button loading={busy} onClick={() => act('claim')}>{t('cases.action.claim')}</Button>}
                  {can('accept') && <Button type="primary" loading={busy} onClick={() => act('accept')} data-testid="action-accept">{t('cases.action.accept')}</Button>}
                  {can('approve') && <Button type="primary" loading={busy} onClick={() => act('approve', decision.approve)} data-testid="action-approve">{t('cases.action.approve')}</Button>}
                  {can('disapprove') && <Button danger loading={busy} onClick={() => act('disapprove', decision.disapprove)}>{t('cases.action.disapprove')}</Button>}
                  {can('refuse') && <Button danger loading={busy} onClick={() => act('refuse')}>{t('cases.action.refuse')}</Button>}
                </Space>
                <WorkflowActions detail={detail} busy={busy} act={act} />
                <InstantOverride detail={detail} busy={busy} act={act} />
                {can('request_correction') && (
                  <Space wrap>
                    <Select mode="multiple" style={{ minWidth: 320 }} options={materials} value={correction} onChange={setCorrection} placeholder={t('cases.correction.pick')} data-testid="correction-pick" />
                    <Button loading={busy} disabled={!correction.length} data-testid="action-request_correction" onClick={() => act('request_correction', { items: correction.map((k) => ({ materialKey: k, note: opinion.trim() || t('cases.correction.defaultNote') })) })}>
                      {t('cases.action.request_correction')}
                    </Button>
                  </Space>
                )}
                {can('accept') && c.caseType === 'promised' && (
                  <Space wrap>
                    <Select mode="multiple" style={{ minWidth: 320 }} options={materials} value={deferred} onChange={setDeferred} placeholder={t('cases.deferred.pick')} />
                    <InputNumber min={1} max={60} value={deferDays} onChange={(v) => setDeferDays(v ?? 5)} addonAfter={t('cases.workingDays')} />
                    <Button loading={busy} disabled={!deferred.length} onClick={() => act('accept', { deferred: { materialKeys: deferred, dueInDays: deferDays } })}>{t('cases.action.accept_deferred')}</Button>
                  </Space>
                )}
                {can('return') && c.currentStep && c.currentStep.index > 1 && (
                  <Space wrap>
                    <Select style={{ minWidth: 160 }} value={toStep} onChange={setToStep} options={c.steps.slice(1, c.currentStep.index).map((s) => ({ value: s.key, label: s.name }))} />
                    <Button loading={busy} disabled={!toStep} onClick={() => act('return', { toStep })}>{t('cases.action.return')}</Button>
                  </Space>
                )}
              </Space>
            </Card>
          )}
          <CaseResults caseId={c.id} finished={c.status === 'completed' || c.status === 'refused'} />
          <Card size="small" title={t('cases.timeline')}>
            <CaseTimeline entries={detail.timeline} />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}
