import { Button, Result, Space } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { loginPath } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import type { RoleCode } from '../../api/types.ts';
import { BareLayout } from '../../components/BareLayout.tsx';
import { useT } from '../../i18n/useT.ts';

/** 403: signed in, but without a role the area needs. */
export function ForbiddenPage({ roles }: { roles: readonly RoleCode[] | null }) {
  const { t, tx } = useT();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const needed = roles?.map((r) => tx(`role.${r}`, r)).join(' / ');
  return (
    <BareLayout>
      <Result
        status="403"
        title={t('errors.forbiddenTitle')}
        subTitle={
          <>
            <div>{t('errors.forbiddenText')}</div>
            {needed ? <div>{t('errors.forbiddenNeed', { roles: needed })}</div> : null}
          </>
        }
        extra={
          <Space wrap>
            <Link to="/">
              <Button>{t('common.backHome')}</Button>
            </Link>
            <Button
              type="primary"
              onClick={async () => {
                // Switching accounts means leaving the single sign-on session as well.
                const endSessionUrl = await signOut().catch(() => null);
                if (endSessionUrl) window.location.assign(endSessionUrl);
                else navigate(loginPath(location.pathname + location.search));
              }}
            >
              {t('errors.switchAccount')}
            </Button>
          </Space>
        }
        data-testid="forbidden"
      />
    </BareLayout>
  );
}
