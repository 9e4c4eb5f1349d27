import { Type, type Static } from 'typebox';
import { Colour } from '../schemas.ts';
import { NullableStr, Open, Str } from '../schema-parts.ts';

/** The staff lists around the workflow: 在办督办, 承诺核查, the colleagues a step can go to. */

/** A case in progress a leader may supervise or a department head assign, with its open orders. */
export const SupervisableRow = Type.Object({
  id: Str,
  number: NullableStr,
  itemName: Str,
  applicantName: Str,
  step: NullableStr,
  promisedDue: NullableStr,
  colour: Colour,
  openOrders: Type.Integer(),
});
export type SupervisableRow = Static<typeof SupervisableRow>;

/** A verification task of 告知承诺制: the case, when it is due and what it found. */
export const CommitmentCheckRow = Type.Object(
  { caseId: Str, number: Str, itemName: Str, applicantName: Str, due: Str, result: NullableStr, overdue: Type.Boolean() },
  Open,
);
export type CommitmentCheckRow = Static<typeof CommitmentCheckRow>;

/** A colleague the current step of a case can be assigned to. */
export const Assignee = Type.Object({ id: Str, name: Str, departmentName: NullableStr });
export type Assignee = Static<typeof Assignee>;

/** 查看明文: which personal form field a handler asks for, and why (kept in the audit chain). */
export const FormRevealRequest = Type.Object(
  { field: Type.String({ minLength: 1, maxLength: 60 }), reason: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type FormRevealRequest = Static<typeof FormRevealRequest>;

/** The clear value of one personal form field (any JSON value the applicant gave). */
export const FormReveal = Type.Object({ field: Str, kind: Str, value: Type.Unknown() });
export type FormReveal = Static<typeof FormReveal>;
