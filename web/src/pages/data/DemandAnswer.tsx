import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Form, Segmented, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { APPROVE_INPUTS, ApproveForm, approvalOf, type ApproveValues } from './ApproveForm.tsx';
import { dataDemands, type Demand } from './demandApi.ts';
import { isStale, placeDemandError } from './demandErrors.ts';
import { RefuseForm, type RefuseValues } from './RefuseForm.tsx';

type Choice = 'approve' | 'refuse';

interface Props {
  demand: Demand;
  onAnswered(next: Demand): void;
  /** Someone answered or withdrew it first: read it again. */
  onStale(err: unknown): void;
}

/** The provider's answer to a pending demand: 同意 with the grant's scope, or 不同意 with the reason. */
export function DemandAnswer({ demand, onAnswered, onStale }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [choice, setChoice] = useState<Choice>('approve');
  const [approveForm] = Form.useForm<ApproveValues>();
  const [refuseForm] = Form.useForm<RefuseValues>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setChoice('approve'), [demand.id]);

  const failed = (form: typeof approveForm | typeof refuseForm, inputs: string[]) => (err: unknown) => {
    if (isStale(err)) onStale(err);
    else if (!placeDemandError(form, err, inputs)) showError(err);
  };
  const approve = async () => {
    const v = await approveForm.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      onAnswered(await dataDemands.approve(demand.id, approvalOf(demand, v)));
      message.success(t('data.answer.approved'));
    } catch (err) {
      failed(approveForm, APPROVE_INPUTS)(err);
    } finally {
      setBusy(false);
    }
  };
  const refuse = async () => {
    const v = await refuseForm.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      onAnswered(await dataDemands.refuse(demand.id, { version: demand.version, reason: v.reason.trim() }));
      message.success(t('data.answer.refused'));
    } catch (err) {
      failed(refuseForm, ['reason'])(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="demand-answer">
      <Segmented<Choice>
        value={choice}
        onChange={setChoice}
        options={[
          { value: 'approve', label: t('data.answer.approve'), icon: <CheckOutlined /> },
          { value: 'refuse', label: t('data.answer.refuse'), icon: <CloseOutlined /> },
        ]}
        data-testid="answer-choice"
      />
      {choice === 'approve' ? <ApproveForm demand={demand} form={approveForm} busy={busy} onApprove={approve} /> : <RefuseForm form={refuseForm} busy={busy} onRefuse={refuse} />}
    </Space>
  );
}
