import { AppError } from '../errors.ts';
import type { DayKind } from './calendar.ts';
import { isCalendarDay } from './shanghai.ts';

/**
 * The State Council's holiday arrangement as public holiday calendars publish it (iCalendar,
 * RFC 5545: the files of chinese-days, Apple's and Outlook's 中国节假日 calendars). Only the
 * subset such a file uses is read, strictly; anything else makes the whole file refused, so an
 * import is all or nothing.
 *
 * The rule:
 * - The file is one VCALENDAR; lines end in CRLF or LF; a line starting with a space or a tab
 *   continues the one before (folding). Components other than VEVENT (VTIMEZONE, VALARM …) and
 *   properties other than the ones below are skipped, but BEGIN/END must pair up.
 * - Each VEVENT has exactly one all-day DTSTART (`DTSTART;VALUE=DATE:20270101`, or a bare
 *   8-digit date), an optional all-day DTEND that is exclusive (RFC 5545: the event ends before
 *   it; without DTEND the event is the one day), at most 31 days long, and a SUMMARY.
 * - An event is a make-up working day (调休上班) when its SUMMARY says so — "班" in brackets
 *   ("春节(班)", "春节（班）"), "补班" or "上班" — or, without such a word, when
 *   `X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY` says so; every other event is days off (法定节假日,
 *   "春节(休)", "春节 假期 第1天/共8天"). A SUMMARY and an X-APPLE-SPECIAL-DAY that disagree are
 *   refused. A make-up working day must be a Saturday or a Sunday (a weekday is worked anyway).
 * - Only the days of the year being loaded are taken; events of other years (a file covering
 *   several years) are skipped. One day named both off and worked is refused, and so is a file
 *   with no day off in the year.
 * - Names: the SUMMARY without the marker words and counters ("春节(休)" → 春节); a working day is
 *   named "<holiday>调休上班" like the package's.
 *
 * Failures are 400 CALENDAR_ICS_INVALID with `details: { line, reason }` (line 0: the file as a
 * whole), reasons: NOT_A_CALENDAR, UNBALANCED, BAD_LINE, MISSING_DTSTART, DUPLICATE_PROPERTY,
 * NOT_ALL_DAY, BAD_DATE, BAD_RANGE, MISSING_SUMMARY, KIND_DISAGREES, WORKDAY_NOT_WEEKEND,
 * CONFLICT, NO_DAYS_IN_YEAR.
 */
export interface IcsDay {
  day: string;
  kind: DayKind;
  name: string;
}

export type IcsReason =
  | 'NOT_A_CALENDAR'
  | 'UNBALANCED'
  | 'BAD_LINE'
  | 'MISSING_DTSTART'
  | 'DUPLICATE_PROPERTY'
  | 'NOT_ALL_DAY'
  | 'BAD_DATE'
  | 'BAD_RANGE'
  | 'MISSING_SUMMARY'
  | 'KIND_DISAGREES'
  | 'WORKDAY_NOT_WEEKEND'
  | 'CONFLICT'
  | 'NO_DAYS_IN_YEAR';

export const icsInvalid = (line: number, reason: IcsReason) => new AppError('CALENDAR_ICS_INVALID', 400, { line, reason }, { line, reason });

const MS_PER_DAY = 86_400_000;
const MAX_EVENT_DAYS = 31;

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
  line: number;
}

/** Unfolded content lines with the number of the physical line each starts on. */
function contentLines(text: string): Property[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const logical: { text: string; line: number }[] = [];
  physical.forEach((raw, i) => {
    if (raw.startsWith(' ') || raw.startsWith('\t')) {
      const last = logical[logical.length - 1];
      if (!last) throw icsInvalid(i + 1, 'BAD_LINE');
      last.text += raw.slice(1);
    } else if (raw.trim() !== '') {
      logical.push({ text: raw, line: i + 1 });
    }
  });
  return logical.map(({ text: l, line }) => {
    // name *(";" param) ":" value; a parameter value may be quoted and hold ":" or ";"
    let i = 0;
    let inQuotes = false;
    for (; i < l.length; i++) {
      const ch = l[i];
      if (ch === '"') inQuotes = !inQuotes;
      else if (ch === ':' && !inQuotes) break;
    }
    if (i === l.length) throw icsInvalid(line, 'BAD_LINE');
    const [name, ...rawParams] = l.slice(0, i).split(';');
    if (!name || !/^[A-Za-z0-9-]+$/.test(name)) throw icsInvalid(line, 'BAD_LINE');
    const params: Record<string, string> = {};
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      if (eq <= 0) throw icsInvalid(line, 'BAD_LINE');
      params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
    }
    return { name: name.toUpperCase(), params, value: l.slice(i + 1), line };
  });
}

const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** An all-day date value as a day number (days since 1970-01-01). */
function dateValue(p: Property): number {
  const valueType = p.params.VALUE?.toUpperCase();
  if (valueType && valueType !== 'DATE') throw icsInvalid(p.line, 'NOT_ALL_DAY');
  if (/^\d{8}T/.test(p.value)) throw icsInvalid(p.line, 'NOT_ALL_DAY');
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(p.value);
  const day = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!isCalendarDay(day)) throw icsInvalid(p.line, 'BAD_DATE');
  return Date.UTC(Number(m![1]), Number(m![2]) - 1, Number(m![3])) / MS_PER_DAY;
}

const dayString = (n: number) => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
const isWeekend = (n: number) => {
  const weekday = (n + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
};

const WORK_MARKER = /[(（]\s*班\s*[)）]|补班|上班/;
const OFF_MARKER = /[(（]\s*休\s*[)）]/;
const NOISE = /[(（]\s*[休班]\s*[)）]|补班|上班|调休|假期|放假|休息|第\s*\d+\s*天\s*[/／]\s*共\s*\d+\s*天/g;

function kindOf(summary: string, special: string | undefined, line: number): DayKind {
  const bySummary: DayKind | undefined = WORK_MARKER.test(summary) ? 'workday' : OFF_MARKER.test(summary) ? 'holiday' : undefined;
  const bySpecial: DayKind | undefined =
    special === 'ALTERNATE-WORKDAY' ? 'workday' : special === 'WORK-HOLIDAY' ? 'holiday' : undefined;
  if (bySummary && bySpecial && bySummary !== bySpecial) throw icsInvalid(line, 'KIND_DISAGREES');
  return bySummary ?? bySpecial ?? 'holiday';
}

function nameOf(summary: string, kind: DayKind): string {
  const base = summary.replace(NOISE, '').replace(/\s+/g, ' ').trim().slice(0, 40);
  if (kind === 'workday') return `${base}调休上班`;
  return base || '法定节假日';
}

/** The days off and make-up working days an ICS file lists for `year`; throws CALENDAR_ICS_INVALID. */
export function parseHolidayIcs(text: string, year: number): IcsDay[] {
  const lines = contentLines(text);
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || first.name !== 'BEGIN' || first.value.toUpperCase() !== 'VCALENDAR') throw icsInvalid(first?.line ?? 0, 'NOT_A_CALENDAR');
  if (!last || last.name !== 'END' || last.value.toUpperCase() !== 'VCALENDAR') throw icsInvalid(last?.line ?? 0, 'NOT_A_CALENDAR');

  const stack: string[] = [];
  let event: { line: number; props: Map<string, Property> } | null = null;
  const days = new Map<string, IcsDay & { line: number }>();

  const closeEvent = (e: { line: number; props: Map<string, Property> }) => {
    const start = e.props.get('DTSTART');
    if (!start) throw icsInvalid(e.line, 'MISSING_DTSTART');
    const summaryProp = e.props.get('SUMMARY');
    const summary = summaryProp ? unescapeText(summaryProp.value).trim() : '';
    if (!summary) throw icsInvalid(summaryProp?.line ?? e.line, 'MISSING_SUMMARY');
    const from = dateValue(start);
    const endProp = e.props.get('DTEND');
    const to = endProp ? dateValue(endProp) : from + 1; // exclusive
    if (to <= from || to - from > MAX_EVENT_DAYS) throw icsInvalid(endProp?.line ?? start.line, 'BAD_RANGE');
    const kind = kindOf(summary, e.props.get('X-APPLE-SPECIAL-DAY')?.value.trim().toUpperCase(), summaryProp!.line);
    const name = nameOf(summary, kind);
    for (let d = from; d < to; d++) {
      if (kind === 'workday' && !isWeekend(d)) throw icsInvalid(start.line, 'WORKDAY_NOT_WEEKEND');
      const day = dayString(d);
      if (!day.startsWith(`${year}-`)) continue;
      const seen = days.get(day);
      if (seen && seen.kind !== kind) throw icsInvalid(start.line, 'CONFLICT');
      if (!seen) days.set(day, { day, kind, name, line: start.line });
    }
  };

  for (const p of lines) {
    if (p.name === 'BEGIN') {
      const component = p.value.toUpperCase();
      if (!/^[A-Z0-9-]+$/.test(component)) throw icsInvalid(p.line, 'BAD_LINE');
      if (stack.length === 0 && component !== 'VCALENDAR') throw icsInvalid(p.line, 'NOT_A_CALENDAR');
      if (stack.length > 0 && component === 'VCALENDAR') throw icsInvalid(p.line, 'UNBALANCED');
      if (component === 'VEVENT') {
        if (stack.length !== 1) throw icsInvalid(p.line, 'UNBALANCED');
        event = { line: p.line, props: new Map() };
      }
      stack.push(component);
    } else if (p.name === 'END') {
      const component = p.value.toUpperCase();
      if (stack.pop() !== component) throw icsInvalid(p.line, 'UNBALANCED');
      if (component === 'VEVENT' && event) {
        closeEvent(event);
        event = null;
      }
      if (component === 'VCALENDAR' && p !== last) throw icsInvalid(p.line, 'UNBALANCED');
    } else if (stack.length === 0) {
      throw icsInvalid(p.line, 'NOT_A_CALENDAR');
    } else if (event && stack[stack.length - 1] === 'VEVENT' && ['DTSTART', 'DTEND', 'SUMMARY', 'X-APPLE-SPECIAL-DAY', 'DURATION', 'RRULE'].includes(p.name)) {
      // a repeating or duration-given event is not the subset read here
      if (p.name === 'DURATION' || p.name === 'RRULE') throw icsInvalid(p.line, 'BAD_RANGE');
      if (event.props.has(p.name)) throw icsInvalid(p.line, 'DUPLICATE_PROPERTY');
      event.props.set(p.name, p);
    }
  }
  if (stack.length !== 0) throw icsInvalid(last.line, 'UNBALANCED');

  const result = [...days.values()].sort((a, b) => a.day.localeCompare(b.day)).map(({ day, kind, name }) => ({ day, kind, name }));
  if (!result.some((d) => d.kind === 'holiday')) throw icsInvalid(0, 'NO_DAYS_IN_YEAR');
  return result;
}
