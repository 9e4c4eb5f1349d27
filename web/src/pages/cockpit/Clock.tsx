import { useEffect, useState } from 'react';
import { CITY_TIME_ZONE } from '../../app/city-time.ts';
import { useT } from '../../i18n/useT.ts';

/** The city's date and time, updated every second. */
export function Clock() {
  const { lang } = useT();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="cockpit-clock" dateTime={now.toISOString()}>
      {now.toLocaleDateString(lang, { timeZone: CITY_TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' })}{' '}
      {now.toLocaleTimeString(lang, { timeZone: CITY_TIME_ZONE, hourCycle: 'h23' })}
    </time>
  );
}
