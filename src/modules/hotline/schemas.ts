import { Type, type Static } from 'typebox';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { PageQuery } from '../../kernel/sql/paging.ts';
import { CALLBACK_CHANNELS, CALLBACK_RESULTS, CHANNELS, EXTENSION_MAX_DAYS, KINDS, STATUSES, WARNINGS } from './vocab.ts';

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
    /** photos the poster uploaded first (`PUT /api/hotline/photos`), attached to this ticket */
    photoIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
    /** a photo elsewhere (Open311's media_url): https only */
    mediaUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^https://[^\\s<>"]+$' })),
  },
  { additionalProperties: false },
);
export type TicketInput = Static<typeof TicketInput>;

const Department = Type.Object({ id: Type.String(), name: Type.String() });

/** The dispatch classifier's view of a ticket's text beside the category chosen (stored with the suggestion). */
export const ClassifierView = Type.Object({
  categoryCode: Type.String(),
  categoryName: Type.String(),
  confidence: Type.Number(),
  /** the text's best category is of the chosen one's first-level category (the same department) */
  agrees: Type.Boolean(),
  /** the text clearly points to another first-level category: the agent should check the category */
  contradicts: Type.Boolean(),
});
export type ClassifierView = Static<typeof ClassifierView>;
/** A photo attached to a ticket (its bytes at `/api/hotline/tickets/{id}/photos/{photoId}`). */
export const Photo = Type.Object({ id: Type.String(), mime: Type.String(), size: Type.Integer() });
export type Photo = Static<typeof Photo>;

/** The ticket a merged one was merged into (合并): its caller follows that ticket's progress. */
const MergedInto = Type.Object({
  number: Type.String(),
  status: Type.Enum(STATUSES),
  department: Nullable(Type.String()),
  dueDate: Type.String(),
  reply: Nullable(Type.String()),
});

export const Ticket = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.Enum(KINDS),
  /** null only for a text to 12345 the centre has not classified yet */
  categoryCode: Nullable(Type.String()),
  categoryName: Nullable(Type.String()),
  channel: Type.Enum(CHANNELS),
  status: Type.Enum(STATUSES),
  title: Type.String(),
  content: Type.String(),
  /** the caller as this reader may see them: clear for the centre, masked for departments, null when anonymous to them */
  caller: Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  anonymous: Type.Boolean(),
  address: Nullable(Type.String()),
  /** 转现场处置: when the centre handed it to city governance (`hotline.onsite_requested`) */
  onsiteRequestedAt: Nullable(Type.String()),
  regionCode: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  /**
   * 按职分转 for the centre: the department the 派单目录 names (none for a text to 12345 not yet
   * classified) with the reasons, and the classifier's view of the text (for such a text: its hint)
   */
  suggestion: Nullable(
    Type.Object({ department: Nullable(Department), reasons: Type.Array(Type.String()), classifier: Nullable(ClassifierView) }),
  ),
  department: Nullable(Department),
  acceptDue: Nullable(Type.String()),
  dueDate: Type.String(),
  reply: Nullable(Type.String()),
  answeredAtIntake: Type.Boolean(),
  photos: Type.Array(Photo),
  mediaUrl: Nullable(Type.String()),
  mergedInto: Nullable(MergedInto),
  /** 黄牌/红牌 of the 签收 and 办结 deadlines as of the kernel clock (none once the step is done) */
  warning: Type.Object({ accept: Type.Enum(WARNINGS), complete: Type.Enum(WARNINGS) }),
  /** 重办: how many times the centre reopened it */
  reopenCount: Type.Integer(),
  /** 延期 requests so far (approved, refused or open) and the one waiting for the centre */
  extensionsUsed: Type.Integer(),
  extension: Nullable(Type.Object({ days: Type.Integer(), reason: Type.String(), requestedAt: Type.String() })),
  /** 督办 waiting for the department's reply */
  supervision: Nullable(Type.Object({ note: Type.String(), at: Type.String() })),
  /** 回访 of the current round of handling (a reopened ticket is called back again) */
  callback: Nullable(
    Type.Object({
      result: Type.Enum(CALLBACK_RESULTS),
      channel: Type.Enum(CALLBACK_CHANNELS),
      note: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
  /** the knowledge-base article (and its version) the centre answered with */
  article: Nullable(Type.Object({ id: Type.String(), version: Type.Integer(), title: Type.String() })),
  createdAt: Type.String(),
  version: Type.Integer(),
  history: Type.Optional(Type.Array(Type.Object({ at: Type.String(), action: Type.String(), note: Nullable(Type.String()) }))),
});
export type Ticket = Static<typeof Ticket>;

export const TicketListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Type.Enum(STATUSES)),
  kind: Type.Optional(Type.Enum(KINDS)),
  /** the centre finds a caller's history by their phone */
  callerPhone: Type.Optional(Mobile),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  /** tickets with a yellow or red warning on either deadline (red: overdue) */
  warning: Type.Optional(Type.Union([Type.Literal('yellow'), Type.Literal('red')])),
  /** the centre's lists: 回访 (completed, not called back), 待重办 (called back 不满意), 督办 waiting for a reply */
  queue: Type.Optional(Type.Union([Type.Literal('callback'), Type.Literal('reopen'), Type.Literal('supervised')])),
});
export type TicketListQuery = Static<typeof TicketListQuery>;

export const Versioned = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const DispatchInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    departmentId: Id,
    note: Type.Optional(Said(500)),
    /** the centre classifies as it dispatches: required for a text to 12345 that came without a category */
    categoryCode: Type.Optional(CategoryCode),
    kind: Type.Optional(Type.Enum(KINDS)),
  },
  { additionalProperties: false },
);
/** 合并: this ticket into an open one about the same matter. */
export const MergeInput = Type.Object({ version: Type.Integer({ minimum: 1 }), intoId: Id }, { additionalProperties: false });
export type MergeInput = Static<typeof MergeInput>;

/** What the intake form has typed so far: duplicates are looked for among open tickets. */
export const DuplicateQuery = Type.Object(
  {
    content: Said(4000),
    callerPhone: Type.Optional(Mobile),
    place: Type.Optional(TicketPlace),
    /** the ticket itself, when looking for duplicates of one already registered */
    excludeId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type DuplicateQuery = Static<typeof DuplicateQuery>;
export const DUPLICATE_REASONS = ['same_caller', 'same_place', 'similar_text'] as const;
export const DuplicateCandidate = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  status: Type.Enum(STATUSES),
  categoryName: Nullable(Type.String()),
  createdAt: Type.String(),
  /** why it looks like the same matter */
  reasons: Type.Array(Type.Enum(DUPLICATE_REASONS)),
  /** word overlap of the two texts (Jaccard, 0–1) */
  similarity: Type.Number(),
  /** metres between the two places, when both have coordinates */
  distance: Nullable(Type.Number()),
});
export type DuplicateCandidate = Static<typeof DuplicateCandidate>;
export const ReasonInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), reason: Said(500) },
  { additionalProperties: false },
);
export const ReplyInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), reply: Said(2000) },
  { additionalProperties: false },
);
export const ExtendRequestInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), days: Type.Integer({ minimum: 1, maximum: EXTENSION_MAX_DAYS }), reason: Said(500) },
  { additionalProperties: false },
);
export const NoteInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), note: Type.Optional(Said(500)) },
  { additionalProperties: false },
);
export const SuperviseInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), note: Said(500) },
  { additionalProperties: false },
);
export const CallbackInput = Type.Object(
  { version: Type.Integer({ minimum: 1 }), result: Type.Enum(CALLBACK_RESULTS), note: Type.Optional(Said(500)) },
  { additionalProperties: false },
);
export type Versioned = Static<typeof Versioned>;
export type ExtendRequestInput = Static<typeof ExtendRequestInput>;
export type NoteInput = Static<typeof NoteInput>;
export type SuperviseInput = Static<typeof SuperviseInput>;
export type CallbackInput = Static<typeof CallbackInput>;
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
  categoryName: Nullable(Type.String()),
  status: Type.Enum(STATUSES),
  department: Nullable(Type.String()),
  dueDate: Type.String(),
  reply: Nullable(Type.String()),
  mergedInto: Nullable(MergedInto),
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

/** 智能分类 at intake: the text the caller gave and where (the city when not said). */
export const ClassifyInput = Type.Object(
  { title: Type.Optional(Said(100)), content: Said(4000), regionCode: Type.Optional(RegionCode) },
  { additionalProperties: false },
);
export type ClassifyInput = Static<typeof ClassifyInput>;
export const Classification = Type.Object({
  /** the three likeliest second-level categories, best first (none when the text has no word the classifier knows) */
  items: Type.Array(
    Type.Object({
      categoryCode: Type.String(),
      categoryName: Type.String(),
      parentCode: Type.String(),
      confidence: Type.Number(),
      /** where the responsibility catalogue sends this category in the region */
      department: Nullable(Department),
    }),
  ),
  trainedAt: Type.String(),
});
export type Classification = Static<typeof Classification>;
export const ClassifierTrained = Type.Object({
  trainedAt: Type.String(),
  documents: Type.Integer(),
  sources: Type.Record(Type.String(), Type.Integer()),
  categories: Type.Integer(),
  vocabulary: Type.Integer(),
  millis: Type.Integer(),
});
export type ClassifierTrained = Static<typeof ClassifierTrained>;
export const PhotoParams = Type.Object({ id: Id, photoId: Id });

/** What a new ticket's caller gets: the number and the code to follow it without signing in. */
export const TicketCreated = Type.Object({
  ticket: Ticket,
  queryCode: Type.String(),
  /** open tickets that look like the same matter (for the centre only; empty for anyone else) */
  duplicates: Type.Array(DuplicateCandidate),
});
export type TicketCreated = Static<typeof TicketCreated>;
export type TicketIdParams = Static<typeof TicketIdParams>;
