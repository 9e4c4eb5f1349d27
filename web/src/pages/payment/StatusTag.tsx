import { Tag } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { Notice } from './api.ts';

const COLORS: Record<Notice['status'], string> = { unpaid: 'orange', paid: 'green', cancelled: 'default', refunded: 'purple' };

export function NoticeStatusTag({ notice }: { notice: Pick<Notice, 'status' | 'overdue'> }) {
  const { t } = useT();
  if (notice.overdue) return <Tag color="red">{t('payment.status.overdue')}</Tag>;
  return <Tag color={COLORS[notice.status]}>{t(`payment.status.${notice.status}`)}</Tag>;
}
