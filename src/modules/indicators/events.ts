import { Type } from 'typebox';
import { defineTopic } from '../../kernel/events/index.ts';

/** The indicators module's outbox topics: the monthly publication of open figures. */

/** Timer: early on the 1st, the month just ended is published as open data (and the next month's timer set). */
export const OPEN_FIGURES_DUE = defineTopic('indicators.open_figures_due', Type.Object({ month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }) }));
