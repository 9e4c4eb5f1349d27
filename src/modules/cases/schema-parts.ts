import { Type } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';

/**
 * The building blocks the cases module's schema files share. Answers stay open
 * (additionalProperties), as they were: a field a view adds passes through to clients.
 */
export const Open = { additionalProperties: true } as const;
export const Str = Type.String();
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const NullableStr = Nullable(Str);
export const Id = Type.String({ pattern: UUID_PATTERN });
export const Json = Type.Record(Type.String(), Type.Unknown());
/** 免填报: form field → the base library that filled it (resource, its provider, its field). */
export const PrefilledSources = Type.Record(Str, Type.Object({ resourceName: Str, providerName: Str, fieldName: Str }));
/** 免提交 refused: the library that would replace a material holds nothing of the applicant. */
export const DataMissing = Nullable(Type.Object({ resourceName: Str, providerName: Str }));
