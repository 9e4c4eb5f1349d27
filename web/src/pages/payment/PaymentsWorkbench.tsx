import { Card, Tabs } from 'antd';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/useT.ts';
import { NoticesTab } from './NoticesTab.tsx';
import { ReconciliationTab } from './ReconciliationTab.tsx';
import { RefundsTab } from './RefundsTab.tsx';
import { TotalsTab } from './TotalsTab.tsx';

// Mirrors src/modules/payment/roles.ts: the server checks again on every request.
const FINANCE = ['administrator', 'finance_officer', 'department_admin', 'leader'];

/** /staff/payments: notices, refunds, reconciliation and (for finance) totals per collecting unit. */
export default function PaymentsWorkbench() {
  const { t } = useT();
  const { user } = useSession();
  const finance = user?.roles.some((r) => FINANCE.includes(r.role)) ?? false;
  const items = [
    { key: 'notices', label: t('payment.staff.tabs.notices'), children: <NoticesTab /> },
    { key: 'refunds', label: t('payment.staff.tabs.refunds'), children: <RefundsTab /> },
    ...(finance
      ? [
          { key: 'reconciliation', label: t('payment.staff.tabs.reconciliation'), children: <ReconciliationTab /> },
          { key: 'totals', label: t('payment.staff.tabs.totals'), children: <TotalsTab /> },
        ]
      : []),
  ];
  return (
    <div data-testid="payments-workbench">
      <PageTitle>{t('payment.staff.title')}</PageTitle>
      <Card variant="borderless">
        <Tabs items={items} destroyOnHidden />
      </Card>
    </div>
  );
}
