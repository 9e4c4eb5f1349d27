import { Button, Checkbox, Form, Input, Rate, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { DimensionSet, Dictionary, RatingContent } from './api.ts';

const LEVEL_COLOURS: Record<number, string> = { 5: '#389e0d', 4: '#7cb305', 3: '#d4b106', 2: '#d46b08', 1: '#cf1322' };

interface Props {
  dictionary: Dictionary;
  dimensionSet: DimensionSet;
  /** The window pad: tablet-sized buttons, no free text to type at the counter. */
  large?: boolean;
  busy?: boolean;
  onSubmit(content: RatingContent): void;
}

/** Five levels, the national dimensions of the channel, bad-rating tags when dissatisfied, free text. */
export function RatingForm({ dictionary, dimensionSet, large, busy, onSubmit }: Props) {
  const { t } = useT();
  const [level, setLevel] = useState<number>();
  const [tags, setTags] = useState<string[]>([]);
  const [dimensions, setDimensions] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const bad = level !== undefined && level <= 2;
  const ready = level !== undefined && (!bad || tags.length > 0);
  const size = large ? { height: 96, fontSize: 24, minWidth: 150 } : { height: 48, fontSize: 16, minWidth: 100 };

  return (
    <Form layout="vertical" data-testid="rating-form">
      <Form.Item label={t('ratings.form.level')} required>
        <Space wrap size={large ? 16 : 8}>
          {dictionary.levels.map((l) => (
            <Button
              key={l.level}
              data-testid={`rating-level-${l.level}`}
              type={level === l.level ? 'primary' : 'default'}
              style={{ ...size, ...(level === l.level ? { background: LEVEL_COLOURS[l.level], borderColor: LEVEL_COLOURS[l.level] } : {}) }}
              onClick={() => {
                setLevel(l.level);
                if (l.level > 2) setTags([]);
              }}
            >
              {l.name}
            </Button>
          ))}
        </Space>
      </Form.Item>
      {bad && (
        <Form.Item label={t('ratings.form.tags')} required help={tags.length ? undefined : t('ratings.form.tagsHelp')}>
          <Checkbox.Group value={tags} onChange={(v) => setTags(v as string[])} style={{ display: 'grid', gridTemplateColumns: large ? '1fr 1fr' : '1fr', gap: 8 }}>
            {dictionary.badTags.map((tag) => (
              <Checkbox key={tag.code} value={tag.code} data-testid={`rating-tag-${tag.code}`} style={large ? { fontSize: 20 } : undefined}>{tag.name}</Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      )}
      <Form.Item label={t('ratings.form.dimensions')}>
        <Space direction="vertical">
          {dictionary.dimensions[dimensionSet].map((d) => (
            <Space key={d.code}>
              <Typography.Text style={{ display: 'inline-block', width: large ? 160 : 120, fontSize: large ? 20 : undefined }}>{d.name}</Typography.Text>
              <Rate value={dimensions[d.code]} onChange={(v) => setDimensions((x) => ({ ...x, [d.code]: v }))} style={large ? { fontSize: 36 } : undefined} />
            </Space>
          ))}
        </Space>
      </Form.Item>
      {!large && (
        <Form.Item label={t('ratings.form.comment')}>
          <Input.TextArea data-testid="rating-comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} showCount rows={3} />
        </Form.Item>
      )}
      <Button
        type="primary"
        size="large"
        data-testid="rating-submit"
        disabled={!ready}
        loading={busy}
        style={large ? { height: 80, fontSize: 26, minWidth: 240 } : undefined}
        onClick={() => {
          const dims = Object.fromEntries(Object.entries(dimensions).filter(([, v]) => v > 0));
          onSubmit({ level: level!, tags: bad ? tags : undefined, dimensions: dims, comment: comment.trim() || undefined });
        }}
      >
        {t('ratings.form.submit')}
      </Button>
    </Form>
  );
}
