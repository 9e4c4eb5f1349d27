import { App, Form, Input, Modal, Radio, Segmented, Table, Tag, Button } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { workflow, type CommitmentCheckRow } from './api.ts';

/**
 * 承诺核查 /staff/commitment-checks: after approval by commitment (告知承诺制) the department
 * verifies what the applicant promised by the due day and records kept or broken.
 */
export default function CommitmentChecksPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(true);
  const [rows, setRows] = useState<CommitmentCheckRow[]>();
  const [checking, setChecking] = useState<CommitmentCheckRow>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ result: 'kept' | 'broken'; opinion: string }>();

  const load = useCallback(() => workflow.commitmentChecks(open).then((r) => setRows(r.items), showError), [open, showError]);
  useEffect(() => {
    void load();
  }, [load]);

  const record = async () => {
    if (!checking) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      await workflow.recordCheck(checking.caseId, v.result, v.opinion.trim());
      message.success(t('casesWorkflow.checks.recorded'));
      setChecking(undefined);
      await load();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="commitment-checks">
      <PageTitle>{t('casesWorkflow.checks.title')}</PageTitle>
      <Segmented<boolean>
        style={{ marginBottom: 12 }}
        value={open}
        onChange={setOpen}
        options={[{ value: true, label: t('casesWorkflow.checks.open') }, { value: false, label: t('casesWorkflow.checks.all') }]}
      />
      <Table<CommitmentCheckRow>
        rowKey="caseId"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('casesWorkflow.checks.empty') }}
        columns={[
          { title: t('cases.number'), dataIndex: 'number' },
          { title: t('cases.item'), dataIndex: 'itemName' },
          { title: t('cases.applicant'), dataIndex: 'applicantName' },
          {
            title: t('casesWorkflow.checks.due'),
            render: (_, r) => <Tag color={r.overdue ? 'red' : 'blue'} data-testid={r.overdue ? 'check-overdue' : undefined}>{r.due}{r.overdue ? ` ${t('casesWorkflow.checks.overdue')}` : ''}</Tag>,
          },
          {
            title: t('casesWorkflow.checks.result'),
            render: (_, r) =>
              r.result ? (
                <Tag color={r.result === 'kept' ? 'green' : 'red'}>{t(r.result === 'kept' ? 'casesWorkflow.checks.kept' : 'casesWorkflow.checks.broken')}</Tag>
              ) : (
                <Button size="small" type="primary" onClick={() => setChecking(r)} data-testid={`check-${r.number}`}>{t('casesWorkflow.checks.record')}</Button>
              ),
          },
        ]}
      />
      <Modal
        open={Boolean(checking)}
        title={`${t('casesWorkflow.checks.record')} ${checking?.number ?? ''}`}
        okButtonProps={{ loading: busy, 'data-testid': 'check-ok' }}
        onOk={() => void record().catch(() => undefined)}
        onCancel={() => setChecking(undefined)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ result: 'kept' }}>
          <Form.Item name="result" label={t('casesWorkflow.checks.result')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'kept', label: t('casesWorkflow.checks.kept') },
                { value: 'broken', label: t('casesWorkflow.checks.broken') },
              ]}
            />
          </Form.Item>
          <Form.Item name="opinion" label={t('casesWorkflow.checks.opinion')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="check-opinion" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
