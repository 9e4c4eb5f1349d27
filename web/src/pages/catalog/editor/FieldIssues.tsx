import { Alert, Space } from 'antd';
import type { LevelledIssue } from './workflow-model.ts';

/** The live quality issues of one section, shown where the editor fixes them. */
export function FieldIssues({ issues }: { issues: LevelledIssue[] }) {
  if (!issues.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} size={4}>
      {issues.map((i, n) => (
        <Alert
          key={`${i.rule}-${i.field}-${n}`}
          type={i.level}
          showIcon
          title={i.message}
          data-testid={`field-issue-${i.level}`}
          data-rule={i.rule}
        />
      ))}
    </Space>
  );
}
