import { Card } from 'antd';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/useT.ts';
import type { StaffModule } from './staffModules.tsx';

/** A workbench module that is still to be built: an honest empty state. */
export default function StaffModulePage({ module }: { module: StaffModule }) {
  const { t } = useT();
  const name = t(module.label);
  return (
    <div>
      <PageTitle>{name}</PageTitle>
      <Card variant="borderless">
        <ComingSoon title={t('staff.soonTitle', { module: name })} text={t('staff.soonText')} />
      </Card>
    </div>
  );
}
