import { FlagOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Drawer, Grid, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/useSession.ts';
import { useErrorText } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { dataResources, type Resource } from './api.ts';
import { keepsDepartment } from './dataAccess.ts';
import type { RecordLoadReport } from './exchange-api.ts';
import { IssueList } from './IssueList.tsx';
import { IssueReportModal } from './IssueReportModal.tsx';
import { QualityFigures } from './QualityFigures.tsx';
import { RecordLoadModal } from './RecordLoadModal.tsx';

interface Props {
  /** The library shown; null = closed. */
  id: string | null;
  /** Bumped when its issues changed outside the drawer. */
  changed: number;
  onClose(): void;
  /** Records were loaded or an issue reported or resolved. */
  onChanged(): void;
}

/** One base library: its quality, 加载记录 for its keepers, 纠错, and its issues. */
export function LibraryDrawer({ id, changed, onClose, onChanged }: Props) {
  const { t } = useT();
  const errorText = useErrorText();
  const { user } = useSession();
  const wide = Grid.useBreakpoint().md !== false;
  const load = useCallback(() => dataResources.get(id ?? ''), [id]);
  const { data, error, loading } = useRemote<Resource>(load, !!id);
  const [loadOpen, setLoadOpen] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [loaded, setLoaded] = useState<RecordLoadReport>();
  useEffect(() => {
    setLoadOpen(false);
    setReporting(false);
    setLoaded(undefined);
  }, [id]);

  const r = data && data.id === id ? data : undefined;
  const keeper = !!r && keepsDepartment(user, r.providerDepartmentId);
  const published = r?.status === 'published';
  const keyName = r?.fields.find((f) => f.key === r.keyField)?.name ?? r?.keyField ?? '';

  return (
    <Drawer open={!!id} size={wide ? 900 : '100%'} title={r?.name ?? ' '} onClose={onClose} data-testid="library-drawer">
      {!r && loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {!r && error ? <Result status="warning" subTitle={errorText(error)} /> : null}
      {r ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {t('data.library.facts', { code: r.code, provider: r.providerName, key: keyName })}
          </Typography.Text>
          {published ? (
            <Space wrap data-testid="library-actions">
              {keeper ? (
                <Button type="primary" icon={<UploadOutlined />} onClick={() => setLoadOpen(true)} data-testid="library-load">
                  {t('data.load.action')}
                </Button>
              ) : null}
              <Button icon={<FlagOutlined />} onClick={() => setReporting(true)} data-testid="library-report">
                {t('data.issue.report')}
              </Button>
            </Space>
          ) : null}
          {loaded ? (
            <Alert
              type="success"
              showIcon
              closable={{ onClose: () => setLoaded(undefined) }}
              data-testid="library-loaded"
              title={t('data.load.done', { inserted: loaded.inserted, updated: loaded.updated, unchanged: loaded.unchanged })}
              description={loaded.findings ? t('data.load.doneFindings', { n: loaded.findings }) : undefined}
            />
          ) : null}
          <QualityFigures resourceId={r.id} changed={changed} />
          <div>
            <Divider titlePlacement="start">{t('data.issue.title')}</Divider>
            <IssueList resourceId={r.id} changed={changed} onResolved={onChanged} />
          </div>
        </Space>
      ) : null}
      <RecordLoadModal
        resource={loadOpen && r ? r : null}
        onClose={() => setLoadOpen(false)}
        onLoaded={(report) => {
          setLoadOpen(false);
          setLoaded(report);
          onChanged();
        }}
      />
      <IssueReportModal
        resource={reporting && r ? r : null}
        onClose={() => setReporting(false)}
        onReported={() => {
          setReporting(false);
          onChanged();
        }}
      />
    </Drawer>
  );
}
