import { departments } from '../api/org.ts';
import { useT } from '../i18n/useT.ts';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect.tsx';

type Props = Omit<RemoteSelectProps, 'search' | 'resolve'>;

/** A department found by another name (不动产登记中心) shows that name too, so the pick is clear. */
const labelOf = (d: { name: string; otherNames?: string[] }) => (d.otherNames?.length ? `${d.name}（${d.otherNames.join('、')}）` : d.name);

const search = (q: string) =>
  departments.list({ q, pageSize: 50 }).then((page) => page.items.map((d) => ({ value: d.id, label: labelOf(d) })));
const resolve = (id: string) => departments.get(id).then((d) => ({ value: d.id, label: d.name }));

export function DepartmentSelect(props: Props) {
  const { t } = useT();
  return <RemoteSelect placeholder={t('department.placeholder')} {...props} search={search} resolve={resolve} />;
}
