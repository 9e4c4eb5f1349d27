import { Button, Card, Checkbox, Empty, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { WalletCard } from './WalletCard.tsx';
import { licences, type Licence, type LicenceUse, type Presentation, type UseRequest } from './api.ts';
import { dateTime, time } from '../../app/city-time.ts';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';

const TTL_MINUTES = [1, 5, 30, 60];

/** 卡包 /wallet: the signed-in person's licences; download, show a QR with chosen fields, use log. */
export default function WalletPage() {
  const { t } = useT();
  const { user } = useSession();
  const showError = useApiError();
  const [items, setItems] = useState<Licence[] | null>(null);
  const [showing, setShowing] = useState<Licence | null>(null);
  const [usesOf, setUsesOf] = useState<{ licence: Licence; items: LicenceUse[] } | null>(null);
  const [requests, setRequests] = useState<UseRequest[]>([]);

  const load = useCallback(() => {
    if (user?.kind !== 'person') return;
    licences.wallet().then((r) => setItems(r.items), showError);
    licences.requests().then((r) => setRequests(r.items), showError);
  }, [user, showError]);
  const decide = (id: string, approve: boolean) => licences.decide(id, approve).then(load, showError);
  useEffect(load, [load]);

  if (!user || user.kind !== 'person') {
    return <SignInPrompt message={t('license.wallet.signIn')} back={'/wallet'} />;
  }

  return (
    <div data-testid="wallet-page" style={{ maxWidth: 900, margin: '24px auto', padding: '0 16px' }}>
      <PageTitle>{t('license.wallet.title')}</PageTitle>
      {requests.length ? (
        <Card title={t('license.wallet.requests')} style={{ marginBottom: 16 }} data-testid="wallet-requests">
          <List
            dataSource={requests}
            renderItem={(r) => (
              <List.Item
                key={r.id}
                actions={
                  r.status === 'pending'
                    ? [
                        <Button key="yes" type="primary" size="small" onClick={() => decide(r.id, true)}>
                          {t('license.wallet.approve')}
                        </Button>,
                        <Button key="no" size="small" onClick={() => decide(r.id, false)}>
                          {t('license.wallet.refuse')}
                        </Button>,
                      ]
                    : [<Tag key="s">{t(`license.wallet.requestStatuses.${r.status}`)}</Tag>]
                }
              >
                <List.Item.Meta
                  title={`${r.requesterName} · ${r.typeName}`}
                  description={`${t('license.wallet.purpose')}：${r.purpose}${r.legalBasis ? `（${r.legalBasis}）` : ''} · ${dateTime(r.createdAt)}`}
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <List
        loading={items === null}
        dataSource={items ?? []}
        locale={{ emptyText: <Empty description={t('license.wallet.empty')} /> }}
        renderItem={(l) => (
          <WalletCard
            key={l.id}
            licence={l}
            actions={
              <>
                <Button type="primary" onClick={() => setShowing(l)}>
                  {t('license.wallet.show')}
                </Button>
                <Button href={licences.pdfUrl(l.id)} target="_blank">
                  {t('license.wallet.pdf')}
                </Button>
                <Button onClick={() => licences.uses(l.id).then((r) => setUsesOf({ licence: l, items: r.items }), showError)}>
                  {t('license.wallet.uses')}
                </Button>
              </>
            }
          />
        )}
      />
      {showing ? <PresentModal licence={showing} onClose={() => setShowing(null)} /> : null}
      <Modal open={usesOf !== null} title={t('license.wallet.uses')} footer={null} onCancel={() => setUsesOf(null)}>
        <List
          dataSource={usesOf?.items ?? []}
          locale={{ emptyText: t('license.wallet.noUses') }}
          renderItem={(u, i) => (
            <List.Item key={i}>
              {dateTime(u.at)} · {t(`license.wallet.useKinds.${u.kind}`)} {u.userName} {u.purpose}
            </List.Item>
          )}
        />
      </Modal>
    </div>
  );
}

function PresentModal({ licence, onClose }: { licence: Licence; onClose: () => void }) {
  const { t } = useT();
  const showError = useApiError();
  const options = [
    { value: 'holderName', label: t('license.verify.holderName') },
    { value: 'holderCode', label: t('license.verify.holderCode') },
    ...Object.keys(licence.fields).map((k) => ({ value: k, label: licence.fieldLabels[k] ?? k })),
  ];
  const [fields, setFields] = useState<string[]>(['holderName']);
  const [minutes, setMinutes] = useState(5);
  const [once, setOnce] = useState(true);
  const [shown, setShown] = useState<Presentation | null>(null);
  const create = () => licences.present(licence.id, { fields, ttlSeconds: minutes * 60, once }).then(setShown, showError);
  return (
    <Modal open title={licence.typeName} footer={null} onCancel={onClose} destroyOnHidden>
      {shown ? (
        <div style={{ textAlign: 'center' }} data-testid="presentation-qr">
          <div dangerouslySetInnerHTML={{ __html: shown.qrSvg }} />
          <p>{t('license.wallet.qrHint', { time: time(shown.expiresAt) })}</p>
          <a href={shown.url} style={{ wordBreak: 'break-all', fontSize: 12 }}>
            {shown.url}
          </a>
        </div>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('license.wallet.fields')}</Typography.Text>
          <Checkbox.Group options={options} value={fields} onChange={(v) => setFields(v as string[])} />
          <Space>
            {t('license.wallet.ttl')}
            <Select
              value={minutes}
              onChange={setMinutes}
              options={TTL_MINUTES.map((n) => ({ value: n, label: t('license.wallet.minutes', { n }) }))}
            />
          </Space>
          <Checkbox checked={once} onChange={(e) => setOnce(e.target.checked)}>
            {t('license.wallet.once')}
          </Checkbox>
          <Button type="primary" onClick={create}>
            {t('license.wallet.create')}
          </Button>
        </Space>
      )}
    </Modal>
  );
}
