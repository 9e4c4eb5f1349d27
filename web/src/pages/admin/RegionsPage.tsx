import { Card, Col, Empty, Input, List, Row, Spin, Tree, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { loadChildren, loadRegion } from '../../api/regionCache.ts';
import { searchRegions } from '../../api/regions.ts';
import type { Region } from '../../api/types.ts';
import { useCity } from '../../app/useCity.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { RegionDetail } from './RegionDetail.tsx';

interface Node extends TreeDataNode {
  key: string;
  region: Region;
  children?: Node[];
}

const toNode = (region: Region): Node => ({ key: region.code, title: region.name, region, isLeaf: region.level >= 5 });

function withChildren(nodes: Node[], code: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === code
      ? { ...n, children, isLeaf: children.length === 0 }
      : n.children
        ? { ...n, children: withChildren(n.children, code, children) }
        : n,
  );
}

/** 行政区划: the region tree, loaded one level at a time, with a detail panel and name search. */
export default function RegionsPage() {
  const { t, lang } = useT();
  const city = useCity();
  const showError = useApiError();
  const [tree, setTree] = useState<Node[]>([]);
  const [selected, setSelected] = useState<Region | null>(null);
  const [loading, setLoading] = useState(true);
  const [results, setResults] = useState<Region[] | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    if (!city.code) return;
    setLoading(true);
    loadRegion(city.code)
      .then((root) => {
        setTree([toNode(root)]);
        setSelected(root);
      })
      .catch(showError)
      .finally(() => setLoading(false));
  }, [city.code, lang, showError]);

  const loadData = useCallback(
    async (node: { key: React.Key }) => {
      try {
        const children = await loadChildren(String(node.key));
        setTree((prev) => withChildren(prev, String(node.key), children.map(toNode)));
      } catch (err) {
        showError(err);
      }
    },
    [showError],
  );

  async function search(q: string) {
    if (!q) return setResults(null);
    setSearching(true);
    try {
      setResults((await searchRegions({ q, pageSize: 20 })).items);
    } catch (err) {
      showError(err);
    } finally {
      setSearching(false);
    }
  }

  return (
    <div data-testid="regions-page">
      <PageTitle>{t('region.title')}</PageTitle>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} xl={8}>
          <Card variant="borderless" title={t('region.tree')}>
            <Input.Search allowClear placeholder={t('region.searchPlaceholder')} onSearch={search} loading={searching} />
            {results ? (
              <List
                className="region-results"
                header={t('region.searchResults')}
                dataSource={results}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
                renderItem={(r) => (
                  <List.Item className="clickable" onClick={() => setSelected(r)}>
                    <List.Item.Meta title={r.name} description={<span className="mono">{r.code}</span>} />
                  </List.Item>
                )}
              />
            ) : loading ? (
              <div className="panel-loading">
                <Spin />
              </div>
            ) : (
              <Tree<Node>
                className="region-tree"
                treeData={tree}
                loadData={loadData}
                defaultExpandedKeys={city.code ? [city.code] : []}
                selectedKeys={selected ? [selected.code] : []}
                onSelect={(_, info) => setSelected(info.node.region)}
                showLine
                blockNode
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} xl={16}>
          <RegionDetail region={selected} onSelect={setSelected} />
        </Col>
      </Row>
    </div>
  );
}
