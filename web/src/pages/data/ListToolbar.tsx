import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';

/** The data lists' toolbar: filters or a hint on the left, 刷新 on the right (below them on a phone). */
export function ListToolbar({ children, onReload }: { children: ReactNode; onReload(): void }) {
  const { t } = useT();
  return (
    <div className="crud-toolbar">
      {children}
      <Tooltip title={t('data.reload')}>
        <Button icon={<ReloadOutlined />} onClick={onReload} aria-label={t('data.reload')} />
      </Tooltip>
    </div>
  );
}

/** A data list's empty state: the small picture and what is missing. */
export const emptyLocale = (description: string) => ({ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} /> });
