import { Type, type Static } from 'typebox';

/** Every failed request answers this body (errors.ts writes it; the web's ApiError reads it). */
export const ErrorBody = Type.Object({
  error: Type.Object({
    /** Stable, for programs: VALIDATION_FAILED, NOT_FOUND, … */
    code: Type.String(),
    /** For people, in the language the request asked for. */
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;
