import { useEffect, useState } from 'react';
import { STAFF_MESSAGES_CHANGED, staffMessages } from './staff-messages-api.ts';

const POLL_MS = 60_000;

/**
 * The bell's unread count: asked every minute while the tab is visible, at once when the tab or
 * window comes back, and taken from the answer when messages are marked read. A hidden tab asks
 * nothing, so a workbench left open all night costs the server nothing.
 */
export function useStaffUnread(): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      if (document.hidden) return;
      // a failed poll keeps the last count; the next one tries again
      staffMessages.unreadCount().then((r) => live && setUnread(r.unread), () => undefined);
    };
    const changed = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    window.addEventListener('focus', refresh);
    window.addEventListener(STAFF_MESSAGES_CHANGED, changed);
    return () => {
      live = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
      window.removeEventListener('focus', refresh);
      window.removeEventListener(STAFF_MESSAGES_CHANGED, changed);
    };
  }, []);
  return unread;
}
