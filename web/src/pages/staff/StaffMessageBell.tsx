import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/useT.ts';
import { useStaffUnread } from './useStaffUnread.ts';

/** The workbench header's bell: the unread count, opening /staff/messages. */
export function StaffMessageBell() {
  const { t } = useT();
  const navigate = useNavigate();
  const unread = useStaffUnread();
  return (
    <Button
      type="text"
      shape="circle"
      className="header-button"
      onClick={() => navigate('/staff/messages')}
      aria-label={unread ? t('staffMessages.bellUnread', { count: unread }) : t('staffMessages.bell')}
      title={t('staffMessages.bell')}
      data-testid="staff-bell"
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="staff-bell-count">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );
}
