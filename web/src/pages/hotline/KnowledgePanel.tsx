import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { knowledge, type KnowledgeHit } from './knowledge-api.ts';

/** What the search reads of the caller's words: the start (the matter comes first); the API takes 100 characters. */
const QUERY_CHARS = 100;
const DEBOUNCE_MS = 300;

/**
 * 知识库 beside the agent's intake and the ticket: answers (the centre's articles and the
 * catalogue's guides, marked) found as the caller's words are typed; an answer opens in place
 * (from a ticket that counts as a hit) and 用此答复 answers the caller with it (一次办结).
 */
export function KnowledgePanel({
  text,
  ticketId,
  busy,
  onUse,
}: {
  text: string;
  /** the ticket it serves, once there is one */
  ticketId?: string;
  busy?: boolean;
  onUse(hit: KnowledgeHit): void;
}) {
  const { t } = useT();
  const [hits, setHits] = useState<KnowledgeHit[]>([]);
  const [loading, setLoading] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const q = text.trim().slice(0, QUERY_CHARS);

  useEffect(() => {
    if (!q) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      knowledge.search(q, controller.signal).then(
        (r) => {
          setHits(r.items);
          setLoading(false);
        },
        () => setLoading(false),
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const toggle = (hit: KnowledgeHit) => {
    const open = opened === hit.id ? null : hit.id;
    setOpened(open);
    // read from a ticket: the article helped with it (知识库命中率)
    if (open && ticketId && hit.kind === 'article') knowledge.open(hit.id, ticketId).catch(() => undefined);
  };

  return (
    <Card size="small" title={t('hotlineKnowledge.panel.title')} style={{ marginBottom: 16 }} data-testid="kb-panel">
      <List<KnowledgeHit>
        size="small"
        loading={loading}
        dataSource={hits}
        locale={{ emptyText: q ? t('hotlineKnowledge.panel.none') : t('hotlineKnowledge.panel.typing') }}
        renderItem={(hit) => (
          <List.Item
            data-testid="kb-hit"
            actions={[
              <Button key="use" size="small" type="primary" ghost loading={busy} onClick={() => onUse(hit)} data-testid="kb-use">
                {t('hotlineKnowledge.panel.use')}
              </Button>,
            ]}
          >
            <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
              <Space size={6} wrap>
                <Tag color={hit.kind === 'article' ? 'blue' : 'green'} style={{ marginInlineEnd: 0 }}>
                  {t(`hotlineKnowledge.kind.${hit.kind}`)}
                </Tag>
                <Typography.Link onClick={() => toggle(hit)} data-testid="kb-hit-title">
                  {hit.title}
                </Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {hit.departmentName}
                </Typography.Text>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
                {opened === hit.id ? hit.answer : hit.snippet}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
