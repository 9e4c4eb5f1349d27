import { Card, Tabs } from 'antd';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useT } from '../../../i18n/useT.ts';
import { LegalRepTab } from './LegalRepTab.tsx';
import { LevelTab } from './LevelTab.tsx';
import { useClerkWindows } from './shared.tsx';

/**
 * /staff/identity-checks — 窗口身份核验, the general-window clerk's two checks of a person in
 * front of them: an enterprise's legal representative (issue #13 point 8) and 实名等级 3.
 */
export default function WindowIdentityPage() {
  const { t } = useT();
  const windows = useClerkWindows();
  return (
    <div data-testid="window-identity" style={{ maxWidth: 1000 }}>
      <PageTitle>{t('identityWindow.title')}</PageTitle>
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'legal-rep', label: t('identityWindow.tabs.legalRep'), children: <LegalRepTab windows={windows} /> },
            { key: 'level', label: t('identityWindow.tabs.level'), children: <LevelTab windows={windows} /> },
          ]}
        />
      </Card>
    </div>
  );
}
