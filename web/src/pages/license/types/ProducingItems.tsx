import { List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { licenceTypes, type ProducingItem } from './api.ts';

/** Read-only: the link is the item's result (catalogue editor), so it is changed there. */
export function ProducingItems({ typeId }: { typeId: string }) {
  const { t } = useT();
  const showError = useApiError();
  const [items, setItems] = useState<ProducingItem[] | null>(null);
  useEffect(() => {
    licenceTypes.items(typeId).then((r) => setItems(r.items), showError);
  }, [typeId, showError]);
  return (
    <div data-testid="producing-items">
      <Typography.Paragraph type="secondary">{t('licenseTypes.itemsHint')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        loading={items === null}
        dataSource={items ?? []}
        locale={{ emptyText: t('licenseTypes.noItems') }}
        renderItem={(i) => (
          <List.Item>
            <List.Item.Meta title={i.name} description={<span className="mono">{i.code}</span>} />
            <span>{i.departmentName}</span>
          </List.Item>
        )}
      />
    </div>
  );
}
