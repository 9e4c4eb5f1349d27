import { Button, Card, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { bundleCases, type MyBundleRow } from './api.ts';
import { BundleStatusTag } from './BundleParts.tsx';

/**
 * 我的一件事 above the applicant's list of cases: each bundle once, with its members' progress.
 * Reports the member case ids so the list below does not show them again one by one.
 */
export function MyBundleList({ onMembers }: { onMembers: (caseIds: Set<string>) => void }) {
  const { t } = useT();
  const showError = useApiError();
  const [items, setItems] = useState<MyBundleRow[]>([]);

  useEffect(() => {
    bundleCases.mine().then((r) => {
      setItems(r.items);
      onMembers(new Set(r.items.flatMap((b) => b.members.flatMap((m) => (m.caseId ? [m.caseId] : [])))));
    }, showError);
  }, [onMembers, showError]);

  if (!items.length) return null;
  return (
    <div data-testid="my-bundles" style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{t('casesBundle.my.title')}</Typography.Title>
      {items.map((b) => (
        <Card key={b.id} style={{ marginBottom: 12 }} data-testid="my-bundle-row">
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Tag color="gold">{t('catalog.bundle')}</Tag>
              <Typography.Text strong>{b.bundleName}</Typography.Text>
              <BundleStatusTag status={b.status} outcome={b.outcome} />
            </Space>
            <Typography.Text type="secondary">{b.number ?? t('cases.status.draft')}</Typography.Text>
            <Space wrap>
              {b.members.map((m, i) => (
                <Tag key={i}>
                  {m.itemName} · {m.status === 'draft' && b.status !== 'draft' ? t('casesBundle.member.waitingStep') : t(`cases.status.${m.status ?? 'draft'}`)}
                </Tag>
              ))}
            </Space>
            <Link to={`/my-bundles/${b.id}`}><Button>{t('casesBundle.my.open')}</Button></Link>
          </Space>
        </Card>
      ))}
    </div>
  );
}
