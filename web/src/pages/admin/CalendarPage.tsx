import { CheckOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { confirmCalendarYear, deleteCalendarDay, getCalendar, getCalendarStatus, importCalendarIcs } from '../../api/calendar.ts';
import type { CalendarDay, CalendarYearStatus } from '../../api/types.ts';
import { CALENDAR_CHANGED } from '../../components/CalendarBanner.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { CalendarDayModal } from './CalendarDayModal.tsx';

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1, THIS_YEAR + 2];

/** 工作日历: the year's days off and make-up working days; admins add, change and remove them. */
export default function CalendarPage() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [year, setYear] = useState(THIS_YEAR);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<{ open: boolean; day: CalendarDay | null }>({ open: false, day: null });
  const [status, setStatus] = useState<CalendarYearStatus | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    getCalendarStatus()
      .then((s) => setStatus(s.years.find((y) => y.year === year) ?? null))
      .catch(() => setStatus(null));
    getCalendar(year)
      .then((c) => setDays([...c.days].sort((a, b) => a.day.localeCompare(b.day))))
      .catch((err: unknown) => {
        setDays([]);
        showError(err);
      })
      .finally(() => setLoading(false));
  }, [year, showError]);

  useEffect(load, [load, lang]);

  async function remove(day: CalendarDay) {
    try {
      await deleteCalendarDay(day.day);
      message.success(t('common.deleted'));
      load();
    } catch (err) {
      showError(err);
    }
  }

  async function importFile(file: File) {
    try {
      const r = await importCalendarIcs(year, await file.text());
      message.success(t('calendar.imported', { year: r.year, holidays: r.holidays, workdays: r.workdays }));
      window.dispatchEvent(new Event(CALENDAR_CHANGED));
      load();
    } catch (err) {
      showError(err);
    }
  }

  async function confirmYear() {
    try {
      await confirmCalendarYear(year);
      message.success(t('calendar.yearConfirmed', { year }));
      window.dispatchEvent(new Event(CALENDAR_CHANGED));
      load();
    } catch (err) {
      showError(err);
    }
  }

  const sourceLabel = (source: string | null) =>
    source === 'ics' ? t('calendar.sourceIcs') : source === 'admin' ? t('calendar.sourceAdmin') : t('calendar.sourcePackage');
  const weekdays = t('calendar.weekdays').split(',');
  const holidays = days.filter((d) => d.kind === 'holiday').length;

  return (
    <div data-testid="calendar-page">
      <PageTitle>{t('calendar.title')}</PageTitle>
      <Card variant="borderless">
        <Alert type="info" showIcon title={t('calendar.hint')} description={t('calendar.importHint')} className="calendar-hint" />
        <div className="crud-toolbar">
          <Space wrap>
            <span>{t('calendar.year')}</span>
            <Select
              value={year}
              onChange={setYear}
              options={YEARS.map((y) => ({ value: y, label: String(y) }))}
              style={{ width: 110 }}
            />
            <Tag color="red">{t('calendar.holidays', { count: holidays })}</Tag>
            <Tag color="blue">{t('calendar.workdays', { count: days.length - holidays })}</Tag>
            {status &&
              (status.confirmed ? (
                <Tag color="green" data-testid="calendar-year-confirmed">
                  {t('calendar.confirmed', { year, source: sourceLabel(status.source), by: status.confirmedBy ?? '' })}
                </Tag>
              ) : (
                <Tag color="orange" data-testid="calendar-year-unconfirmed">{t('calendar.unconfirmed', { year })}</Tag>
              ))}
          </Space>
          <Space wrap>
            <Upload
              accept=".ics,text/calendar"
              showUploadList={false}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="calendar-import">{t('calendar.importIcs')}</Button>
            </Upload>
            {status && !status.confirmed && (
              <Popconfirm title={t('calendar.confirmYearQuestion', { year })} onConfirm={() => void confirmYear()} okText={t('calendar.confirmYear')} cancelText={t('common.cancel')}>
                <Button icon={<CheckOutlined />}>{t('calendar.confirmYear')}</Button>
              </Popconfirm>
            )}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, day: null })}>
              {t('calendar.add')}
            </Button>
          </Space>
        </div>
        <Table<CalendarDay>
          rowKey="day"
          size="middle"
          loading={loading}
          dataSource={days}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
          columns={[
            { key: 'day', dataIndex: 'day', title: t('calendar.day'), render: (v: string) => <span className="mono">{v}</span> },
            { key: 'weekday', title: t('calendar.weekday'), render: (_, d) => weekdays[new Date(`${d.day}T00:00:00`).getDay()] },
            {
              key: 'kind',
              title: t('calendar.kind'),
              render: (_, d) =>
                d.kind === 'holiday' ? (
                  <Tag color="red">{t('calendar.holiday')}</Tag>
                ) : (
                  <Tag color="blue">{t('calendar.workday')}</Tag>
                ),
            },
            { key: 'name', dataIndex: 'name', title: t('calendar.name') },
            {
              key: 'source',
              title: t('calendar.source'),
              render: (_, d) =>
                d.source === 'admin' ? (
                  <Tag color="purple">{t('calendar.sourceAdmin')}</Tag>
                ) : d.source === 'ics' ? (
                  <Tag color="cyan">{t('calendar.sourceIcs')}</Tag>
                ) : (
                  <Tag>{t('calendar.sourcePackage')}</Tag>
                ),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, d) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ open: true, day: d })}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('calendar.confirmRemove', { day: d.day })}
                    okText={t('common.remove')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove(d)}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CalendarDayModal
        open={editing.open}
        day={editing.day}
        year={year}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
        onSaved={() => {
          setEditing((e) => ({ ...e, open: false }));
          load();
        }}
      />
    </div>
  );
}
