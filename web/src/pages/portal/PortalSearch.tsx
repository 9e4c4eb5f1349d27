import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/useT.ts';

/**
 * The portal's search box: by default the service search (leads to /search?q=…); a page that
 * searches its own list (数据开放) gives its placeholder, what a search does and its test id.
 */
export function PortalSearch({
  initial = '',
  placeholder,
  onSearch,
  testId = 'portal-search',
}: {
  initial?: string;
  placeholder?: string;
  onSearch?: (q: string) => void;
  testId?: string;
}) {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <Input.Search
      key={initial}
      defaultValue={initial}
      size="large"
      allowClear
      enterButton={<SearchOutlined aria-label={t('common.search')} />}
      placeholder={placeholder ?? t('portal.searchPlaceholder')}
      onSearch={(q) => (onSearch ? onSearch(q.trim()) : q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`))}
      className="portal-search"
      data-testid={testId}
    />
  );
}
