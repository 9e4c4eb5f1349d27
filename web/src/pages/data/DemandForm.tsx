import { App, Checkbox, Form, Input, Modal, Space, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/useSession.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import type { Resource } from './api.ts';
import { dataDemands, type Demand } from './demandApi.ts';
import { placeDemandError } from './demandErrors.ts';
import { SharingTag } from './tags.tsx';

interface Values {
  requesterDepartmentId?: string;
  fields: string[];
  purpose: string;
  legalBasis: string;
}
const INPUTS = ['requesterDepartmentId', 'fields', 'purpose', 'legalBasis'];

interface Props {
  /** The resource asked for; null = closed. */
  resource: Resource | null;
  onClose(): void;
  onSubmitted(demand: Demand): void;
}

/** 申请共享: a department asks for fields of a published resource, with its purpose and legal basis. */
export function DemandForm({ resource, onClose, onSubmitted }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (resource) form.setFieldsValue({ requesterDepartmentId: user?.departmentId ?? undefined, fields: [], purpose: '', legalBasis: '' });
  }, [resource, form, user]);

  const submit = async () => {
    if (!resource) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const demand = await dataDemands.create({
        resourceId: resource.id,
        requesterDepartmentId: v.requesterDepartmentId!,
        fields: resource.fields.map((f) => f.key).filter((k) => v.fields.includes(k)),
        purpose: v.purpose.trim(),
        legalBasis: v.legalBasis.trim(),
      });
      message.success(demand.status === 'approved' ? t('data.demand.done.granted') : t('data.demand.done.submitted'));
      onSubmitted(demand);
    } catch (err) {
      if (!placeDemandError(form, err, INPUTS)) showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!resource}
      title={resource ? t('data.demand.formTitle', { name: resource.name }) : ''}
      okText={t('data.demand.submit')}
      cancelText={t('data.actions.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'demand-submit' } as ButtonProps}
      onOk={submit}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {resource ? (
        <Form form={form} layout="vertical" preserve={false} requiredMark={false} data-testid="demand-form">
          <Typography.Paragraph type="secondary">
            {t('data.demand.formHint', { provider: resource.providerName })} <SharingTag value={resource.sharingType} />
          </Typography.Paragraph>
          {resource.sharingCondition ? (
            <Typography.Paragraph type="secondary">{t('data.demand.condition', { condition: resource.sharingCondition })}</Typography.Paragraph>
          ) : null}
          <Form.Item name="requesterDepartmentId" label={t('data.demand.requester')} rules={[{ required: true, message: t('data.demand.requesterRequired') }]}>
            <DepartmentSelect />
          </Form.Item>
          <Form.Item name="fields" label={t('data.demand.fields')} rules={[{ required: true, type: 'array', min: 1, message: t('data.demand.fieldsRequired') }]}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Space orientation="vertical" size={4}>
                {resource.fields.map((f) =>
                  f.sharingType === 'none' ? (
                    <Tooltip key={f.key} title={t('data.demand.fieldNotShared')}>
                      <Checkbox value={f.key} disabled>
                        {f.name} <Tag>{t('data.sharingTypes.none')}</Tag>
                      </Checkbox>
                    </Tooltip>
                  ) : (
                    <Checkbox key={f.key} value={f.key}>
                      {f.name} {f.sharingType === 'conditional' ? <Tag color="blue">{t('data.sharingTypes.conditional')}</Tag> : null}
                    </Checkbox>
                  ),
                )}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          <Form.Item name="purpose" label={t('data.demand.purpose')} rules={[{ required: true, whitespace: true, message: t('data.demand.purposeRequired') }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('data.demand.purposeHint')} data-testid="demand-purpose" />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('data.demand.legalBasis')} rules={[{ required: true, whitespace: true, message: t('data.demand.legalBasisRequired') }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('data.demand.legalBasisHint')} data-testid="demand-legal-basis" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
