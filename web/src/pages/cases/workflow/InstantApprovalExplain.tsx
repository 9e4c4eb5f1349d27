import { Alert, Card, List } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { InstantApproval } from './api.ts';

/** 秒批: the automatic decision and each rule with ✓ or ✗, so the applicant sees why. */
export function InstantApprovalExplain({ result }: { result: InstantApproval | null }) {
  const { t } = useT();
  if (!result) return null;
  return (
    <Card size="small" title={t('casesWorkflow.instant.title')} style={{ marginBottom: 12 }} data-testid="instant-approval">
      <Alert
        type={result.approved ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 8 }}
        message={t(result.approved ? 'casesWorkflow.instant.approved' : 'casesWorkflow.instant.declined')}
      />
      <List
        size="small"
        dataSource={result.rules}
        renderItem={(r) => (
          <List.Item data-testid={`instant-rule-${r.passed ? 'passed' : 'failed'}`}>
            <span>
              <strong style={{ color: r.passed ? '#52c41a' : '#ff4d4f' }}>{r.passed ? '✓' : '✗'}</strong> {r.label}
            </span>
            {!r.passed && <small style={{ color: '#888' }}>{t('casesWorkflow.instant.actual', { value: r.actual === null || r.actual === undefined ? '—' : String(r.actual) })}</small>}
          </List.Item>
        )}
      />
    </Card>
  );
}
