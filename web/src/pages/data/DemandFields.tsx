import { UnlockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useT } from '../../i18n/useT.ts';
import { useFieldNames } from './resourceCache.ts';

interface Props {
  resourceId: string;
  fields: string[];
  /** At most this many, then +N. */
  max?: number;
  /** Those given in clear (明文): marked, and shown first. */
  clear?: string[];
}

/** The fields of a demand or grant by name (their keys until the resource is read). */
export function DemandFields({ resourceId, fields, max, clear = [] }: Props) {
  const { t } = useT();
  const name = useFieldNames(resourceId);
  const ordered = clear.length ? [...fields.filter((k) => clear.includes(k)), ...fields.filter((k) => !clear.includes(k))] : fields;
  const shown = max && ordered.length > max ? ordered.slice(0, max) : ordered;
  return (
    <span className="demand-fields" data-testid="demand-fields">
      {shown.map((k) =>
        clear.includes(k) ? (
          <Tag key={k} color="blue" icon={<UnlockOutlined />} title={t('data.grant.inClear', { key: k })} data-testid="clear-field">
            {name(k)}
          </Tag>
        ) : (
          <Tag key={k} title={k}>
            {name(k)}
          </Tag>
        ),
      )}
      {shown.length < ordered.length ? <Tag>+{ordered.length - shown.length}</Tag> : null}
    </span>
  );
}
