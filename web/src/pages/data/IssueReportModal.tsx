import { App, Form, Input, Select } from 'antd';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import type { Resource } from './api.ts';
import { placeDemandError } from './demandErrors.ts';
import { dataIssues, type DataIssue } from './exchange-api.ts';
import { TextModal } from './TextModal.tsx';

interface Props {
  /** The library whose record is wrong; null = closed. */
  resource: Resource | null;
  onClose(): void;
  onReported(issue: DataIssue): void;
}

/** 纠错: a value of a record said to be wrong, found by the record's key; its keepers are told and track it. */
export function IssueReportModal({ resource, onClose, onReported }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm();
  const keyName = resource?.fields.find((f) => f.key === resource.keyField)?.name ?? '';

  const report = async (key: string, field: string, description: string) => {
    if (!resource) return;
    try {
      const issue = await dataIssues.report({ resourceId: resource.id, key, field, description });
      message.success(t('data.issue.reported'));
      onReported(issue);
    } catch (err) {
      if (!placeDemandError(form, err, ['key', 'field'])) showError(err);
      throw err;
    }
  };

  return (
    <TextModal
      open={!!resource}
      title={t('data.issue.reportTitle', { name: resource?.name ?? '' })}
      hint={t('data.issue.reportHint')}
      label={t('data.issue.description')}
      required={t('data.issue.descriptionRequired')}
      okText={t('data.issue.report')}
      extra={
        <>
          <Form.Item name="key" label={t('data.issue.keyOf', { name: keyName })} rules={[{ required: true, whitespace: true, message: t('data.issue.keyRequired') }]}>
            <Input maxLength={100} autoComplete="off" data-testid="issue-key" />
          </Form.Item>
          <Form.Item name="field" label={t('data.issue.field')} rules={[{ required: true, message: t('data.issue.fieldRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={resource?.fields.map((f) => ({ value: f.key, label: f.name }))}
              placeholder={t('data.issue.fieldRequired')}
              data-testid="issue-field"
            />
          </Form.Item>
        </>
      }
      form={form}
      inputTestId="issue-description"
      okTestId="issue-report-submit"
      onCancel={onClose}
      onSubmit={(v) => report(String(v.key).trim(), String(v.field), v.text)}
    />
  );
}
