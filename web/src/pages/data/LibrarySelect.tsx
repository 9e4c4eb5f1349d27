import { RemoteSelect, type RemoteSelectProps } from '../../components/RemoteSelect.tsx';
import { dataResources } from './api.ts';

type Props = Omit<RemoteSelectProps, 'search' | 'resolve'>;

const search = (q: string) =>
  dataResources.list({ q: q || undefined, library: true, pageSize: 50 }).then((page) => page.items.map((r) => ({ value: r.id, label: r.name })));
const resolve = (id: string) => dataResources.get(id).then((r) => ({ value: r.id, label: r.name }));

/** A base library (a resource whose records the platform holds), found by name or code. */
export function LibrarySelect(props: Props) {
  return <RemoteSelect {...props} search={search} resolve={resolve} />;
}
