import { TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { loadAncestry, loadChildren, loadRegion } from '../api/regionCache.ts';
import type { Region } from '../api/types.ts';
import { useCity } from '../app/useCity.ts';
import { useT } from '../i18n/useT.ts';

const ROOT = 'root';

export interface RegionSelectProps {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  /** Levels above this cannot be picked (4 = a town or finer). */
  minLevel?: number;
  /** The tree stops at this level (5 = villages). */
  maxLevel?: number;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** A region picker over the lazily loaded region tree, rooted at the city. */
export function RegionSelect({
  value,
  onChange,
  minLevel = 1,
  maxLevel = 5,
  placeholder,
  allowClear,
  style,
  id,
}: RegionSelectProps) {
  const { t, lang } = useT();
  const city = useCity();
  const [nodes, setNodes] = useState<Map<string, Region>>(new Map());

  const add = useCallback((list: Region[]) => {
    setNodes((prev) => {
      if (list.every((r) => prev.get(r.code) === r)) return prev;
      const next = new Map(prev);
      for (const region of list) next.set(region.code, region);
      return next;
    });
  }, []);

  // The city itself and its counties.
  useEffect(() => {
    if (!city.code) return;
    setNodes(new Map());
    loadRegion(city.code)
      .then(async (root) => add([root, ...(await loadChildren(root.code))]))
      .catch(() => undefined);
  }, [city.code, lang, add]);

  // A value that is not in the loaded part of the tree: load the branches down to it.
  useEffect(() => {
    if (!value || nodes.has(value) || !city.code || nodes.size === 0) return;
    let live = true;
    loadAncestry(value, city.code)
      .then(async (chain) => {
        const branches = await Promise.all(chain.slice(0, -1).map((r) => loadChildren(r.code)));
        if (live) add([...chain, ...branches.flat()]);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, nodes, city.code, add]);

  const treeData = useMemo(
    () =>
      [...nodes.values()].map((r) => ({
        id: r.code,
        pId: r.code === city.code ? ROOT : (r.parentCode ?? ROOT),
        value: r.code,
        title: r.name,
        isLeaf: r.level >= maxLevel,
        selectable: r.level >= minLevel,
      })),
    [nodes, city.code, minLevel, maxLevel],
  );

  return (
    <TreeSelect
      id={id}
      style={{ minWidth: 200, ...style }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: ROOT }}
      treeData={treeData}
      treeDefaultExpandedKeys={city.code ? [city.code] : []}
      loadData={async (node) => add(await loadChildren(String(node.value)))}
      placeholder={placeholder ?? t('region.placeholder')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      data-testid="region-select"
    />
  );
}
