import { Type } from 'typebox';
import { defineTopic, Nullable, type PayloadOf } from '../../kernel/events/index.ts';

/** The ratings module's outbox topics: the rating fact for others, the module's own timers and alerts. */

/** A case was rated (好差评); a bad rating opened a rectification task (`taskId`). */
export const RATED = defineTopic(
  'ratings.rated',
  Type.Object({
    ratingId: Type.String(),
    caseId: Type.String(),
    stage: Type.String(),
    level: Type.Integer({ minimum: 1, maximum: 5 }),
    departmentId: Type.String(),
    itemId: Type.String(),
    taskId: Nullable(Type.String()),
  }),
  { terminal: 'kept as a fact for reporting; cases is told the satisfaction directly (noteCaseSatisfaction) in the rating transaction' },
);
export type Rated = PayloadOf<typeof RATED>;

/** Timer: an invitation still unanswered when its period ends is recorded 基本满意. */
export const DEFAULT_DUE = defineTopic('ratings.default_due', Type.Object({ invitationId: Type.String() }));

/** Timer: the day after a rectification task's due date, when an unanswered one is escalated. */
export const TASK_ESCALATION_DUE = defineTopic('ratings.task_escalation_due', Type.Object({ taskId: Type.String(), dueDate: Type.String() }));

/** A rectification task went unanswered past its due date: the department's heads are alerted. */
export const TASK_ESCALATED = defineTopic(
  'ratings.task_escalated',
  Type.Object({ taskId: Type.String(), ratingId: Type.String(), departmentId: Type.String(), dueDate: Type.String() }),
);
