import { App, Button, Descriptions, Drawer, Input, Space, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/useSession.ts';
import { useApiError } from '../../components/useApiError.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { ratings, type Rating, type Task, type TaskAction } from './api.ts';

const NEXT: Partial<Record<Task['status'], TaskAction>> = { open: 'callback', called_back: 'verify', verified: 'rectify', rectified: 'reply' };
const ORDER: Task['status'][] = ['open', 'called_back', 'verified', 'rectified', 'replied'];

/** One rectification task: the rating, call back → verify → rectify → reply, appeal and its decision. */
export function TaskDrawer({ id, onClose, onChanged }: { id?: string; onClose(): void; onChanged(): void }) {
  const { t } = useT();
  const { user } = useSession();
  const { message } = App.useApp();
  const showError = useApiError();
  const [detail, setDetail] = useState<{ task: Task; rating: Rating }>();
  const [note, setNote] = useState('');
  const [contact, setContact] = useState<{ name: string; phone: string | null }>();
  const [busy, setBusy] = useState(false);
  const admin = user?.roles.some((g) => g.role === 'administrator') ?? false;

  const load = useCallback(() => (id ? ratings.task(id).then(setDetail, showError) : Promise.resolve()), [id, showError]);
  useEffect(() => {
    setDetail(undefined);
    setContact(undefined);
    setNote('');
    void load();
  }, [load]);

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      message.success(t('ratings.tasks.saved'));
      setNote('');
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
      await load();
    }
  };

  const task = detail?.task;
  const r = detail?.rating;
  const next = task ? NEXT[task.status] : undefined;
  return (
    <Drawer open={!!id} onClose={onClose} width={640} title={r?.itemName} data-testid="rating-task">
      {task && r && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('ratings.tasks.case')}>{r.caseNumber}</Descriptions.Item>
            <Descriptions.Item label={t('ratings.tasks.level')}><Tag color="red">{r.levelName}</Tag>{r.excluded && <Tag>{t('ratings.my.excluded')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('ratings.tasks.tags')}>{r.tags.map((tag) => <Tag key={tag.code} color="orange">{tag.name}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label={t('ratings.tasks.comment')}><span style={{ whiteSpace: 'pre-wrap' }} data-testid="task-comment">{r.comment}</span></Descriptions.Item>
            <Descriptions.Item label={t('ratings.tasks.due')}>{task.dueDate} ({t('ratings.tasks.workingDays', { n: task.deadlineDays })}) {task.overdue && <Tag color="red">{t('ratings.tasks.overdue')}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('ratings.tasks.contact')}>
              {contact ? `${contact.name} ${contact.phone ?? ''}` : <Button size="small" onClick={() => ratings.contact(task.id).then(setContact, showError)}>{t('ratings.tasks.showContact')}</Button>}
            </Descriptions.Item>
          </Descriptions>
          <Steps
            size="small"
            direction="vertical"
            current={task.status === 'excluded' ? 0 : ORDER.indexOf(task.status)}
            items={[
              { title: t('ratings.tasks.step.open') },
              { title: t('ratings.tasks.step.callback'), description: task.callback?.note },
              { title: t('ratings.tasks.step.verify'), description: task.verification?.note },
              { title: t('ratings.tasks.step.rectify'), description: task.rectification?.note },
              { title: t('ratings.tasks.step.reply'), description: <span style={{ whiteSpace: 'pre-wrap' }}>{task.reply?.text}</span> },
            ]}
          />
          {next && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea data-testid="task-note" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t(`ratings.tasks.placeholder.${next}` as MessageKey)} />
              <Space wrap>
                <Button type="primary" data-testid={`task-${next}`} disabled={!note.trim()} loading={busy} onClick={() => run(() => ratings.act(task.id, next, task.version, note))}>
                  {t(`ratings.tasks.action.${next}` as MessageKey)}
                </Button>
                {!task.appeal && (
                  <Button danger disabled={!note.trim()} loading={busy} onClick={() => run(() => ratings.appeal(task.id, task.version, note))}>{t('ratings.tasks.appeal')}</Button>
                )}
              </Space>
            </Space>
          )}
          {task.appeal && (
            <Descriptions size="small" column={1} bordered title={t('ratings.tasks.appealTitle')}>
              <Descriptions.Item label={t('ratings.tasks.appealStatus')}>{t(`ratings.appeal.${task.appeal.status}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('ratings.tasks.appealReason')}>{task.appeal.reason}</Descriptions.Item>
              {task.appeal.decisionNote && <Descriptions.Item label={t('ratings.tasks.decisionNote')}>{task.appeal.decisionNote}</Descriptions.Item>}
            </Descriptions>
          )}
          {admin && task.appeal?.status === 'pending' && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('ratings.tasks.decisionNote')} />
              <Space>
                <Button type="primary" disabled={!note.trim()} loading={busy} onClick={() => run(() => ratings.decide(task.id, task.version, 'upheld', note))}>{t('ratings.tasks.uphold')}</Button>
                <Button disabled={!note.trim()} loading={busy} onClick={() => run(() => ratings.decide(task.id, task.version, 'rejected', note))}>{t('ratings.tasks.reject')}</Button>
              </Space>
            </Space>
          )}
          <Typography.Text type="secondary">{t('ratings.tasks.escalationNote')}</Typography.Text>
        </Space>
      )}
    </Drawer>
  );
}
