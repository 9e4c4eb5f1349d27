import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';

export interface Option {
  value: string;
  label: string;
}

export interface RemoteSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Options matching what the user typed ('' = the first page). */
  search: (q: string) => Promise<Option[]>;
  /** The label of a value that is not among the loaded options (editing an existing record). */
  resolve: (value: string) => Promise<Option>;
  placeholder?: string;
  allowClear?: boolean;
  exclude?: string;
  style?: React.CSSProperties;
  id?: string;
}

/** A searchable select whose options come from a paged API list. */
export function RemoteSelect({
  value,
  onChange,
  search,
  resolve,
  placeholder,
  allowClear,
  exclude,
  style,
  id,
}: RemoteSelectProps) {
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const [current, setCurrent] = useState<Option | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const run = (q: string) => {
    const mine = ++seq.current;
    setLoading(true);
    search(q)
      .then((list) => mine === seq.current && setOptions(list))
      .catch(() => mine === seq.current && setOptions([]))
      .finally(() => mine === seq.current && setLoading(false));
  };

  useEffect(() => {
    if (!value) return setCurrent(null);
    if (options.some((o) => o.value === value) || current?.value === value) return;
    let live = true;
    resolve(value)
      .then((o) => live && setCurrent(o))
      .catch(() => live && setCurrent({ value, label: value }));
    return () => {
      live = false;
    };
  }, [value]); // only when the value changes

  useEffect(() => () => clearTimeout(timer.current), []);

  const merged = [...(current && !options.some((o) => o.value === current.value) ? [current] : []), ...options].filter(
    (o) => o.value !== exclude,
  );

  return (
    <Select
      id={id}
      style={{ minWidth: 200, ...style }}
      value={value ?? undefined}
      onChange={(v: string | undefined) => {
        setCurrent(merged.find((o) => o.value === v) ?? null);
        onChange?.(v);
      }}
      options={merged}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      onOpenChange={(open) => open && options.length === 0 && run('')}
      showSearch={{
        filterOption: false,
        onSearch: (q) => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => run(q), 250);
        },
      }}
      popupMatchSelectWidth={false}
    />
  );
}
