import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { percent, type Report } from './api.ts';

/** The monthly figures, shared by the public page and the staff results (which add the group column). */
export function ResultFigures({ report, groupTitle }: { report: Report; groupTitle: string }) {
  const { t } = useT();
  const s = report.summary;
  return (
    <div data-testid="rating-figures">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('ratings.results.score')} value={s.score ?? '—'} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('ratings.results.satisfaction')} value={percent(s.satisfactionRate)} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('ratings.results.valid')} value={s.valid} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('ratings.results.badRate')} value={`${s.bad} · ${percent(s.badRate)}`} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('ratings.results.tasks')} value={`${s.replied} / ${s.tasks}`} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('ratings.results.onTime')} value={percent(s.onTimeRate)} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('ratings.results.defaulted')} value={s.defaulted} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('ratings.results.excluded')} value={s.excluded} /></Card></Col>
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('ratings.results.byLevel')}>
            {(['5', '4', '3', '2', '1'] as const).map((l) => <Tag key={l} style={{ marginBottom: 4 }}>{t(`ratings.level.${l}` as MessageKey)}: {s.byLevel[l] ?? 0}</Tag>)}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('ratings.results.byChannel')}>
            {Object.entries(s.byChannel).map(([c, n]) => <Tag key={c} style={{ marginBottom: 4 }}>{t(`ratings.channel.${c}` as MessageKey)}: {n}</Tag>)}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('ratings.results.groups')} style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey={(g) => g.key ?? '—'}
          pagination={false}
          dataSource={report.groups}
          scroll={{ x: true }}
          columns={[
            { title: groupTitle, render: (_, g) => g.name ?? t('ratings.results.unassigned') },
            { title: t('ratings.results.valid'), dataIndex: 'valid' },
            { title: t('ratings.results.score'), render: (_, g) => g.score ?? '—' },
            { title: t('ratings.results.satisfaction'), render: (_, g) => percent(g.satisfactionRate) },
            { title: t('ratings.results.bad'), dataIndex: 'bad' },
            { title: t('ratings.results.onTime'), render: (_, g) => percent(g.onTimeRate) },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} md={8}>
          <Card size="small" title={t('ratings.results.rankItems')}>
            <ol style={{ margin: 0, paddingLeft: 20 }}>{report.rankings.items.map((i) => <li key={i.key}>{i.name} — {i.bad}</li>)}</ol>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('ratings.results.rankDepartments')}>
            <ol style={{ margin: 0, paddingLeft: 20 }}>{report.rankings.departments.map((i) => <li key={i.key}>{i.name} — {i.bad}</li>)}</ol>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t('ratings.results.tags')}>
            <ol style={{ margin: 0, paddingLeft: 20 }}>{report.tags.map((i) => <li key={i.code}>{i.name} — {i.count}</li>)}</ol>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
