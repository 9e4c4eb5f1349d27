import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { payments, type ServedUnit } from './api.ts';

/** Filter by collecting unit: only the units the staff member serves (the server refuses others). */
export function ServedUnitSelect({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const { t } = useT();
  const showError = useApiError();
  const [units, setUnits] = useState<ServedUnit[]>([]);
  useEffect(() => {
    payments.units().then((r) => setUnits(r.items), showError);
  }, [showError]);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="served-unit-filter"
      style={{ width: 220 }}
      placeholder={t('paymentUnits.filter')}
      value={value}
      onChange={onChange}
      options={units.map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
