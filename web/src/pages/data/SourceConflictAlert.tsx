import { Alert } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { SourceConflict } from './api.ts';

/** 一数一源: the data items of this resource another resource also claims to be the source of. */
export function SourceConflictAlert({ conflicts }: { conflicts: SourceConflict[] }) {
  const { t } = useT();
  if (!conflicts.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="source-conflicts"
      title={t('data.conflicts.title')}
      description={
        <>
          {conflicts.map((c) => (
            <div key={c.dataItem} style={{ marginBottom: 4 }}>
              <div>{t('data.conflicts.item', { item: c.dataItem })}</div>
              <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
                {c.resources.map((r) => (
                  <li key={r.id}>{t('data.conflicts.source', { name: r.name, code: r.code, provider: r.providerName, field: r.field })}</li>
                ))}
              </ul>
            </div>
          ))}
          <div style={{ color: 'rgba(0,0,0,0.55)' }}>{t('data.conflicts.hint')}</div>
        </>
      }
    />
  );
}
