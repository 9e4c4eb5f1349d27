// Intake's parts: the photos of a ticket, the photo picker and "use my location" of the portal,
// and the centre's list of open tickets that look like the same matter, each offering 合并.
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { App, Button, Card, Image, List, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { date } from '../../app/city-time.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { putFile } from '../cases/api.ts';
import { hotline, MAX_PHOTO_BYTES, MAX_PHOTOS, type DuplicateCandidate, type Photo, type Ticket } from './api.ts';
import { StatusTag } from './parts.tsx';

/** The ticket's photos as thumbnails; a click shows them large. */
export function TicketPhotos({ ticket }: { ticket: Ticket }) {
  if (!ticket.photos.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8} data-testid="hotline-photos">
        {ticket.photos.map((p) => (
          <Image key={p.id} src={hotline.photoUrl(ticket, p)} width={88} height={88} style={{ objectFit: 'cover' }} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/**
 * Up to four photos, each sent as it is picked (`PUT /api/hotline/photos`): the server checks
 * the type by its bytes and the size; what it refuses is shown with its reason and left out.
 */
export function PhotoPicker({ value, onChange }: { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [files, setFiles] = useState<UploadFile<Photo>[]>([]);
  const [thumbs, setThumbs] = useState<Record<string, string>>({});
  // the form resets after sending: the picker empties with it
  useEffect(() => {
    if (!value?.length) setFiles((f) => (f.some((x) => x.status === 'done') ? [] : f));
  }, [value]);
  const sync = (list: UploadFile<Photo>[]) => {
    setFiles(list);
    onChange?.(list.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id));
  };
  return (
    <div data-testid="hotline-photo-picker">
      <Upload<Photo>
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        multiple
        maxCount={MAX_PHOTOS}
        // the picked file itself as its thumbnail, read as a data: URL (the page's policy allows no blob: images)
        fileList={files.map((f) => (thumbs[f.uid] ? { ...f, thumbUrl: thumbs[f.uid] } : f))}
        beforeUpload={(file) => {
          if (file.size > MAX_PHOTO_BYTES) {
            message.error(t('hotline.photo.tooLarge', { max: MAX_PHOTO_BYTES / 1024 / 1024 }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const picked = file as File & { uid: string };
          const reader = new FileReader();
          reader.onload = () => setThumbs((all) => ({ ...all, [picked.uid]: String(reader.result) }));
          reader.readAsDataURL(picked);
          putFile<Photo>('/api/hotline/photos', file as File).then(
            (photo) => onSuccess?.(photo),
            (err: Error) => {
              showError(err);
              onError?.(err);
            },
          );
        }}
        onChange={({ fileList }) => sync(fileList.filter((f) => f.status !== 'error'))}
      >
        {files.length < MAX_PHOTOS ? (
          <Space orientation="vertical" size={2}>
            <CameraOutlined style={{ fontSize: 20 }} />
            <span>{t('hotline.photo.add')}</span>
          </Space>
        ) : null}
      </Upload>
    </div>
  );
}

export interface Coordinates {
  lat: number;
  lng: number;
}

/**
 * 使用我的位置: the browser's geolocation (the person allows it), the coordinates shown with
 * their accuracy; the platform ships no map of the city to pick a point on.
 */
export function LocationButton({ value, onChange }: { value?: Coordinates; onChange?: (c: Coordinates | undefined) => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [accuracy, setAccuracy] = useState<number>();
  const locate = () => {
    if (!navigator.geolocation) return message.warning(t('hotline.location.unsupported'));
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(false);
        setAccuracy(Math.round(pos.coords.accuracy));
        onChange?.({ lat: round(pos.coords.latitude), lng: round(pos.coords.longitude) });
      },
      () => {
        setBusy(false);
        message.warning(t('hotline.location.denied'));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  return (
    <Space wrap size={8}>
      <Button icon={<EnvironmentOutlined />} loading={busy} onClick={locate} data-testid="hotline-locate">
        {value ? t('hotline.location.again') : t('hotline.location.use')}
      </Button>
      {value ? (
        <Tag closable onClose={() => onChange?.(undefined)} data-testid="hotline-location">
          {t('hotline.location.at', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) })}
          {accuracy !== undefined ? ` ±${accuracy} m` : ''}
        </Tag>
      ) : null}
    </Space>
  );
}
/** Five decimals: about a metre, as precise as a phone's fix is. */
const round = (v: number) => Math.round(v * 100_000) / 100_000;

/**
 * The centre's view of open tickets that look like this one (the same caller or place saying the
 * same thing within 7 days), with why; 合并 makes this ticket follow the chosen one.
 */
export function DuplicatesCard({ ticket, onMerge }: { ticket: Ticket; onMerge(into: DuplicateCandidate): void }) {
  const { t } = useT();
  const [items, setItems] = useState<DuplicateCandidate[]>();
  useEffect(() => {
    let live = true;
    hotline
      .duplicates({
        content: ticket.content,
        excludeId: ticket.id,
        ...(ticket.caller?.phone && /^1[3-9]\d{9}$/.test(ticket.caller.phone) ? { callerPhone: ticket.caller.phone } : {}),
        place: {
          regionCode: ticket.regionCode,
          ...(ticket.address ? { address: ticket.address } : {}),
          ...(ticket.lat !== null && ticket.lng !== null ? { lat: ticket.lat, lng: ticket.lng } : {}),
        },
      })
      .then(
        (r) => live && setItems(r.items),
        () => live && setItems([]),
      );
    return () => {
      live = false;
    };
  }, [ticket]);
  if (!items?.length) return null;
  return (
    <Card size="small" title={t('hotline.duplicates.title', { count: items.length })} data-testid="hotline-duplicates">
      <List
        dataSource={items}
        rowKey="id"
        renderItem={(d) => (
          <List.Item
            actions={[
              <Button key="merge" size="small" onClick={() => onMerge(d)} data-testid="hotline-merge">
                {t('hotline.duplicates.merge')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={2}>
              <Space size={8} wrap>
                <StatusTag status={d.status} />
                <Typography.Text strong>{d.number}</Typography.Text>
                <Typography.Text type="secondary">{date(d.createdAt)}</Typography.Text>
              </Space>
              <Typography.Text>{d.title}</Typography.Text>
              <Space size={4} wrap>
                {d.reasons.map((r) => (
                  <Tag key={r} color="orange">
                    {t(`hotline.duplicates.${r}`)}
                  </Tag>
                ))}
                <Typography.Text type="secondary">
                  {t('hotline.duplicates.similarity', { percent: Math.round(d.similarity * 100) })}
                  {d.distance !== null ? ` · ${t('hotline.duplicates.distance', { metres: d.distance })}` : ''}
                </Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
