import type { ListQueryState } from './useListQuery.ts';

/**
 * A table's paging over a server list (page and size in the URL through useListQuery): Ant
 * Design's `pagination` and `onChange` props, spread into the Table.
 */
export function serverPaging(
  state: Pick<ListQueryState, 'page' | 'pageSize'>,
  total: number,
  update: (patch: { page?: number; pageSize?: number }) => void,
  totalText: (total: number) => string,
) {
  return {
    pagination: {
      current: state.page,
      pageSize: state.pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: totalText,
    },
    onChange: (p: { current?: number; pageSize?: number }) => update({ page: p.current, pageSize: p.pageSize }),
  };
}
