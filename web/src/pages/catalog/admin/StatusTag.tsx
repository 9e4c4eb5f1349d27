import { Tag } from 'antd';
import { useT } from '../../../i18n/useT.ts';

const COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'cyan',
  published: 'success',
  retired: 'warning',
};

export function StatusTag({ status }: { status: string }) {
  const { tx } = useT();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="status-tag">
      {tx(`catalog.admin.status.${status}`, status)}
    </Tag>
  );
}
