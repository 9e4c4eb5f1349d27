import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { PageQuery } from '../../kernel/sql/paging.ts';
import { CHANNELS, KINDS, STATUSES } from './vocab.ts';

// The hotline's API: tickets from every channel, the centre's and departments' actions on them,
// the public follow-up by number and query code, and the categories.

const Id = Type.String({ pattern: UUID_PATTERN });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
/** Text a person writes: at least one character that is not a space. */
const Said = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const RegionCode = Type.String({ pattern: '^\\d{12}$' });
const CategoryCode = Type.String({ pattern: '^[A-Z0-9]{2,12}$' });
const Mobile = Type.String({ pattern: '^1[3-9]\\d{9}$' });

/** Where the matter is: an address, its region, and WGS-84 coordinates if the caller gave them. */
export const TicketPlace = Type.Object(
  {
    address: Type.Optional(Said(200)),
    regionCode: Type.Optional(RegionCode),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);

/** A new ticket, whatever the channel (the channel comes from who posts it). */
export const TicketInput = Type.Object(
  {
    kind: Type.Enum(KINDS),
    categoryCode: CategoryCode,
    title: Type.Optional(Said(100)),
    content: Said(4000),
    place: Type.Optional(TicketPlace),
    /** a caller on the phone or writing in (the centre, department systems); a signed-in citizen is the caller */
    caller: Type.Optional(
      Type.Object({ name: Type.Optional(Said(50)), phone: Type.Optional(Mobile) }, { additionalProperties: false }),
    ),
    /** 匿名/保密: the caller is never shown to the department (the centre keeps the phone for the call-back) */
    anonymous: Type.Optional(Type.Boolean()),
    /** the same key from the same caller system creates one ticket */
    idempotencyKey: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{8,80}$' })),
  },
  { additionalProperties: false },
);
export type TicketInput = Static<typeof TicketInput>;

const Department = Type.Object({ id: Type.String(), name: Type.String() });

export const Ticket = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.Enum(KINDS),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  channel: Type.Enum(CHANNELS),
  status: Type.Enum(STATUSES),
  title: Type.String(),
  content: Type.String(),
  /** the caller as this reader may see them: clear for the centre, masked for departments, null when anonymous to them */
  caller: Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  anonymous: Type.Boolean(),
  address: Nullable(Type.String()),
  regionCode: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  suggestion: Nullable(Type.Object({ department: Department, reasons: Type.Array(Type.String()) })),
  department: Nullable(Department),
  acceptDue: Nullable(Type.String()),
  dueDate: Type.String(),
  reply: Nullable(Type.String()),
  answeredAtIntake: Type.Boolean(),
  /** the knowledge-base article (and its version) the centre answered with */
  article: Nullable(Type.Object({ id: Type.String(), version: Type.Integer(), title: Type.String() })),
  createdAt: Type.String(),
  version: Type.Integer(),
  history: Type.Optional(Type.Array(Type.Object({ at: Type.String(), action: Type.String(), note: Nullable(Type.String()) }))),
});
export type Ticket = Static<typeof Ticket>;

/** What a new ticket's caller gets: the number and the code to follow it without signing in. */
export const TicketCreated = Type.Object({ ticket: Ticket, queryCode: Type.String() });
export type TicketCreated = Static<typeof TicketCreated>;

export const TicketListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(STATUSES)),
  kind: Type.Optional(Type.Enum(KINDS)),
  /** the centre finds a caller's history by their phone */
  callerPhone: Type.Optional(Mobile),
  q: Type.Optional(Type.String({ maxLength: 50 })),
});
export type TicketListQuery = Static<typeof TicketListQuery>;

export const Versioned = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const DispatchInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), departmentId: Id, note: Type.Optional(Said(500)) },
  { additionalProperties: false },
);
export const ReasonInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), reason: Said(500) },
  { additionalProperties: false },
);
export const ReplyInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), reply: Said(2000) },
  { additionalProperties: false },
);
/** 直接答复, from an article of the knowledge base if the agent used one (its current published version). */
export const AnswerInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), reply: Said(2000), articleId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type AnswerInput = Static<typeof AnswerInput>;
export type DispatchInput = Static<typeof DispatchInput>;
export type ReasonInput = Static<typeof ReasonInput>;
export type ReplyInput = Static<typeof ReplyInput>;

/** Following a ticket without signing in: its number and the query code given at intake. */
export const TrackQuery = Type.Object(
  { number: Type.String({ pattern: '^\\d{14}$' }), code: Type.String({ pattern: '^\\d{6}$' }) },
  { additionalProperties: false },
);
export const TrackedTicket = Type.Object({
  number: Type.String(),
  kind: Type.Enum(KINDS),
  categoryName: Type.String(),
  status: Type.Enum(STATUSES),
  department: Nullable(Type.String()),
  dueDate: Type.String(),
  reply: Nullable(Type.String()),
  history: Type.Array(Type.Object({ at: Type.String(), action: Type.String() })),
});
export type TrackedTicket = Static<typeof TrackedTicket>;

export const Category = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  parentCode: Nullable(Type.String()),
});
export type Category = Static<typeof Category>;
export const TicketIdParams = Type.Object({ id: Id });
