import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';

/** Date and time, updated every second. */
export function Clock() {
  const { lang } = useT();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time className="cockpit-clock" dateTime={now.toISOString()}>
      {now.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' })}{' '}
      {now.toLocaleTimeString(lang, { hour12: false })}
    </time>
  );
}
