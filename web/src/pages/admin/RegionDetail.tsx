import { Card, Descriptions, Empty, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { loadChildren } from '../../api/regionCache.ts';
import type { Region } from '../../api/types.ts';
import { RegionName } from '../../components/RegionName.tsx';
import { useT } from '../../i18n/useT.ts';

/** Code, level, parent and subregions of one region. */
export function RegionDetail({ region, onSelect }: { region: Region | null; onSelect(region: Region): void }) {
  const { t, tx } = useT();
  const [children, setChildren] = useState<Region[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!region || region.level >= 5) return setChildren([]);
    let live = true;
    setLoading(true);
    loadChildren(region.code)
      .then((list) => live && setChildren(list))
      .catch(() => live && setChildren([]))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [region]);

  if (!region) {
    return (
      <Card variant="borderless">
        <Empty description={t('region.select')} />
      </Card>
    );
  }
  const level = (r: Region) => tx(`regionLevel.${r.level}`, String(r.level));
  return (
    <Card variant="borderless" title={t('region.detail')} data-testid="region-detail">
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        bordered
        size="small"
        items={[
          { key: 'name', label: t('region.name'), children: region.name },
          { key: 'code', label: t('region.code'), children: <span className="mono">{region.code}</span> },
          { key: 'level', label: t('region.level'), children: <Tag color="blue">{level(region)}</Tag> },
          {
            key: 'parent',
            label: t('region.parent'),
            children: region.parentCode ? <RegionName code={region.parentCode} /> : t('common.none'),
          },
          { key: 'children', label: t('region.childCount'), children: loading ? '…' : children.length },
        ]}
      />
      {region.level < 5 ? (
        <Table<Region>
          className="region-children"
          rowKey="code"
          size="small"
          loading={loading}
          dataSource={children}
          pagination={children.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          onRow={(r) => ({ onClick: () => onSelect(r), className: 'clickable' })}
          title={() => t('region.children')}
          columns={[
            { key: 'name', dataIndex: 'name', title: t('region.name') },
            { key: 'code', dataIndex: 'code', title: t('region.code'), render: (v: string) => <span className="mono">{v}</span> },
            { key: 'level', title: t('region.level'), render: (_, r) => level(r) },
          ]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
        />
      ) : null}
    </Card>
  );
}
