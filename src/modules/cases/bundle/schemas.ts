import { Type, type Static } from 'typebox';
import type { FormFieldSchema } from '../../../kernel/api.ts';
import { BUNDLE_STATUSES } from './status.ts';
import { CaseStatus, Outcome } from '../schemas.ts';
import { DataMissing, Json, Nullable, NullableStr, Open, PrefilledSources, Str } from '../schema-parts.ts';

/** A 一件事 application as the API shows it (bundle-queries.ts builds it; bundle-routes.ts serves it). */

export const BundleStatus = Type.Enum(BUNDLE_STATUSES);
export const BundleOutcome = Nullable(Type.Enum(['approved', 'partial', 'disapproved']));

/** One department's part: the member item and, once applied for, its case. */
export const BundleMemberView = Type.Object(
  {
    position: Type.Integer(),
    itemId: Str,
    itemCode: Str,
    itemName: Str,
    step: Type.Integer(),
    optional: Type.Boolean(),
    departmentName: NullableStr,
    case: Nullable(
      Type.Object(
        {
          id: Str,
          number: NullableStr,
          status: CaseStatus,
          outcome: Outcome,
          steps: Type.Array(Type.Object({ key: Str, name: Str })),
          currentStep: Nullable(Type.Object({ key: Str, name: Str, index: Type.Integer() })),
          promisedDue: NullableStr,
          overdue: Type.Boolean(),
          completedAt: NullableStr,
          version: Type.Integer(),
        },
        Open,
      ),
    ),
  },
  Open,
);
export type BundleMemberView = Static<typeof BundleMemberView>;

/** The merged form of the bundle's items; each field maps back to the items' own (bundle-plan.ts). */
export const BundleForm = Type.Object(
  {
    schema: Type.Object(
      { type: Type.Literal('object'), properties: Type.Unsafe<Record<string, FormFieldSchema>>(Json), required: Type.Array(Str) },
      Open,
    ),
    fields: Type.Record(Str, Type.Object({ order: Type.Number() }, Open)),
  },
  Open,
);
export type BundleForm = Static<typeof BundleForm>;

/** A material of the merged list and the members needing it. */
export const BundleMaterial = Type.Object(
  {
    /** `<member position>.<item material key>` of the first member needing it: stable while the versions are. */
    key: Str,
    name: Str,
    necessity: Str,
    source: Str,
    /** 免提交: the platform obtains it; nothing to upload. */
    skipped: Type.Boolean(),
    /** The base library that would replace it holds nothing of the applicant: it is to be uploaded. */
    dataMissing: DataMissing,
    neededBy: Type.Array(Type.Object({ position: Type.Integer(), itemName: Str, materialKey: Str })),
  },
  Open,
);
export type BundleMaterial = Static<typeof BundleMaterial>;

const BundleFile = Type.Object({ id: Str, materialKey: Str, fileName: Str, mime: Str, size: Type.Integer(), stage: Str, uploadedAt: Str }, Open);
export const BundleMaterialView = Type.Object({ ...BundleMaterial.properties, files: Type.Array(BundleFile) }, Open);
export type BundleMaterialView = Static<typeof BundleMaterialView>;

/** The bundle's own entries and its members' transitions; names and opinions only for the applicant. */
export const BundleTimelineEntry = Type.Object(
  { at: Str, kind: Str, itemName: NullableStr, stepKey: NullableStr, actorName: Type.Optional(NullableStr), opinion: Type.Optional(NullableStr) },
  Open,
);
export type BundleTimelineEntry = Static<typeof BundleTimelineEntry>;

export const BundleCaseDetail = Type.Object(
  {
    bundleCase: Type.Object(
      {
        id: Str,
        number: NullableStr,
        queryCode: NullableStr,
        state: Type.Enum(['draft', 'submitted', 'withdrawn']),
        status: BundleStatus,
        outcome: BundleOutcome,
        promisedDue: NullableStr,
        overdue: Type.Boolean(),
        completedAt: NullableStr,
        bundleCode: Str,
        bundleName: Str,
        regionCode: Str,
        applicantName: Str,
        formData: Json,
        /** 免填报: merged form fields the platform filled from a base library, with their sources. */
        prefilledFrom: PrefilledSources,
        submittedAt: NullableStr,
        createdAt: Str,
        version: Type.Integer(),
      },
      Open,
    ),
    members: Type.Array(BundleMemberView),
    form: BundleForm,
    materials: Type.Array(BundleMaterialView),
    /** The 补正 lists of the members in correction, in the bundle's field names and material keys. */
    correction: Nullable(Type.Array(Type.Object({ itemName: Str, note: Str, materialKey: NullableStr, field: NullableStr }))),
    timeline: Type.Array(BundleTimelineEntry),
    actions: Type.Array(Str),
  },
  Open,
);
export type BundleCaseDetail = Static<typeof BundleCaseDetail>;

/** 我的一件事: a bundle case with its members' progress. */
export const MyBundleRow = Type.Object(
  {
    id: Str,
    number: NullableStr,
    bundleName: Str,
    status: BundleStatus,
    outcome: BundleOutcome,
    promisedDue: NullableStr,
    submittedAt: NullableStr,
    members: Type.Array(Type.Object({ caseId: NullableStr, itemName: Str, status: Nullable(CaseStatus), outcome: Outcome }, Open)),
    version: Type.Integer(),
  },
  Open,
);
export type MyBundleRow = Static<typeof MyBundleRow>;
export const MyBundles = Type.Object({ items: Type.Array(MyBundleRow), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }, Open);
export type MyBundles = Static<typeof MyBundles>;

/** 一件事进度公开查询: the bundle and each department's part, no names, no form, no opinions. */
export const BundleProgress = Type.Object(
  {
    number: Str,
    bundleName: Str,
    status: BundleStatus,
    outcome: BundleOutcome,
    promisedDue: NullableStr,
    submittedAt: NullableStr,
    completedAt: NullableStr,
    members: Type.Array(
      Type.Object({ itemName: Str, departmentName: NullableStr, status: Nullable(CaseStatus), outcome: Outcome, step: NullableStr }, Open),
    ),
    timeline: Type.Array(BundleTimelineEntry),
  },
  Open,
);
export type BundleProgress = Static<typeof BundleProgress>;
