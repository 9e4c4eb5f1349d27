import { Card, Segmented, Select } from 'antd';
import { useCallback } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { dataDemands, DEMAND_BOXES, DEMAND_STATUSES, type DemandBox, type DemandStatus } from './demandApi.ts';
import { DemandDrawer } from './DemandDrawer.tsx';
import { DemandTable } from './DemandTable.tsx';
import { ListToolbar } from './ListToolbar.tsx';

const PARAMS = ['box', 'status', 'demand'];

/** 共享申请: demands on the resources the user keeps (收到的) and those of their departments (发出的). */
export function DemandsPage() {
  const { t } = useT();
  const { state, update } = useListQuery(PARAMS);
  const box: DemandBox = state.filters.box === 'outgoing' ? 'outgoing' : 'incoming';
  const status = DEMAND_STATUSES.find((s) => s === state.filters.status);
  const openId = state.filters.demand ?? null;
  const fetchPage = useCallback((signal: AbortSignal) => dataDemands.list({ box, status, page: state.page, pageSize: state.pageSize }, signal), [box, status, state.page, state.pageSize]);
  const { page: list, loading, reload } = useFetchedPage(fetchPage);

  return (
    <div data-testid="data-demands-page">
      <PageTitle>{t('data.demand.title')}</PageTitle>
      <Card variant="borderless">
        <ListToolbar onReload={reload}>
          <div className="data-filters">
            <Segmented<DemandBox>
              value={box}
              onChange={(b) => update({ box: b === 'incoming' ? undefined : b, status: undefined, page: 1 })}
              options={DEMAND_BOXES.map((b) => ({ value: b, label: t(`data.demand.boxes.${b}`) }))}
              data-testid="demand-box"
            />
            <Select<DemandStatus>
              className="data-filter"
              allowClear
              placeholder={t('data.demand.statusFilter')}
              value={status}
              onChange={(s) => update({ status: s, page: 1 })}
              options={DEMAND_STATUSES.map((s) => ({ value: s, label: t(`data.demand.statuses.${s}`) }))}
              aria-label={t('data.demand.statusFilter')}
            />
          </div>
        </ListToolbar>
        <DemandTable
          box={box}
          list={list}
          loading={loading}
          page={state.page}
          pageSize={state.pageSize}
          onPage={(page, pageSize) => update({ page, pageSize })}
          onOpen={(d) => update({ demand: d.id })}
        />
      </Card>
      <DemandDrawer id={openId} box={box} onClose={() => update({ demand: undefined })} onChanged={reload} />
    </div>
  );
}
