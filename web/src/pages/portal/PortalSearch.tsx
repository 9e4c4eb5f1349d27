import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/useT.ts';

/** The portal's service search box (leads to /search?q=…). */
export function PortalSearch({ initial = '' }: { initial?: string }) {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <Input.Search
      key={initial}
      defaultValue={initial}
      size="large"
      allowClear
      enterButton={<SearchOutlined aria-label={t('common.search')} />}
      placeholder={t('portal.searchPlaceholder')}
      onSearch={(q) => q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
      className="portal-search"
      data-testid="portal-search"
    />
  );
}
