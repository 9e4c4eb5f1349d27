import { Checkbox, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { CLASS_ITEMS, RESOURCE_STATUSES, SHARING_TYPES } from './api.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { useClassName } from './tags.tsx';
import './data-catalogue.css';

/** The filters the URL keeps (useListQuery), beside the search text and the page. */
export const FILTERS = ['classCode', 'sharingType', 'status', 'providerDepartmentId', 'conflicted'] as const;
export type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** 类 prefixes to filter by: every base resource, each base library, the thematic and the department ones. */
const CLASS_FILTERS = ['1', ...CLASS_ITEMS['1'], '2', '3'];

interface Props {
  q: string;
  filters: Filters;
  onSearch(q: string): void;
  onFilter(name: keyof Filters, value: string | undefined): void;
}

/** Search box and filters above the resource list; they wrap onto more lines on a phone. */
export function ResourceFilters({ q, filters, onSearch, onFilter }: Props) {
  const { t } = useT();
  const className = useClassName();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  return (
    <div className="data-filters" data-testid="resource-filters">
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => onSearch(value.trim())}
        placeholder={t('data.search')}
        enterButton={t('common.search')}
        className="crud-search"
        data-testid="resource-search"
      />
      <div className="data-filter">
        <Select
          allowClear
          value={filters.classCode}
          onChange={(v?: string) => onFilter('classCode', v)}
          placeholder={t('data.filter.class')}
          aria-label={t('data.filter.class')}
          popupMatchSelectWidth={false}
          data-testid="filter-class"
          options={CLASS_FILTERS.map((code) => ({ value: code, label: code.length === 1 ? `${code} ${className(code)}` : `\u3000${code} ${className(code)}` }))}
          labelRender={({ value }) => `${value} ${className(String(value))}`}
        />
      </div>
      <div className="data-filter">
        <Select
          allowClear
          value={filters.sharingType}
          onChange={(v?: string) => onFilter('sharingType', v)}
          placeholder={t('data.filter.sharingType')}
          aria-label={t('data.filter.sharingType')}
          popupMatchSelectWidth={false}
          data-testid="filter-sharing"
          options={SHARING_TYPES.map((s) => ({ value: s, label: t(`data.sharingTypes.${s}`) }))}
        />
      </div>
      <div className="data-filter">
        <Select
          allowClear
          value={filters.status}
          onChange={(v?: string) => onFilter('status', v)}
          placeholder={t('data.filter.status')}
          aria-label={t('data.filter.status')}
          popupMatchSelectWidth={false}
          data-testid="filter-status"
          options={RESOURCE_STATUSES.map((s) => ({ value: s, label: t(`data.statuses.${s}`) }))}
        />
      </div>
      <div className="data-filter-wide">
        <DepartmentSelect
          value={filters.providerDepartmentId}
          onChange={(v) => onFilter('providerDepartmentId', v)}
          allowClear
          placeholder={t('data.filter.provider')}
          style={{ minWidth: 0, width: '100%' }}
        />
      </div>
      <Checkbox checked={filters.conflicted === 'true'} onChange={(e) => onFilter('conflicted', e.target.checked ? 'true' : undefined)} data-testid="filter-conflicted">
        {t('data.filter.conflicted')}
      </Checkbox>
    </div>
  );
}
