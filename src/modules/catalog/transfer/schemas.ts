import { Type, type Static } from 'typebox';

const RowIssue = Type.Object({
  /** Row number as the file counts it (Excel's row, or the position in a JSON array, 1-based); 0 for the file itself. */
  row: Type.Integer(),
  column: Type.Optional(Type.String()),
  code: Type.String(),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  message: Type.String(),
});
export type RowIssue = Static<typeof RowIssue>;

/** The import report (import.ts ImportReport): the 201 body, and `error.details` of a 422 IMPORT_REJECTED. */
export const ImportReportSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('applied'), Type.Literal('rejected')]),
  fileName: Type.String(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  items: Type.Array(
    Type.Object({
      row: Type.Integer(),
      code: Type.String(),
      action: Type.Union([Type.Literal('created'), Type.Literal('updated')]),
      versionNo: Type.Integer(),
      qualityOk: Type.Boolean(),
    }),
  ),
  issues: Type.Array(RowIssue),
});
export type ImportReport = Static<typeof ImportReportSchema>;
