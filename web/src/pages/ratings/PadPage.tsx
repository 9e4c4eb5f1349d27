import { App, Button, Card, Input, Result, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { ratings, type Dictionary } from './api.ts';
import { RatingForm } from './RatingForm.tsx';

type Windows = Awaited<ReturnType<typeof ratings.padWindows>>['items'];
type PadCase = Awaited<ReturnType<typeof ratings.padCase>>;
const WINDOW_KEY = 'yiwang.ratingPad.window';

/**
 * /staff/rating-pad — the evaluation pad at a window (窗口评价器): the clerk sets the window once
 * and opens the case just handled; the applicant presses one large button for the clerk's service.
 * With `hotline`, the 12345 agent records the rating the caller gives on the phone.
 */
export default function PadPage({ hotline = false }: { hotline?: boolean }) {
  const { t } = useT();
  const showError = useApiError();
  const { message } = App.useApp();
  const [windows, setWindows] = useState<Windows>([]);
  const [windowId, setWindowId] = useState<string | undefined>(() => localStorage.getItem(WINDOW_KEY) ?? undefined);
  const [dictionary, setDictionary] = useState<Dictionary>();
  const [number, setNumber] = useState('');
  const [current, setCurrent] = useState<PadCase>();
  const [thanks, setThanks] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!hotline) ratings.padWindows().then((r) => setWindows(r.items), showError);
    ratings.dictionary().then(setDictionary, showError);
  }, [hotline, showError]);
  useEffect(() => {
    if (!thanks) return;
    const timer = setTimeout(() => setThanks(false), 5000);
    return () => clearTimeout(timer);
  }, [thanks]);

  const w = windows.find((x) => x.id === windowId);
  if (thanks) return <Result status="success" title={<span style={{ fontSize: 36 }}>{t('ratings.pad.thanks')}</span>} data-testid="pad-thanks" />;
  if (current && dictionary && (hotline || windowId)) {
    return (
      <Card style={{ maxWidth: 1024, margin: '0 auto', minHeight: 600 }} data-testid="rating-pad">
        <Typography.Title level={2} style={{ textAlign: 'center' }}>{t(hotline ? 'ratings.hotline.question' : 'ratings.pad.question')}</Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center', fontSize: 20 }}>
          {w ? `${w.hallName} · ${w.number} ${w.name}` : ''} · {current.itemName}
        </Typography.Paragraph>
        <RatingForm
          large={!hotline}
          dictionary={dictionary}
          dimensionSet={hotline ? current.dimensionSet : 'offline'}
          busy={busy}
          onSubmit={async (content) => {
            setBusy(true);
            try {
              await (hotline ? ratings.rateByHotline(current.caseId, content) : ratings.rateAtPad(current.caseId, windowId!, content));
              setCurrent(undefined);
              setNumber('');
              setThanks(true);
            } catch (err) {
              showError(err);
            } finally {
              setBusy(false);
            }
          }}
        />
        <Button type="link" style={{ marginTop: 24 }} onClick={() => setCurrent(undefined)}>{t('ratings.pad.cancel')}</Button>
      </Card>
    );
  }
  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }} title={t(hotline ? 'ratings.hotline.title' : 'ratings.pad.title')} data-testid="pad-setup">
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        {!hotline && (
          <Select
            size="large"
            style={{ width: '100%' }}
            placeholder={t('ratings.pad.window')}
            value={windowId}
            data-testid="pad-window"
            onChange={(v) => {
              setWindowId(v);
              localStorage.setItem(WINDOW_KEY, v);
            }}
            options={windows.map((x) => ({ value: x.id, label: `${x.hallName} · ${x.number} ${x.name}` }))}
          />
        )}
        <Space.Compact style={{ width: '100%' }}>
          <Input size="large" data-testid="pad-number" value={number} onChange={(e) => setNumber(e.target.value.trim())} placeholder={t('ratings.pad.number')} maxLength={20} />
          <Button
            size="large"
            type="primary"
            data-testid="pad-open"
            disabled={(!hotline && !windowId) || !/^\d{20}$/.test(number)}
            onClick={() =>
              ratings.padCase(number).then((c) => {
                if (c.finished && !c.rated) setCurrent(c);
                else void message.warning(t(c.rated ? 'ratings.pad.rated' : 'ratings.pad.unfinished'));
              }, showError)
            }
          >
            {t('ratings.pad.open')}
          </Button>
        </Space.Compact>
      </Space>
    </Card>
  );
}
