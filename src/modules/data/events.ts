import { Type } from 'typebox';
import { defineTopic } from '../../kernel/events/index.ts';

/** The data module's outbox topics: the clock of a sharing demand. */

/** Timer: the morning a pending demand falls due, its provider's keepers are reminded. */
export const DEMAND_DUE = defineTopic('data.demand_due', Type.Object({ demandId: Type.String(), dueDate: Type.String() }));

/** Timer: the day after the due date, a demand still unanswered is overdue and goes to the data bureau. */
export const DEMAND_ESCALATION_DUE = defineTopic('data.demand_escalation_due', Type.Object({ demandId: Type.String(), dueDate: Type.String() }));
