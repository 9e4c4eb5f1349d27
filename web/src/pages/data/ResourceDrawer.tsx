import { EditOutlined, FileSearchOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { ResponsiveDescriptions } from './ResponsiveDescriptions.tsx';
import { App, Button, Divider, Drawer, Grid, Popconfirm, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useApiError, useErrorText } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../auth/useSession.ts';
import { dataResources, type Resource } from './api.ts';
import type { Demand } from './demandApi.ts';
import { DemandForm } from './DemandForm.tsx';
import { ResourceFields } from './ResourceFields.tsx';
import { ResourceForm } from './ResourceForm.tsx';
import { ResourceVersions } from './ResourceVersions.tsx';
import { RetireModal } from './RetireModal.tsx';
import { SourceConflictAlert } from './SourceConflictAlert.tsx';
import { SharingTag, StatusTag, useClassName } from './tags.tsx';

interface Props {
  /** The resource shown; null = closed. */
  id: string | null;
  /** May keep the catalogue (the server checks the provider's scope again). */
  manager: boolean;
  onClose(): void;
  /** The resource changed: the list shows it anew. */
  onChanged(): void;
  /** Offers 申请共享 (to keepers, for another department's published resource); a demand was made. */
  onDemanded?(demand: Demand): void;
}

/** One resource of the catalogue: its metadata, 一数一源 conflicts, fields and history; edit, publish, retire. */
export function ResourceDrawer({ id, manager, onClose, onChanged, onDemanded }: Props) {
  const { t } = useT();
  const { message, notification } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const className = useClassName();
  const wide = Grid.useBreakpoint().md !== false;
  const load = useCallback(() => dataResources.get(id ?? ''), [id]);
  const { data: r, error, loading, reload, setData } = useRemote<Resource>(load, !!id);
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [demanding, setDemanding] = useState(false);
  const ownDepartment = useSession().user?.departmentId;
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    setEditing(false);
    setRetiring(false);
    setDemanding(false);
  }, [id]);

  const updated = (next: Resource, done: string) => {
    setData(next);
    setChanged((n) => n + 1);
    message.success(done);
    onChanged();
  };
  /** A failed action: someone else's change first means reading the resource again. */
  const failed = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
      notification.warning({ title: err.message || t('error.title'), description: t('error.versionConflict') });
      reload();
      onChanged();
    } else showError(err);
  };

  const publish = async (res: Resource) => {
    setBusy(true);
    try {
      updated(await dataResources.publish(res.id, res.version), t('data.actions.published'));
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };
  const retire = async (res: Resource, reason: string) => {
    try {
      updated(await dataResources.retire(res.id, res.version, reason), t('data.actions.retired'));
      setRetiring(false);
    } catch (err) {
      failed(err);
      throw err;
    }
  };

  const shown = r && r.id === id ? r : undefined;
  const blank = (s: string | null) => s || t('data.none');
  // another department's published resource that shares something
  const demandable = !!onDemanded && !!shown && shown.status === 'published' && shown.sharingType !== 'none' && shown.providerDepartmentId !== ownDepartment;

  return (
    <Drawer open={!!id} size={wide ? 900 : '100%'} title={shown?.name ?? ' '} onClose={onClose} data-testid="resource-drawer">
      {!shown && loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {!shown && error ? <Result status="warning" subTitle={errorText(error)} /> : null}
      {shown ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <StatusTag value={shown.status} />
            <SharingTag value={shown.sharingType} />
            <Typography.Text code copyable data-testid="resource-code">
              {shown.code}
            </Typography.Text>
          </Space>
          {manager || demandable ? (
            <Space wrap data-testid="resource-actions">
              {demandable ? (
                <Button type="primary" icon={<FileSearchOutlined />} onClick={() => setDemanding(true)} data-testid="resource-demand">
                  {t('data.demand.ask')}
                </Button>
              ) : null}
              {manager && shown.status !== 'retired' ? (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="resource-edit">
                  {t('data.actions.edit')}
                </Button>
              ) : null}
              {manager && shown.status === 'draft' ? (
                <Popconfirm title={t('data.actions.publishConfirm')} okText={t('data.actions.publish')} cancelText={t('data.actions.cancel')} onConfirm={() => publish(shown)}>
                  <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="resource-publish">
                    {t('data.actions.publish')}
                  </Button>
                </Popconfirm>
              ) : null}
              {manager && shown.status === 'published' ? (
                <Button danger icon={<StopOutlined />} onClick={() => setRetiring(true)} data-testid="resource-retire">
                  {t('data.actions.retire')}
                </Button>
              ) : null}
            </Space>
          ) : null}
          <SourceConflictAlert conflicts={shown.sourceConflicts} />
          <ResponsiveDescriptions
                        data-testid="resource-metadata"
            items={[
              { key: 'code', label: t('data.code'), children: shown.code },
              { key: 'class', label: t('data.class'), children: t('data.classOf', { name: className(shown.classCode, shown.className), code: shown.classCode }) },
              { key: 'provider', label: t('data.provider'), children: shown.providerName },
              { key: 'providerCode', label: t('data.providerCode'), children: shown.providerCode },
              { key: 'summary', label: t('data.summary'), span: 'filled', children: shown.summary },
              { key: 'format', label: t('data.format'), children: t(`data.formats.${shown.format}`) },
              { key: 'updateCycle', label: t('data.updateCycle'), children: t(`data.updateCycles.${shown.updateCycle}`) },
              { key: 'sharingType', label: t('data.sharingType'), children: <SharingTag value={shown.sharingType} /> },
              { key: 'sharingMethod', label: t('data.sharingMethod'), children: t(`data.sharingMethods.${shown.sharingMethod}`) },
              ...(shown.sharingType === 'conditional' || shown.sharingCondition
                ? [{ key: 'sharingCondition', label: t('data.sharingCondition'), span: 'filled' as const, children: blank(shown.sharingCondition) }]
                : []),
              { key: 'openType', label: t('data.openType'), children: t(`data.openTypes.${shown.openType}`) },
              ...(shown.openType === 'conditional' || shown.openCondition ? [{ key: 'openCondition', label: t('data.openCondition'), children: blank(shown.openCondition) }] : []),
              { key: 'sourceSystem', label: t('data.sourceSystem'), children: shown.sourceSystem },
              { key: 'legalBasis', label: t('data.legalBasis'), span: 'filled', children: blank(shown.legalBasis) },
              {
                key: 'relatedCodes',
                label: t('data.relatedCodes'),
                span: 'filled',
                children: shown.relatedCodes.length ? shown.relatedCodes.map((c) => <Tag key={c}>{c}</Tag>) : t('data.none'),
              },
              { key: 'status', label: t('data.status'), children: <StatusTag value={shown.status} /> },
              { key: 'version', label: t('data.version'), children: shown.recordedVersions ? t('data.versions.no', { n: shown.recordedVersions }) : t('data.unpublished') },
              { key: 'publishedAt', label: t('data.publishedAt'), children: shown.publishedAt ? dateTimeMinutes(shown.publishedAt) : '—' },
              { key: 'updatedAt', label: t('data.updatedAt'), children: dateTimeMinutes(shown.updatedAt) },
            ]}
          />
          <div>
            <Divider titlePlacement="start">
              {t('data.field.titleCount', { n: shown.fields.length })}
            </Divider>
            <ResourceFields resource={shown} />
          </div>
          <div>
            <Divider titlePlacement="start">{t('data.versions.title')}</Divider>
            <ResourceVersions id={shown.id} changed={changed} />
          </div>
        </Space>
      ) : null}
      {shown ? (
        <>
          <ResourceForm
            open={editing}
            editing={shown}
            onClose={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              if (saved) {
                setData(saved);
                setChanged((n) => n + 1);
                onChanged();
              } else reload();
            }}
          />
          <RetireModal open={retiring} name={shown.name} onCancel={() => setRetiring(false)} onRetire={(reason) => retire(shown, reason)} />
          {onDemanded ? (
            <DemandForm
              resource={demanding ? shown : null}
              onClose={() => setDemanding(false)}
              onSubmitted={(d) => {
                setDemanding(false);
                onDemanded(d);
              }}
            />
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
