import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import type { TimelineEntry } from './api.ts';

/**
 * Who acted on a timeline entry, in the reader's language: 系统自动 for the platform, a staff
 * member by department and role (their name too where the server gives it: colleagues only),
 * the applicant by name. Never a raw id or an English code.
 */
export function TimelineActor({ actor }: { actor: TimelineEntry['actor'] }) {
  const { t, tx } = useT();
  let text: string;
  if (actor.kind === 'staff') {
    const role = actor.role ? tx(`role.${actor.role}`, t('caseTimeline.actor.staff')) : t('caseTimeline.actor.staff');
    text = [actor.department, role, actor.name].filter(Boolean).join(' · ');
  } else if (actor.kind === 'applicant') {
    text = actor.name ? `${t('caseTimeline.actor.applicant')} · ${actor.name}` : t('caseTimeline.actor.applicant');
  } else {
    text = t(`caseTimeline.actor.${actor.kind}` as MessageKey);
  }
  return <div style={{ color: '#666' }} data-testid="timeline-actor">{text}</div>;
}
