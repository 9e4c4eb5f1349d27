import { EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
// The same distance arithmetic the server ranks halls by (a pure file, no server imports).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { byDistance, formatDistance, type LatLng } from '../../../../src/modules/org/geo.ts';
import type { HallRef } from '../../../../src/modules/org/api.ts';
import { useT } from '../../i18n/useT.ts';

/** A service hall as the guide API gives it (positions in WGS-84 degrees). */
export type GuideHall = HallRef;

type Located = { state: 'located'; at: LatLng };
type LocateState = { state: 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported' } | Located;

/** Amap's marker page; `coordinate=wgs84` because our positions are not GCJ-02. */
const mapLink = (h: GuideHall) =>
  `https://uri.amap.com/marker?position=${h.longitude},${h.latitude}&name=${encodeURIComponent(h.name)}&coordinate=wgs84&callnative=0`;

/**
 * 离我最近的办事大厅: the halls handling the item, ordered by distance once the citizen asks to be
 * located. The position is requested only on that click and never leaves the browser.
 */
export function NearestHall({ halls }: { halls: GuideHall[] }) {
  const { t } = useT();
  const [locate, setLocate] = useState<LocateState>({ state: 'idle' });

  const ask = () => {
    if (!('geolocation' in navigator)) return setLocate({ state: 'unsupported' });
    setLocate({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (p) => setLocate({ state: 'located', at: { latitude: p.coords.latitude, longitude: p.coords.longitude } }),
      (err) => setLocate({ state: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  };

  const rows = locate.state === 'located' ? byDistance(locate.at, halls) : halls.map((h) => ({ ...h, distanceMetres: null }));
  const nearestId = rows[0]?.distanceMetres != null ? rows[0].id : undefined;
  const distance = (m: number) => {
    const d = formatDistance(m);
    return t(d.unit === 'm' ? 'catalogHalls.distanceM' : 'catalogHalls.distanceKm', { value: d.value });
  };
  const message =
    locate.state === 'denied' || locate.state === 'unavailable' || locate.state === 'unsupported' ? t(`catalogHalls.${locate.state}`) : undefined;

  return (
    <Card
      size="small"
      title={t('catalogHalls.nearestTitle')}
      style={{ marginBottom: 12 }}
      data-testid="nearest-hall"
      extra={
        <Button size="small" icon={<EnvironmentOutlined />} loading={locate.state === 'locating'} onClick={ask} data-testid="locate-me">
          {locate.state === 'located' ? t('catalogHalls.relocate') : t('catalogHalls.locate')}
        </Button>
      }
    >
      {message ? (
        <Alert type="warning" showIcon message={message} style={{ marginBottom: 8 }} data-testid="locate-message" />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {locate.state === 'located' ? t('catalogHalls.privacy') : t('catalogHalls.hint')}
        </Typography.Paragraph>
      )}
      <List
        size="small"
        dataSource={rows}
        rowKey="id"
        renderItem={(h) => {
          const nearest = h.id === nearestId;
          return (
            <List.Item
              data-testid={nearest ? 'nearest-hall-item' : 'hall-item'}
              style={nearest ? { background: '#f6ffed', borderLeft: '3px solid #52c41a', paddingLeft: 8 } : undefined}
              actions={
                h.latitude != null && h.longitude != null
                  ? [
                      <a key="map" href={mapLink(h)} target="_blank" rel="noreferrer" data-testid="hall-map-link">
                        {t('catalogHalls.map')}
                      </a>,
                    ]
                  : [<Typography.Text key="none" type="secondary">{t('catalogHalls.noPosition')}</Typography.Text>]
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <b>{h.name}</b>
                    {nearest && <Tag color="green">{t('catalogHalls.nearest')}</Tag>}
                    {h.distanceMetres != null && <Tag data-testid="hall-distance">{distance(h.distanceMetres)}</Tag>}
                  </Space>
                }
                description={
                  <>
                    {h.address && <div>{h.address}</div>}
                    {h.openingHours && <div>{t('catalogHalls.hours')}：{h.openingHours}</div>}
                    {h.phone && <div>{t('catalogHalls.phone')}：{h.phone}</div>}
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
