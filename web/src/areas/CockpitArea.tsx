import { RequireArea } from '../auth/RequireArea.tsx';
import CockpitPage from '../pages/cockpit/CockpitPage.tsx';

/** /cockpit: the leader's screen. */
export default function CockpitArea() {
  return (
    <RequireArea area="cockpit">
      <CockpitPage />
    </RequireArea>
  );
}
