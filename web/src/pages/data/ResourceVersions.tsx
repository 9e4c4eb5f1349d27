import { Empty, Spin, Timeline, Typography } from 'antd';
import { useCallback, useEffect } from 'react';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { dataResources, type ResourceVersion } from './api.ts';
import { StatusTag } from './tags.tsx';

const fieldCount = (v: ResourceVersion) => (Array.isArray(v.content.fields) ? v.content.fields.length : null);

/** The catalogue history of a resource: each publication, published change and retirement. */
export function ResourceVersions({ id, changed }: { id: string; changed: number }) {
  const { t } = useT();
  const load = useCallback(() => dataResources.versions(id).then((r) => r.items), [id]);
  const { data, loading, reload } = useRemote(load);
  // the resource was published, changed or retired in the drawer: its history grew
  useEffect(() => {
    if (changed) reload();
  }, [changed, reload]);

  if (loading && !data) return <Spin size="small" />;
  if (!data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('data.versions.none')} />;
  return (
    <Timeline
      data-testid="resource-versions"
      items={data.map((v) => {
        const n = fieldCount(v);
        return {
          key: v.versionNo,
          color: v.status === 'retired' ? 'gray' : 'green',
          children: (
            <div>
              <strong>{t('data.versions.no', { n: v.versionNo })}</strong> <StatusTag value={v.status} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dateTimeMinutes(v.at)} · {v.actorName ?? t('data.versions.system')}
                {n !== null ? ` · ${t('data.versions.fields', { n })}` : ''}
              </Typography.Text>
              {v.reason ? <div>{t('data.versions.reason', { reason: v.reason })}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
