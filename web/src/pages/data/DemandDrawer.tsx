import { RollbackOutlined } from '@ant-design/icons';
import { App, Button, Divider, Drawer, Grid, Popconfirm, Result, Space, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useApiError, useErrorText } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { ConfirmForm } from './ConfirmForm.tsx';
import { dataDemands, type Demand, type DemandBox } from './demandApi.ts';
import { DemandAnswer } from './DemandAnswer.tsx';
import { DemandDetails } from './DemandDetails.tsx';
import { isStale } from './demandErrors.ts';
import { GrantScope } from './GrantScope.tsx';

interface Props {
  /** The demand shown; null = closed. */
  id: string | null;
  /** Which side the user reads it from: the provider answers, the requester withdraws and confirms. */
  box: DemandBox;
  onClose(): void;
  /** The demand changed: the list shows it anew. */
  onChanged(): void;
}

/** One sharing demand: its details, the provider's answer or the requester's withdrawal and confirmation, the grant. */
export function DemandDrawer({ id, box, onClose, onChanged }: Props) {
  const { t } = useT();
  const { message, notification } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const wide = Grid.useBreakpoint().md !== false;
  const load = useCallback(() => dataDemands.get(id ?? ''), [id]);
  const { data, error, loading, reload, setData } = useRemote<Demand>(load, !!id);
  const [busy, setBusy] = useState(false);

  const changed = (next: Demand) => {
    setData(next);
    onChanged();
  };
  /** Someone else acted first: say so and read the demand again. */
  const stale = (err: unknown) => {
    notification.warning({ title: (err instanceof ApiError && err.message) || t('error.title'), description: t('data.demand.stale') });
    reload();
    onChanged();
  };
  const withdraw = async (d: Demand) => {
    setBusy(true);
    try {
      changed(await dataDemands.withdraw(d.id, d.version));
      message.success(t('data.demand.withdrawn'));
    } catch (err) {
      if (isStale(err)) stale(err);
      else showError(err);
    } finally {
      setBusy(false);
    }
  };

  const d = data && data.id === id ? data : undefined;
  const answering = box === 'incoming' && d?.status === 'pending';
  const confirming = box === 'outgoing' && (d?.status === 'approved' || d?.status === 'refused') && d.satisfied === null;

  return (
    <Drawer open={!!id} size={wide ? 820 : '100%'} title={d ? d.resourceName : ' '} onClose={onClose} data-testid="demand-drawer">
      {!d && loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {!d && error ? <Result status="warning" subTitle={errorText(error)} /> : null}
      {d ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {box === 'outgoing' && d.status === 'pending' ? (
            <Popconfirm title={t('data.demand.withdrawConfirm')} okText={t('data.demand.withdraw')} cancelText={t('data.actions.cancel')} onConfirm={() => withdraw(d)}>
              <Button icon={<RollbackOutlined />} loading={busy} data-testid="demand-withdraw">
                {t('data.demand.withdraw')}
              </Button>
            </Popconfirm>
          ) : null}
          <DemandDetails demand={d} />
          {d.grant ? (
            <div>
              <Divider titlePlacement="start">{t('data.grant.title')}</Divider>
              <GrantScope grant={d.grant} />
            </div>
          ) : null}
          {answering ? (
            <div>
              <Divider titlePlacement="start">{t('data.answer.title')}</Divider>
              <DemandAnswer demand={d} onAnswered={changed} onStale={stale} />
            </div>
          ) : null}
          {confirming ? (
            <div>
              <Divider titlePlacement="start">{t('data.confirm.title')}</Divider>
              <ConfirmForm demand={d} onConfirmed={changed} onStale={stale} />
            </div>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
