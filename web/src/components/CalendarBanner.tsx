import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getCalendarStatus } from '../api/calendar.ts';
import type { CalendarStatus } from '../api/types.ts';
import { useSession } from '../auth/useSession.ts';
import { useT } from '../i18n/useT.ts';

/** Dispatched on window by the calendar page after a year was loaded or confirmed. */
export const CALENDAR_CHANGED = 'yiwang:calendar-changed';

/**
 * For the node's administrators (who alone may load or confirm a year), from 1 November (server's clock, Asia/Shanghai): next year's working-day
 * calendar is not confirmed, so deadlines counted into it are provisional. Shown in the
 * administration area and on the workbench home; nothing for anyone else, nothing before then.
 */
export function CalendarBanner() {
  const { t } = useT();
  const { user } = useSession();
  const admin = user?.nodeAdmin === true;
  const [status, setStatus] = useState<CalendarStatus | null>(null);
  useEffect(() => {
    if (!admin) return;
    const load = () =>
      getCalendarStatus()
        .then(setStatus)
        .catch(() => setStatus(null)); // the banner is a hint; the page works without it
    void load();
    window.addEventListener(CALENDAR_CHANGED, load);
    return () => window.removeEventListener(CALENDAR_CHANGED, load);
  }, [admin]);
  if (!admin || !status?.missing) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-banner"
      style={{ marginBottom: 16 }}
      title={t('calendar.bannerTitle', { year: status.nextYear })}
      description={t('calendar.bannerText', { year: status.nextYear })}
      action={
        <Link to="/admin/calendar">
          <Button size="small" type="primary">{t('calendar.bannerAction')}</Button>
        </Link>
      }
    />
  );
}
