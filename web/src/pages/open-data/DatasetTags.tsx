import { Tag } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { OpenDataset } from './api.ts';

/** A dataset's tags: its class, its update cycle and 无条件开放 / 有条件开放. */
export function DatasetTags({ dataset: d }: { dataset: OpenDataset }) {
  const { t, tx } = useT();
  return (
    <span className="open-data-tags" data-testid="open-dataset-tags">
      <Tag>{d.className}</Tag>
      <Tag color="blue">{tx(`data.updateCycles.${d.updateCycle}`, d.updateCycle)}</Tag>
      <Tag color={d.openType === 'open' ? 'green' : 'gold'}>{t(`data.openTypes.${d.openType}`)}</Tag>
    </span>
  );
}
