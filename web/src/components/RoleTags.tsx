import { Tag } from 'antd';
import type { RoleGrant } from '../api/types.ts';
import { useT } from '../i18n/useT.ts';

/** Role names as tags; duplicates over several regions are shown once. */
export function RoleTags({ roles, empty }: { roles: RoleGrant[]; empty?: string }) {
  const { tx } = useT();
  const codes = [...new Set(roles.map((r) => r.role))];
  if (codes.length === 0) return <span className="muted">{empty ?? ''}</span>;
  return (
    <>
      {codes.map((code) => (
        <Tag key={code} color={code === 'administrator' ? 'red' : code === 'leader' ? 'gold' : 'blue'}>
          {tx(`role.${code}`, code)}
        </Tag>
      ))}
    </>
  );
}
