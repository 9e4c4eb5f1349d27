import { on, type Subscription } from '../../kernel/events/index.ts';
import { escalateIfOverdue, remindIfPending } from './demands.ts';
import { DEMAND_DUE, DEMAND_ESCALATION_DUE } from './events.ts';

/** The demand clock: a reminder the morning it falls due, the data bureau the day after. */
export function dataHandlers(): Subscription[] {
  return [
    on(DEMAND_DUE, (event, tx) => remindIfPending(tx, event.payload.demandId, event.payload.dueDate)),
    on(DEMAND_ESCALATION_DUE, (event, tx) => escalateIfOverdue(tx, event.payload.demandId, event.payload.dueDate)),
  ];
}
