import { Type } from 'typebox';
import { defineTopic } from '../../kernel/events/index.ts';

/**
 * The platform module's outbox topics. A year of the working-day calendar was confirmed (its
 * State Council arrangement loaded from the package or an ICS file, or entered and confirmed by
 * an administrator): deadlines computed into it while it was not are recomputed (cases).
 */
export const CALENDAR_YEAR_CONFIRMED = defineTopic(
  'platform.calendar_year_confirmed',
  Type.Object({ year: Type.Integer(), source: Type.Union([Type.Literal('package'), Type.Literal('ics'), Type.Literal('admin')]) }),
);
