import { DatePicker, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useCity } from '../../app/useCity.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { ratings, thisMonth, type Report } from './api.ts';
import { ResultFigures } from './ResultFigures.tsx';

/** /ratings — 好差评 monthly results, public: figures by department and item, no personal data. */
export default function PublicRatingsPage() {
  const { t } = useT();
  const city = useCity();
  const showError = useApiError();
  const [month, setMonth] = useState(thisMonth());
  const [report, setReport] = useState<Report>();

  useEffect(() => {
    if (city.code) ratings.publicMonthly({ month, regionCode: city.code }).then(setReport, showError);
  }, [city.code, month, showError]);

  return (
    <div style={{ maxWidth: 1100, margin: '24px auto', padding: '0 16px' }} data-testid="public-ratings">
      <PageTitle>{t('ratings.public.title', { city: city.name })}</PageTitle>
      <Space style={{ marginBottom: 12 }}>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
      </Space>
      {report ? <ResultFigures report={report} groupTitle={t('ratings.results.department')} /> : <Spin style={{ display: 'block', margin: 48 }} />}
    </div>
  );
}
