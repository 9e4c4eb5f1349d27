import { halls } from '../api/org.ts';
import { useT } from '../i18n/useT.ts';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect.tsx';

type Props = Omit<RemoteSelectProps, 'search' | 'resolve'>;

const search = (q: string) =>
  halls.list({ q, pageSize: 50 }).then((page) => page.items.map((h) => ({ value: h.id, label: h.name })));
const resolve = (id: string) => halls.get(id).then((h) => ({ value: h.id, label: h.name }));

export function HallSelect(props: Props) {
  const { t } = useT();
  return <RemoteSelect placeholder={t('hall.placeholder')} {...props} search={search} resolve={resolve} />;
}
