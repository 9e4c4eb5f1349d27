import { Tag } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { ResourceStatus, SharingType } from './api.ts';

const SHARING_COLOURS: Record<SharingType, string> = { unconditional: 'green', conditional: 'blue', none: 'orange' };
const STATUS_COLOURS: Record<ResourceStatus, string> = { draft: 'gold', published: 'green', retired: 'default' };

/** 共享类型 as a coloured tag: green 无条件, blue 有条件, orange 不予共享. */
export function SharingTag({ value }: { value: SharingType }) {
  const { t } = useT();
  return <Tag color={SHARING_COLOURS[value]}>{t(`data.sharingTypes.${value}`)}</Tag>;
}

export function StatusTag({ value }: { value: ResourceStatus }) {
  const { t } = useT();
  return (
    <Tag color={STATUS_COLOURS[value]} data-testid="resource-status">
      {t(`data.statuses.${value}`)}
    </Tag>
  );
}

/** A resource with a data item another published resource also claims as its authoritative source. */
export function ConflictTag() {
  const { t } = useT();
  return (
    <Tag color="red" data-testid="conflict-tag">
      {t('data.conflict')}
    </Tag>
  );
}

/** The name of a class code's 类 + 项 in the UI language, the server's name when the UI has none. */
export function useClassName() {
  const { tx } = useT();
  return (classCode: string, fallback = '') => tx(`data.classes.${classCode.slice(0, 3)}`, tx(`data.classes.${classCode.slice(0, 1)}`, fallback));
}
