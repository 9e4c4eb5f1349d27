import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';

export const Id = Type.String({ pattern: UUID_PATTERN });
export const IdParams = Type.Object({ id: Id });
export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);

// Money arrives as any JSON number so the service can refuse negative, fractional and
// too-large amounts with their own codes (and audit them) rather than a generic schema error.
const Money = Type.Number();

export const NoticeLineInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    unitFen: Money,
    quantity: Type.Number(),
    reduction: Type.Optional(Type.Object({ fen: Money, basis: Type.String({ maxLength: 200 }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const NoticeCreate = Type.Object(
  {
    payerPersonId: Type.Optional(Nullable(Id)),
    payerEnterpriseId: Type.Optional(Nullable(Id)),
    payerName: Type.String({ minLength: 1, maxLength: 100 }),
    departmentId: Id,
    itemCode: Type.Optional(Type.String({ maxLength: 64 })),
    dueDate: Day,
    lines: Type.Array(NoticeLineInput, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type NoticeCreate = Static<typeof NoticeCreate>;

export const NoticeLine = Type.Object({
  lineNo: Type.Integer(),
  name: Type.String(),
  unitFen: Type.Integer(),
  quantity: Type.Integer(),
  reductionFen: Type.Integer(),
  reductionBasis: Nullable(Type.String()),
  amountFen: Type.Integer(),
});
export type NoticeLine = Static<typeof NoticeLine>;

export const Notice = Type.Object({
  id: Type.String(),
  code: Type.String(),
  caseId: Nullable(Type.String()),
  itemCode: Nullable(Type.String()),
  payerPersonId: Nullable(Type.String()),
  payerEnterpriseId: Nullable(Type.String()),
  payerName: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  regionCode: Type.String(),
  amountFen: Type.Integer(),
  dueDate: Type.String(),
  status: Type.Enum(['unpaid', 'paid', 'cancelled', 'refunded']),
  overdue: Type.Boolean(),
  paidAt: Nullable(Type.String()),
  paidChannel: Nullable(Type.String()),
  refundedFen: Type.Integer(),
  createdAt: Type.String(),
  lines: Type.Array(NoticeLine),
  receipt: Nullable(Type.Object({ id: Type.String(), receiptCode: Type.String(), receiptNumber: Type.String(), checkCode: Type.String() })),
});
export type Notice = Static<typeof Notice>;

export const NoticeQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  status: Type.Optional(Type.Union([Type.Literal('unpaid'), Type.Literal('paid'), Type.Literal('cancelled'), Type.Literal('refunded')])),
  departmentId: Type.Optional(Id),
  caseId: Type.Optional(Id),
});

/** A collecting unit the caller serves (GET /api/payment/units). */
export const ServedUnit = Type.Object({ id: Type.String(), name: Type.String(), regionCode: Type.String() });
export type ServedUnit = Static<typeof ServedUnit>;

export const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
export const PayBody = Type.Object({ channel: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const PayStarted = Type.Object({ orderId: Type.String(), payUrl: Type.String() });
export type PayStarted = Static<typeof PayStarted>;

export const Receipt = Type.Object({
  id: Type.String(),
  noticeId: Type.String(),
  receiptCode: Type.String(),
  receiptNumber: Type.String(),
  checkCode: Type.String(),
  content: Type.Unknown(),
  signature: Type.String(),
  signerKind: Type.String(),
  signerKeyId: Type.String(),
  signerPublicKey: Type.String(),
  issuedAt: Type.String(),
});

export const ReceiptVerify = Type.Object(
  {
    receiptCode: Type.String({ pattern: '^\\d{8}$' }),
    receiptNumber: Type.String({ pattern: '^\\d{10}$' }),
    checkCode: Type.String({ pattern: '^[0-9A-Fa-f]{8}$' }),
  },
  { additionalProperties: false },
);
export const ReceiptVerification = Type.Object({
  valid: Type.Boolean(),
  receiptCode: Type.String(),
  receiptNumber: Type.String(),
  amountFen: Type.Integer(),
  payerName: Type.String(),
  collectingUnit: Type.String(),
  paidAt: Type.String(),
  issuedAt: Type.String(),
  signerKind: Type.String(),
  keyId: Type.String(),
});
export type ReceiptVerification = Static<typeof ReceiptVerification>;

export const RefundCreate = Type.Object(
  { noticeId: Id, amountFen: Money, reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RefundCreate = Static<typeof RefundCreate>;
export const RefundDecision = Type.Object(
  { approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const Refund = Type.Object({
  id: Type.String(),
  noticeId: Type.String(),
  noticeCode: Type.String(),
  payerName: Type.String(),
  departmentName: Type.String(),
  channel: Type.String(),
  amountFen: Type.Integer(),
  reason: Type.String(),
  origin: Type.String(),
  status: Type.Enum(['requested', 'approved', 'rejected', 'sent', 'done', 'failed']),
  requestedBy: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  failure: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Refund = Static<typeof Refund>;
export const RefundQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  noticeId: Type.Optional(Id),
});

export const ReconRun = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  day: Type.String(),
  status: Type.Enum(['running', 'done', 'failed']),
  statementLines: Type.Integer(),
  matched: Type.Integer(),
  missingOurs: Type.Integer(),
  missingChannel: Type.Integer(),
  amountMismatch: Type.Integer(),
  error: Nullable(Type.String()),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
export type ReconRun = Static<typeof ReconRun>;
export const RunStart = Type.Object({ channel: Type.String({ minLength: 1, maxLength: 40 }), day: Day }, { additionalProperties: false });
export const ChannelDayParams = Type.Object({ channel: Type.String({ minLength: 1, maxLength: 40 }), day: Day });
export const Range = Type.Object({ from: Day, to: Day });

/** What finance staff may do with a discrepancy. */
export const RESOLUTIONS = ['record_payment', 'report_to_channel', 'write_off'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const Discrepancy = Type.Object({
  id: Type.String(),
  runId: Type.String(),
  channel: Type.String(),
  day: Type.String(),
  kind: Type.Enum(['missing_ours', 'missing_channel', 'amount_mismatch']),
  txnKind: Type.String(),
  channelTxnId: Type.String(),
  paymentCode: Nullable(Type.String()),
  ourFen: Nullable(Type.Integer()),
  channelFen: Nullable(Type.Integer()),
  noticeId: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  regionCode: Type.String(),
  status: Type.Enum(['open', 'resolved']),
  resolution: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  actions: Type.Array(Type.Enum(RESOLUTIONS)),
});
export type Discrepancy = Static<typeof Discrepancy>;
export const DiscrepancyQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
  runId: Type.Optional(Id),
  channel: Type.Optional(Type.String({ maxLength: 40 })),
  day: Type.Optional(Day),
});
export const Resolve = Type.Object(
  {
    action: Type.Union([Type.Literal('record_payment'), Type.Literal('report_to_channel'), Type.Literal('write_off')]),
    note: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const Report = Type.Object({
  from: Type.String(),
  to: Type.String(),
  runs: Type.Array(
    Type.Object({
      id: Type.String(),
      channel: Type.String(),
      day: Type.String(),
      statementLines: Type.Integer(),
      matched: Type.Integer(),
      missingOurs: Type.Integer(),
      missingChannel: Type.Integer(),
      amountMismatch: Type.Integer(),
    }),
  ),
  rows: Type.Array(
    Type.Object({
      day: Type.String(),
      channel: Type.String(),
      departmentId: Nullable(Type.String()),
      departmentName: Type.String(),
      matched: Type.Integer(),
      matchedFen: Type.Integer(),
      discrepancies: Type.Integer(),
    }),
  ),
});
export type ReconReport = Static<typeof Report>;
export type ReportRow = ReconReport['rows'][number];

export const UnitTotal = Type.Object({
  departmentId: Type.String(),
  departmentName: Type.String(),
  noticesIssued: Type.Integer(),
  issuedFen: Type.Integer(),
  paid: Type.Integer(),
  paidFen: Type.Integer(),
  paidOnline: Type.Integer(),
  refundedFen: Type.Integer(),
});
export type UnitTotal = Static<typeof UnitTotal>;
export const UnitTotals = Type.Object({ items: Type.Array(UnitTotal) });

export const Channel = Type.Object({ code: Type.String(), name: Type.String(), signature: Type.String() });
export type Channel = Static<typeof Channel>;
export const Channels = Type.Object({ items: Type.Array(Channel) });
export const CallbackAck = Type.Object({ code: Type.String(), outcome: Type.String() });
