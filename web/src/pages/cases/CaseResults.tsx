import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, List, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { caseResults, type CaseResults as Results } from './results-api.ts';

/**
 * 办理结果: the decision documents to download, the licence the case issued (wallet and public
 * check), and what could not be produced: for staff the problem with a retry, for the applicant
 * the kind of cause and that the department knows.
 */
export function CaseResults({ caseId, finished }: { caseId: string; finished: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [results, setResults] = useState<Results>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => caseResults.get(caseId).then(setResults, showError), [caseId, showError]);
  useEffect(() => {
    if (finished) void load();
  }, [finished, load]);

  if (!finished || !results) return null;
  const retry = async () => {
    setBusy(true);
    try {
      setResults(await caseResults.retry(caseId));
      message.success(t('casesResults.retried'));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const empty = !results.documents.length && !results.licence;
  return (
    <Card title={t('casesResults.title')} style={{ marginBottom: 12 }} data-testid="case-results">
      {results.problems.map((p) => (
        <Alert
          key={p.stage}
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t(p.stage === 'licence' ? 'casesResults.problem.licence' : 'casesResults.problem.document', { code: p.code, attempts: p.attempts })}
          description={typeof p.details.message === 'string' ? p.details.message : undefined}
          data-testid={`result-problem-${p.stage}`}
        />
      ))}
      {/* the applicant (who has no problems list) is told what is held up and why, once per stage */}
      {!results.problems.length &&
        results.blocked.map((b) => (
          <Alert
            key={b.stage}
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={t(`casesResultsBlocked.${b.stage}`)}
            description={`${t(`casesResultsBlocked.reason.${b.reason}`)}${t('casesResultsBlocked.promise')}`}
            data-testid={`result-blocked-${b.stage}`}
          />
        ))}
      {empty && !results.problems.length && !results.blocked.length && <Typography.Text type="secondary">{t('casesResults.pending')}</Typography.Text>}
      <List
        dataSource={results.documents}
        locale={{ emptyText: ' ' }}
        renderItem={(d) => (
          <List.Item data-testid={`result-${d.kind}`}>
            <List.Item.Meta
              avatar={<FilePdfOutlined style={{ fontSize: 22, color: '#b3121a' }} />}
              title={
                <a href={caseResults.pdfUrl(caseId, d.id)} target="_blank" rel="noreferrer">
                  {d.title}
                </a>
              }
              description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('casesResults.sm3', { sm3: d.sm3.slice(0, 16) })}</Typography.Text>}
            />
          </List.Item>
        )}
      />
      {results.licence && (
        <Alert
          type="success"
          showIcon
          icon={<SafetyCertificateOutlined />}
          data-testid="result-licence"
          message={t('casesResults.licence')}
          description={
            <Space direction="vertical" size={4}>
              <Typography.Text copyable style={{ fontSize: 12 }}>{results.licence.identifier}</Typography.Text>
              {results.licence.relatedIdentifier && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="result-licence-replaces">
                  {results.licence.operation === '09' ? t('casesResults.licenceReplaces.09', { identifier: results.licence.relatedIdentifier }) : t('casesResults.licenceReplaces.02', { identifier: results.licence.relatedIdentifier })}
                </Typography.Text>
              )}
              {results.licence.registered && (
                <Typography.Text style={{ fontSize: 12 }} data-testid="result-licence-registered">
                  {t('casesResults.registered', { name: results.licence.registered.name, uscc: results.licence.registered.uscc })}
                </Typography.Text>
              )}
              {results.licence.heldBy && (
                <Typography.Text style={{ fontSize: 12 }} data-testid="result-licence-held-by">
                  {t(`casesResults.heldBy.${results.licence.heldBy.codeType}`, { name: results.licence.heldBy.name, code: results.licence.heldBy.code })}
                </Typography.Text>
              )}
              <Space wrap>
                {results.licence.registered ? (
                  <Link to="/me/enterprises">{t('casesResults.toEnterprises')}</Link>
                ) : (
                  // a licence the form names the holder of is in that person's hands, not in the applicant's wallet
                  !results.licence.heldBy && <Link to="/wallet">{t('casesResults.toWallet')}</Link>
                )}
                <Link to={`/verify?id=${encodeURIComponent(results.licence.identifier)}`}>{t('casesResults.verify')}</Link>
              </Space>
            </Space>
          }
        />
      )}
      {results.mayRetry && (results.problems.length > 0 || empty) && (
        <Button style={{ marginTop: 12 }} loading={busy} onClick={() => void retry()} data-testid="result-retry">
          {t('casesResults.retry')}
        </Button>
      )}
    </Card>
  );
}
