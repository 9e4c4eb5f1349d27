import { Badge, Switch, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { CaseDrawer } from '../CasesInbox.tsx';
import { DeadlineTag } from '../CaseTimeline.tsx';
import { workflow, type SupervisableRow } from './api.ts';

/** 督办 /staff/supervision: leaders find the cases in progress of their region and supervise them. */
export default function SupervisionPage() {
  const { t } = useT();
  const showError = useApiError();
  const [late, setLate] = useState(false);
  const [rows, setRows] = useState<SupervisableRow[]>();
  const [openId, setOpenId] = useState<string>();

  const load = useCallback(() => workflow.supervisable(late).then((r) => setRows(r.items), showError), [late, showError]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div data-testid="supervision-list">
      <PageTitle>{t('casesWorkflow.supervision.list')}</PageTitle>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={late} onChange={setLate} />
        {t('casesWorkflow.supervision.lateOnly')}
      </Space>
      <Table<SupervisableRow>
        rowKey="id"
        loading={!rows}
        dataSource={rows ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('cases.number'), dataIndex: 'number' },
          { title: t('cases.item'), dataIndex: 'itemName' },
          { title: t('cases.applicant'), dataIndex: 'applicantName' },
          { title: t('cases.step'), dataIndex: 'step' },
          { title: t('cases.promisedDue'), render: (_, r) => <DeadlineTag colour={r.colour} due={r.promisedDue} /> },
          { title: t('casesWorkflow.supervision.openOrders'), render: (_, r) => <Badge count={r.openOrders} showZero color={r.openOrders ? 'red' : 'gray'} /> },
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
