import { Card, Col, Row, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT.ts';
import { StatusTag } from '../CaseTimeline.tsx';
import type { BundleMemberView, BundleOutcome, BundleStatus, BundleTimelineEntry } from './api.ts';
import { dateTime } from '../../../app/city-time.ts';

const COLOURS: Record<BundleStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  correction: 'orange',
  processing: 'processing',
  completed: 'green',
  withdrawn: 'default',
};

export function BundleStatusTag({ status, outcome }: { status: BundleStatus; outcome: BundleOutcome }) {
  const { t } = useT();
  const text = status === 'completed' && outcome ? t(`casesBundle.outcome.${outcome}`) : t(`casesBundle.status.${status}`);
  const colour = status === 'completed' && outcome !== 'approved' ? 'gold' : COLOURS[status];
  return <Tag color={colour} data-testid="bundle-status">{text}</Tag>;
}

/** 并联: one card per department's case, side by side, each with its own steps. */
export function MemberProgress({ members, linkCases }: { members: BundleMemberView[]; linkCases: boolean }) {
  const { t } = useT();
  const steps = new Set(members.map((m) => m.step)).size;
  return (
    <Row gutter={[12, 12]} data-testid="bundle-members">
      {members.map((m) => {
        const c = m.case;
        const final = c && ['completed', 'refused', 'withdrawn'].includes(c.status);
        // a draft member of a submitted bundle waits for its catalogue step
        const waiting = c?.status === 'draft';
        return (
          <Col key={m.position} xs={24} md={12}>
            <Card
              size="small"
              title={m.itemName}
              extra={
                <Space size={4}>
                  {steps > 1 && <Tag>{t('casesBundle.stepLabel', { step: m.step })}</Tag>}
                  {waiting ? <Tag color="default">{t('casesBundle.member.waitingStep')}</Tag> : c ? <StatusTag status={c.status} outcome={c.outcome} /> : null}
                </Space>
              }
              data-testid={`bundle-member-${m.position}`}
            >
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text type="secondary">{m.departmentName ?? ''}</Typography.Text>
                {c ? (
                  <>
                    <Steps
                      size="small"
                      current={final ? c.steps.length : (c.currentStep?.index ?? 0)}
                      status={c.status === 'refused' || c.outcome === 'disapproved' ? 'error' : c.status === 'correction' ? 'wait' : undefined}
                      items={c.steps.map((s) => ({ title: s.name }))}
                    />
                    <Typography.Text type="secondary">
                      {c.number} {c.promisedDue ? `· ${t('casesBundle.member.due', { due: c.promisedDue })}` : ''}
                    </Typography.Text>
                    {linkCases && !waiting && <Link to={`/my-cases/${c.id}`}>{t('casesBundle.member.open')}</Link>}
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('casesBundle.member.waiting')}</Typography.Text>
                )}
              </Space>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** One timeline for the whole bundle: its own entries and each department's, named by item. */
export function BundleTimeline({ entries }: { entries: BundleTimelineEntry[] }) {
  const { tx } = useT();
  return (
    <Timeline
      data-testid="bundle-timeline"
      items={entries.map((e, i) => ({
        key: `${e.at}${e.kind}${i}`,
        color: /refused|disapproved|overdue/.test(e.kind) ? 'red' : /correction|warning/.test(e.kind) ? 'orange' : e.itemName ? 'blue' : 'green',
        children: (
          <div>
            {e.itemName && <Tag>{e.itemName}</Tag>}
            <strong>{e.itemName ? tx(`cases.kind.${e.kind}`, tx(`casesBundle.kind.${e.kind}`, e.kind)) : tx(`casesBundle.kind.${e.kind}`, e.kind)}</strong>{' '}
            <small style={{ color: '#888' }}>{dateTime(e.at)}</small>
            {e.actorName && <div style={{ color: '#666' }}>{e.actorName}</div>}
            {e.opinion && <div>{e.opinion}</div>}
          </div>
        ),
      }))}
    />
  );
}
