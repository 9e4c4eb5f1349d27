import { Tag } from 'antd';
import { useFieldNames } from './resourceCache.ts';

/** The fields of a demand or grant by name (their keys until the resource is read). */
export function DemandFields({ resourceId, fields, max }: { resourceId: string; fields: string[]; max?: number }) {
  const name = useFieldNames(resourceId);
  const shown = max && fields.length > max ? fields.slice(0, max) : fields;
  return (
    <span className="demand-fields" data-testid="demand-fields">
      {shown.map((k) => (
        <Tag key={k} title={k}>
          {name(k)}
        </Tag>
      ))}
      {shown.length < fields.length ? <Tag>+{fields.length - shown.length}</Tag> : null}
    </span>
  );
}
