import { Tag } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { SearchHit } from './api.ts';

/** A result's tags, from the item itself: 可网办, 跑动次数 (零跑动), 承诺时限. */
export function HitTags({ hit }: { hit: SearchHit }) {
  const { t } = useT();
  if (hit.kind === 'bundle') return <Tag color="gold">{t('portalBrowse.tags.bundle')}</Tag>;
  const tags = hit.tags;
  if (!tags) return null;
  const limit = tags.promisedLimit;
  return (
    <span className="hit-tags" data-testid="hit-tags">
      {tags.online ? <Tag color="green">{t('portalBrowse.tags.online')}</Tag> : null}
      {tags.visits === null ? null : (
        <Tag color={tags.visits === 0 ? 'blue' : 'default'}>
          {tags.visits === 0 ? t('portalBrowse.tags.zeroVisits') : t('portalBrowse.tags.visits', { count: tags.visits })}
        </Tag>
      )}
      {limit ? <Tag>{limit.immediate ? t('portalBrowse.tags.immediate') : t('portalBrowse.tags.days', { days: limit.days })}</Tag> : null}
    </span>
  );
}
