import { Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { CLASS_GROUPS, CLASS_ITEMS } from './api.ts';
import { useClassName } from './tags.tsx';

/** 分类码 as the 编制指南 writes it: 类 + 项 (3 digits), 目 (3) and an optional 细目 (1 to 6). */
export const CLASS_CODE = /^[1-3][0-9]{2}[0-9]{3}([0-9]{1,6})?$/;

interface Props {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  disabled?: boolean;
}

/** The class code of a new resource: 类/项 picked from the directory, 目 (and 细目) typed. */
export function ClassCodeInput({ value = '', onChange, id, disabled }: Props) {
  const { t } = useT();
  const className = useClassName();
  const [item, setItem] = useState<string | undefined>(value.slice(0, 3) || undefined);
  const [rest, setRest] = useState(value.slice(3));
  // a value set from outside (the form reset, a resource being edited)
  useEffect(() => {
    if (value !== `${item ?? ''}${rest}`) {
      setItem(value.slice(0, 3) || undefined);
      setRest(value.slice(3));
    }
  }, [value]); // only when the value changes

  const change = (nextItem: string | undefined, nextRest: string) => {
    setItem(nextItem);
    setRest(nextRest);
    onChange?.(`${nextItem ?? ''}${nextRest}`);
  };

  return (
    <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
      <Select
        id={id}
        value={item}
        disabled={disabled}
        placeholder={t('data.form.classItem')}
        aria-label={t('data.form.classItem')}
        onChange={(v: string) => change(v, rest)}
        style={{ width: '62%' }}
        popupMatchSelectWidth={false}
        data-testid="class-item"
        options={CLASS_GROUPS.map((group) => ({
          label: `${group} ${className(group)}`,
          title: className(group),
          options: CLASS_ITEMS[group].map((code) => ({ value: code, label: `${code} ${className(code)}` })),
        }))}
      />
      <Input
        value={rest}
        disabled={disabled}
        inputMode="numeric"
        maxLength={9}
        placeholder={t('data.form.classRest')}
        aria-label={t('data.form.classRest')}
        onChange={(e) => change(item, e.target.value.replace(/\D/g, ''))}
        style={{ width: '38%' }}
        data-testid="class-rest"
      />
    </Space.Compact>
  );
}
