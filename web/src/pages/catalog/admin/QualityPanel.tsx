import { Alert, Card, List, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type ItemContent, type Quality } from './api.ts';

/** The quality rules, re-checked by the server (nothing stored) while the editor types; `onQuality` lets sections show theirs. */
export function QualityPanel({ content, onQuality }: { content: ItemContent; onQuality?: (q: Quality) => void }) {
  const { t } = useT();
  const [quality, setQuality] = useState<Quality>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      catalogAdmin
        .quality(content, abort.signal)
        .then((q) => {
          setQuality(q);
          onQuality?.(q);
          setFailure(undefined);
        })
        .catch((err: Error) => {
          if (err.name !== 'AbortError') setFailure(err.message);
        })
        .finally(() => setBusy(false));
    }, 400);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [content, onQuality]);

  return (
    <Card
      size="small"
      title={t('catalog.admin.qualityRules')}
      extra={busy ? <Spin size="small" /> : null}
      data-testid="quality-panel"
    >
      {failure ? <Alert type="warning" title={failure} /> : null}
      {quality ? (
        quality.ok && !quality.warnings.length ? (
          <Alert type="success" title={t('catalog.admin.qualityAllPass')} data-testid="quality-ok" />
        ) : (
          <List
            size="small"
            dataSource={[
              ...quality.errors.map((i) => ({ ...i, level: 'error' as const })),
              ...quality.warnings.map((i) => ({ ...i, level: 'warning' as const })),
            ]}
            renderItem={(i) => (
              <List.Item data-testid={`quality-${i.level}`}>
                <Alert style={{ width: '100%' }} type={i.level} title={i.message} description={<code>{i.field}</code>} />
              </List.Item>
            )}
          />
        )
      ) : null}
    </Card>
  );
}
