import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import type { CrudFilter } from './types.ts';

interface Props {
  q: string;
  onSearch(q: string): void;
  placeholder: string;
  filters: CrudFilter[];
  filterValues: Record<string, string | undefined>;
  onFilter(name: string, value: string | undefined): void;
  onCreate(): void;
  onReload(): void;
  testId: string;
}

/** Search box, filters, reload and "new" above a list. */
export function CrudToolbar({ q, onSearch, placeholder, filters, filterValues, onFilter, onCreate, onReload, testId }: Props) {
  const { t } = useT();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  return (
    <div className="crud-toolbar">
      <Space wrap className="crud-toolbar-filters">
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => onSearch(value.trim())}
          placeholder={placeholder}
          enterButton={t('common.search')}
          className="crud-search"
          data-testid={`${testId}-search`}
        />
        {filters.map((filter) => (
          <span key={filter.name} className="crud-filter">
            {filter.render(filterValues[filter.name], (value) => onFilter(filter.name, value), t)}
          </span>
        ))}
      </Space>
      <Space>
        <Tooltip title={t('common.refresh')}>
          <Button icon={<ReloadOutlined />} onClick={onReload} aria-label={t('common.refresh')} />
        </Tooltip>
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={`${testId}-create`}>
          {t('common.create')}
        </Button>
      </Space>
    </div>
  );
}
