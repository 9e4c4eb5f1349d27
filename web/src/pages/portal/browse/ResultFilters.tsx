import { Button, Select, Switch } from 'antd';
import { useCallback } from 'react';
import { useRemote } from '../../../components/useRemote.ts';
import { useT } from '../../../i18n/useT.ts';
import { themeName } from '../themes.tsx';
import { catalogBrowse, type Facets } from './api.ts';
import type { ChosenFilters } from './filterParams.ts';

/**
 * The filters above a list: department, theme, item type and 可网办, each option with the count
 * the server gives for it (facets). A page that fixes a dimension (a theme's list) hides its select.
 */
export function ResultFilters(props: {
  facets: Facets;
  chosen: ChosenFilters;
  hide: { department?: boolean; theme?: boolean };
  onChange: (next: Partial<ChosenFilters>) => void;
}) {
  const { t, tx } = useT();
  const { facets, chosen, hide, onChange } = props;
  const types = useRemote(useCallback(() => catalogBrowse.types(), [])).data?.items ?? [];
  const typeName = (code: string) => types.find((ty) => ty.code === code)?.name ?? code;
  const any = chosen.departmentId || chosen.theme || chosen.typeCode || chosen.online;
  return (
    <div className="result-filters" data-testid="result-filters">
      {hide.department ? null : (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('portalBrowse.filters.department')}
          value={chosen.departmentId}
          onChange={(v?: string) => onChange({ departmentId: v })}
          options={facets.departments.map((d) => ({ value: d.id, label: `${d.name} (${d.count})` }))}
          data-testid="filter-department"
          popupMatchSelectWidth={false}
        />
      )}
      {hide.theme ? null : (
        <Select
          allowClear
          placeholder={t('portalBrowse.filters.theme')}
          value={chosen.theme}
          onChange={(v?: string) => onChange({ theme: v })}
          options={facets.themes.map((th) => ({
            value: `${th.audience}:${th.code}`,
            label: `${themeName(tx, th.audience, th.code)}${th.audience === 'entity' ? ` · ${t('portal.enterprise')}` : ''} (${th.count})`,
          }))}
          data-testid="filter-theme"
          popupMatchSelectWidth={false}
        />
      )}
      <Select
        allowClear
        placeholder={t('portalBrowse.filters.type')}
        value={chosen.typeCode}
        onChange={(v?: string) => onChange({ typeCode: v })}
        options={facets.types.map((ty) => ({ value: ty.code, label: `${typeName(ty.code)} (${ty.count})` }))}
        data-testid="filter-type"
        popupMatchSelectWidth={false}
      />
      <label className="result-filter-online">
        <Switch size="small" checked={chosen.online} onChange={(online) => onChange({ online })} data-testid="filter-online" />
        {t('portalBrowse.filters.online')} ({facets.online})
      </label>
      {any ? (
        <Button type="link" size="small" onClick={() => onChange({ departmentId: undefined, theme: undefined, typeCode: undefined, online: false })}>
          {t('portalBrowse.filters.clear')}
        </Button>
      ) : null}
    </div>
  );
}
