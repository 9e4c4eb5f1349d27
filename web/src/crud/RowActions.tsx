import { Button, Popconfirm, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';

interface Props {
  name: string;
  onEdit(): void;
  onDelete(): Promise<void>;
  extra?: ReactNode;
}

/** Edit, delete-with-confirmation and any page-specific buttons of one table row. */
export function RowActions({ name, onEdit, onDelete, extra }: Props) {
  const { t } = useT();
  const [deleting, setDeleting] = useState(false);
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {extra}
      <Popconfirm
        title={t('common.confirmDelete', { name })}
        description={t('common.confirmDeleteHint')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true, loading: deleting }}
        cancelText={t('common.cancel')}
        onConfirm={async () => {
          setDeleting(true);
          try {
            await onDelete();
          } finally {
            setDeleting(false);
          }
        }}
      >
        <Button type="link" size="small" danger>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
