import { api } from '../../api/client.ts';
// The shapes come from the indicators module's route schemas (type-only: nothing of the server is bundled).
import type { CockpitArea, CockpitFigures } from '../../../../src/modules/indicators/api.ts';

export type { CockpitArea, CockpitFigures };

export const cockpit = {
  /** The year so far unless a period is given; the region is the reader's grant. */
  figures: () => api.get<CockpitFigures>('/api/indicators/cockpit'),
};
