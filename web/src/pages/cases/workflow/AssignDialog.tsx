import { Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { workflow } from './api.ts';

/** 分派: pick a colleague who can act on the current step (the server lists only those it accepts). */
export function AssignDialog({ caseId, open, busy, onAssign, onCancel }: {
  caseId: string;
  open: boolean;
  busy: boolean;
  onAssign: (assigneeId: string, note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const showError = useApiError();
  const [options, setOptions] = useState<{ value: string; label: string }[]>();
  const [picked, setPicked] = useState<string>();
  const [note, setNote] = useState('');

  useEffect(() => {
    if (!open) return;
    workflow.assignees(caseId).then(
      (r) => setOptions(r.items.map((s) => ({ value: s.id, label: s.departmentName ? `${s.name}（${s.departmentName}）` : s.name }))),
      showError,
    );
  }, [open, caseId, showError]);

  return (
    <Modal
      open={open}
      title={t('casesWorkflow.assign.title')}
      okText={t('casesWorkflow.assign.ok')}
      okButtonProps={{ disabled: !picked, loading: busy, 'data-testid': 'assign-ok' }}
      onOk={() => picked && onAssign(picked, note.trim())}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
          loading={!options}
          options={options}
          value={picked}
          onChange={setPicked}
          placeholder={t('casesWorkflow.assign.pick')}
          notFoundContent={t('casesWorkflow.assign.none')}
          data-testid="assign-pick"
        />
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('casesWorkflow.assign.note')} autoSize={{ minRows: 2 }} maxLength={2000} />
      </Space>
    </Modal>
  );
}
