import { Type, type Static } from 'typebox';
import { PERSON_CODE_TYPES } from '../../../kernel/validate/index.ts';
import { Id, Nullable } from '../schema-parts.ts';
import { BLOCKED_REASONS } from './blocked.ts';

/** 结果文书 and the e-licence a case produced, as the applicant and staff in scope read them. */

export const RESULT_KINDS = ['approval', 'disapproval', 'refusal'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export const ResultDocument = Type.Object({
  id: Id,
  kind: Type.Enum(RESULT_KINDS),
  title: Type.String(),
  fileName: Type.String(),
  size: Type.Integer(),
  sm3: Type.String(),
  sealId: Type.String(),
  keyId: Type.String(),
  createdAt: Type.String(),
});
export type ResultDocument = Static<typeof ResultDocument>;

export const CaseResults = Type.Object({
  documents: Type.Array(ResultDocument),
  /**
   * With its 操作类型 (01 新发, 02 延续, 09 变更), for 02/09 the identifier of the licence it
   * replaced, for a 设立登记 the market subject it registered, who holds it, and for a holder
   * the form names (外国人工作许可证) that person, the document number masked.
   */
  licence: Nullable(
    Type.Object({
      id: Type.String(),
      identifier: Type.String(),
      typeCode: Type.String(),
      operation: Type.String(),
      relatedIdentifier: Nullable(Type.String()),
      registered: Nullable(Type.Object({ name: Type.String(), uscc: Type.String() })),
      heldBy: Nullable(Type.Object({ name: Type.String(), code: Type.String(), codeType: Type.Enum(PERSON_CODE_TYPES) })),
    }),
  ),
  /** 免证办: materials a valid e-licence of the applicant replaced. */
  licenceUses: Type.Array(Type.Object({ materialKey: Type.String(), identifier: Type.String() })),
  /** Staff only: what could not be produced, for a retry. */
  problems: Type.Array(
    Type.Object({
      stage: Type.Union([Type.Literal('document'), Type.Literal('licence')]),
      code: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
      attempts: Type.Integer(),
      at: Type.String(),
    }),
  ),
  /**
   * For everyone who reads the case, the applicant included: what could not be produced and the
   * kind of cause (result/blocked.ts), so nobody waits on "being produced" for ever.
   */
  blocked: Type.Array(
    Type.Object({
      stage: Type.Union([Type.Literal('document'), Type.Literal('licence')]),
      reason: Type.Enum(BLOCKED_REASONS),
      at: Type.String(),
    }),
  ),
  /** Whether the caller may ask for the results to be produced again. */
  mayRetry: Type.Boolean(),
});
export type CaseResults = Static<typeof CaseResults>;
