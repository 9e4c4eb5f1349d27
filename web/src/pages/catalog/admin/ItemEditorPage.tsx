import { App, Alert, Button, Card, Col, Input, Modal, Row, Space, Spin, Typography, type ButtonProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { catalogAdmin, type Action, type ItemContent, type Quality } from './api.ts';
import { FeesEditor } from './FeesEditor.tsx';
import { MainFields } from './MainFields.tsx';
import { MaterialsEditor } from './MaterialsEditor.tsx';
import { QualityPanel } from './QualityPanel.tsx';
import { ResultEditor, type ItemResult } from './ResultEditor.tsx';
import { StatusTag } from './StatusTag.tsx';
import { useRemote } from '../../../components/useRemote.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import { WorkflowSections } from '../editor/WorkflowSections.tsx';

/** /admin/catalog/items/:id: edit the draft with the quality rules live, and move it through the workflow. */
export default function ItemEditorPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const detail = useRemote(useCallback(() => catalogAdmin.item(id), [id]));
  const types = useRemote(useCallback(() => catalogAdmin.types(), []));
  const [content, setContent] = useState<ItemContent>();
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const [quality, setQuality] = useState<Quality>();

  useEffect(() => {
    if (detail.data) {
      setContent(structuredClone(detail.data.current.content));
      setDirty(false);
    }
  }, [detail.data]);

  if (detail.error) return <Alert type="error" title={(detail.error as Error).message} />;
  if (!detail.data || !content) return <Spin />;
  const { item, current, permissions } = detail.data;
  const editable = permissions.edit && current.status === 'draft';
  const change = (c: ItemContent) => {
    setContent(c);
    setDirty(true);
  };

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      detail.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = () => run(() => catalogAdmin.saveDraft(item.id, content, current.lockVersion), t('catalog.admin.saved'));
  const act = (action: Action, text?: string) =>
    run(
      async () => {
        // Unsaved edits go in first: submitting what the editor sees, not the stored draft.
        if (dirty && editable) await catalogAdmin.saveDraft(item.id, content, current.lockVersion);
        await catalogAdmin.transition(item.id, action, text);
      },
      t(`catalog.admin.done.${action}`),
    );

  const s = current.status;
  const buttons: { action: Action; show: boolean; primary?: boolean; danger?: boolean }[] = [
    { action: 'submit', show: permissions.edit && s === 'draft', primary: true },
    { action: 'withdraw', show: permissions.edit && s === 'submitted' },
    { action: 'approve', show: permissions.review && s === 'submitted', primary: true },
    { action: 'publish', show: permissions.review && s === 'reviewed', primary: true },
    { action: 'retire', show: permissions.review && s === 'published', danger: true },
  ];

  return (
    <div data-testid="catalog-item-editor">
      <PageTitle
        extra={
          <Space wrap>
            <StatusTag status={s} />
            {editable ? (
              <Button onClick={save} loading={busy} disabled={!dirty} data-testid="item-save">
                {t('catalog.admin.saveDraft')}
              </Button>
            ) : null}
            {buttons
              .filter((b) => b.show)
              .map((b) => (
                <Button
                  key={b.action}
                  type={b.primary ? 'primary' : 'default'}
                  danger={b.danger}
                  loading={busy}
                  onClick={() => act(b.action)}
                  data-testid={`item-${b.action}`}
                >
                  {t(`catalog.admin.actions.${b.action}`)}
                </Button>
              ))}
            {permissions.review && (s === 'submitted' || s === 'reviewed') ? (
              <Button danger onClick={() => setRejecting(true)} data-testid="item-reject">
                {t('catalog.admin.actions.reject')}
              </Button>
            ) : null}
            {permissions.edit && (s === 'published' || s === 'retired') ? (
              <Button
                type="primary"
                loading={busy}
                onClick={() => run(() => catalogAdmin.newVersion(item.id), t('catalog.admin.done.newVersion'))}
                data-testid="item-new-version"
              >
                {t('catalog.admin.actions.newVersion')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {`${current.name} · v${current.versionNo}`}
      </PageTitle>
      <Typography.Paragraph type="secondary">
        <Link to="/admin/catalog/items">{t('catalog.admin.backToList')}</Link> · {item.departmentName ?? ''} ·{' '}
        <code>{item.code}</code>
      </Typography.Paragraph>
      {current.reviewComment && s === 'draft' ? (
        <Alert
          type="warning"
          showIcon
          title={t('catalog.admin.returned', { comment: current.reviewComment })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {!editable && s !== 'draft' ? (
        <Alert type="info" showIcon title={t('catalog.admin.readOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            <Card size="small" title={t('catalog.basicInfo')}>
              <MainFields value={content} onChange={change} disabled={!editable} types={types.data?.items ?? []} />
            </Card>
            <Card size="small" title={t('catalog.materials')}>
              <MaterialsEditor
                value={content.materials ?? []}
                onChange={(materials) => change({ ...content, materials })}
                disabled={!editable}
              />
            </Card>
            <Card size="small" title={t('catalog.fees')}>
              <FeesEditor
                value={content.fees ?? { charged: false }}
                onChange={(fees) => change({ ...content, fees })}
                disabled={!editable}
              />
            </Card>
            <Card size="small" title={t('catalogResult.title')}>
              <ResultEditor
                value={content.result as ItemResult | undefined}
                onChange={(result) => change({ ...content, result })}
                disabled={!editable}
                formFields={Object.entries((content.form?.schema as { properties?: Record<string, { title?: string }> } | undefined)?.properties ?? {}).map(([key, p]) => ({ key, title: p.title ?? key }))}
              />
            </Card>
            <WorkflowSections content={content} onChange={change} disabled={!editable} quality={quality} />
            <VersionsPanel key={detail.data.versions.length} detail={detail.data} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <QualityPanel content={content} onQuality={setQuality} />
        </Col>
      </Row>
      <Modal
        open={rejecting}
        title={t('catalog.admin.rejectTitle')}
        okText={t('catalog.admin.actions.reject')}
        okButtonProps={{ danger: true, disabled: !comment.trim(), 'data-testid': 'reject-confirm' } as ButtonProps}
        onCancel={() => setRejecting(false)}
        onOk={async () => {
          setRejecting(false);
          await act('reject', comment.trim());
          setComment('');
        }}
      >
        <Input.TextArea
          rows={4}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('catalog.admin.rejectComment')}
          data-testid="reject-comment"
        />
      </Modal>
    </div>
  );
}
