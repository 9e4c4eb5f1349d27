import type { FastifyReply } from 'fastify';
import type { Actor } from '../../kernel/actor.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { errorBody } from '../../kernel/http/errors.ts';
import type { Lang } from '../../kernel/i18n/index.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import { actorForBearer } from '../identity/index.ts';
import { listCategories } from './categories.ts';
import { TICKET_SELECT, ticketViews, type TicketRow } from './store.ts';
import { createTicket } from './tickets.ts';
import { FINISHED, KIND_NAMES, KINDS, type Kind } from './vocab.ts';
import { xmlDocument } from './xml.ts';

/**
 * Open311 GeoReport v2 at /open311/v2, in JSON and XML (`.json` / `.xml`): the categories as services, and service requests
 * posted by registered apps and department systems — their `api_key` is an access token of their
 * client credentials — through the one creation path of every channel. A poster reads back only
 * the requests it posted: a ticket's text is a citizen's, not public. Errors are the spec's
 * array of `{code, description}` with our stable codes.
 */
export function registerOpen311Routes(app: HttpApp, ctx: AppContext): void {
  const pii = personalData(ctx.config.masterKey);

  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    // the spec posts requests form-encoded; JSON is taken too
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16_384 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    for (const format of FORMATS)
      scope.get(`/open311/v2/services.${format}`, { schema: { hide: true } }, async (req, reply) =>
        spec(reply, req.lang, format, { root: 'services', item: 'service' }, async () => {
          const all = await listCategories(ctx.db);
          const groups = new Map(all.filter((c) => !c.parentCode).map((c) => [c.code, c.name]));
          return all
            .filter((c) => c.parentCode)
            .map((c) => ({
              service_code: c.code,
              service_name: c.name,
              description: `${groups.get(c.parentCode!) ?? ''} — ${c.name}`,
              metadata: true,
              type: 'realtime',
              keywords: c.nameEn,
              group: groups.get(c.parentCode!) ?? '',
            }));
        }),
      );

    // a service's definition: the attributes a request may carry beyond the spec's own fields
    scope.get('/open311/v2/services/:code', { schema: { hide: true } }, async (req, reply) => {
      const { id: code, format } = formatOf((req.params as { code: string }).code);
      return spec(reply, req.lang, format, { root: 'service_definition' }, async () => {
        if (!(await listCategories(ctx.db)).some((c) => c.code === code && c.parentCode))
          throw new AppError('OPEN311_SERVICE_UNKNOWN', 404);
        return {
          service_code: code,
          attributes: [
            {
              variable: true,
              code: 'kind',
              datatype: 'singlevaluelist',
              required: false,
              datatype_description: '诉求类型，缺省为求助',
              order: 1,
              description: '诉求类型',
              values: KINDS.map((k) => ({ key: k, name: KIND_NAMES[k] })),
            },
            {
              variable: true,
              code: 'idempotency_key',
              datatype: 'string',
              required: false,
              datatype_description: '8–80 个字母、数字、-、_；同一应用同一键只建一张工单',
              order: 2,
              description: '幂等键',
            },
          ],
        };
      });
    });

    for (const format of FORMATS)
      scope.post(`/open311/v2/requests.${format}`, { schema: { hide: true } }, async (req, reply) =>
        spec(reply, req.lang, format, { root: 'service_requests', item: 'request', status: 201 }, async () => {
          const body = (req.body ?? {}) as Record<string, unknown>;
          const actor = await poster(ctx, req.actor, body.api_key);
          const text = (k: string) =>
            typeof body[k] === 'string' && (body[k] as string).trim() ? (body[k] as string).trim() : undefined;
          const serviceCode = text('service_code');
          if (!serviceCode) throw new AppError('OPEN311_SERVICE_CODE_MISSING', 400);
          const description = text('description');
          if (!description) throw new AppError('OPEN311_DESCRIPTION_MISSING', 400);
          const lat = coordinate(body.lat, 90);
          const lng = coordinate(body.long, 180);
          if ((lat === undefined) !== (lng === undefined) || lat === null || lng === null)
            throw new AppError('OPEN311_COORDINATES_INVALID', 400);
          const address = text('address_string');
          const mediaUrl = text('media_url');
          if (mediaUrl !== undefined && !isPhotoUrl(mediaUrl)) throw new AppError('OPEN311_MEDIA_URL_INVALID', 400);
          if (lat === undefined && !address) throw new AppError('OPEN311_LOCATION_MISSING', 400);
          const kind = text('attribute[kind]') ?? 'help';
          if (!(KINDS as readonly string[]).includes(kind))
            throw new AppError('OPEN311_ATTRIBUTE_INVALID', 400, { attribute: 'kind' });
          const jurisdiction = text('jurisdiction_id');
          const phone = text('phone');
          const name = [text('last_name'), text('first_name')].filter(Boolean).join('') || undefined;
          const created = await createTicket(
            ctx,
            actor,
            {
              kind: kind as Kind,
              categoryCode: serviceCode,
              content: description.slice(0, 4000),
              place: {
                ...(address ? { address: address.slice(0, 200) } : {}),
                ...(jurisdiction ? { regionCode: jurisdiction } : {}),
                ...(lat !== undefined ? { lat, lng: lng! } : {}),
              },
              ...(phone || name
                ? {
                    caller: {
                      ...(name ? { name: name.slice(0, 50) } : {}),
                      ...(phone && /^1[3-9]\d{9}$/.test(phone) ? { phone } : {}),
                    },
                  }
                : {}),
              ...(text('attribute[idempotency_key]') ? { idempotencyKey: text('attribute[idempotency_key]') } : {}),
              ...(mediaUrl ? { mediaUrl } : {}),
            },
            'open311',
          );
          return [
            { service_request_id: created.ticket.number, service_notice: `查询码 ${created.queryCode}`.trim(), account_id: null },
          ];
        }),
      );

    for (const format of FORMATS)
      scope.get(`/open311/v2/requests.${format}`, { schema: { hide: true } }, async (req, reply) =>
        spec(reply, req.lang, format, { root: 'service_requests', item: 'request' }, async () => {
          const query = req.query as Record<string, string | undefined>;
          const actor = await poster(ctx, req.actor, query.api_key);
          const params: unknown[] = [actor.id];
          const where = ['t.created_by = $1', "t.channel = 'open311'"];
          const list = (v: string | undefined) =>
            (v ?? '')
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean);
          // the spec: a list of ids overrides every other filter
          if (query.service_request_id) where.push(`t.number = any($${params.push(list(query.service_request_id))})`);
          else {
            if (query.service_code) where.push(`t.category_code = any($${params.push(list(query.service_code))})`);
            if (query.status) {
              const statuses = list(query.status);
              if (!statuses.length || statuses.some((x) => x !== 'open' && x !== 'closed'))
                throw new AppError('OPEN311_STATUS_INVALID', 400);
              if (statuses.length === 1) {
                const finished = `t.status = any($${params.push([...FINISHED])})`;
                where.push(statuses[0] === 'closed' ? finished : `not ${finished}`);
              }
            }
            const { start, end } = dateRange(query.start_date, query.end_date);
            where.push(`t.created_at >= $${params.push(start)}`, `t.created_at <= $${params.push(end)}`);
          }
          const rows = await ctx.db.query<TicketRow>(
            `${TICKET_SELECT} where ${where.join(' and ')} order by t.created_at desc, t.id desc limit 1000`,
            params,
          );
          return requests(rows);
        }),
      );

    scope.get('/open311/v2/requests/:id', { schema: { hide: true } }, async (req, reply) => {
      const { id, format } = formatOf((req.params as { id: string }).id);
      return spec(reply, req.lang, format, { root: 'service_requests', item: 'request' }, async () => {
        const actor = await poster(ctx, req.actor, (req.query as Record<string, string | undefined>).api_key);
        const rows = await ctx.db.query<TicketRow>(
          `${TICKET_SELECT} where t.number = $1 and t.created_by = $2 and t.channel = 'open311'`,
          [id, actor.id],
        );
        if (!rows.length) throw new AppError('OPEN311_REQUEST_NOT_FOUND', 404);
        return requests(rows);
      });
    });
  });

  /** Service requests as the spec shows them: open or closed, the department's reply as the status notes. */
  async function requests(rows: TicketRow[]) {
    const views = await ticketViews(
      ctx.db,
      pii,
      rows,
      rows.map(() => 'department'),
    );
    return views.map((t) => ({
      service_request_id: t.number,
      status: FINISHED.includes(t.status) ? 'closed' : 'open',
      status_notes: t.reply,
      service_name: t.categoryName,
      service_code: t.categoryCode,
      description: t.content,
      agency_responsible: t.department?.name ?? null,
      service_notice: null,
      requested_datetime: t.createdAt,
      updated_datetime: t.createdAt,
      expected_datetime: `${t.dueDate}T18:00:00+08:00`,
      address: t.address,
      lat: t.lat,
      long: t.lng,
      media_url: t.mediaUrl,
    }));
  }
}

/** The poster: a bearer on the request, or the spec's `api_key` read as one. Nobody else posts or reads. */
async function poster(ctx: AppContext, actor: Actor, apiKey: unknown): Promise<Extract<Actor, { kind: 'client' }>> {
  const resolved =
    actor.kind === 'client' ? actor : typeof apiKey === 'string' && apiKey ? await actorForBearer(ctx.db, apiKey) : undefined;
  if (!resolved) throw new AppError('OPEN311_API_KEY_INVALID', 403);
  if (resolved.kind !== 'client') throw new AppError('OPEN311_API_KEY_INVALID', 403);
  return resolved;
}

/** A coordinate given as text or number: undefined when absent, null when not a number in range. */
function coordinate(v: unknown, limit: number): number | null | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

/** The spec's two forms of every resource: the path's extension says which. */
const FORMATS = ['json', 'xml'] as const;
type Format = (typeof FORMATS)[number];

/** `SC01.xml` → SC01 in XML; `.json` or no extension → JSON. */
function formatOf(param: string): { id: string; format: Format } {
  const m = /^(.*)\.(json|xml)$/.exec(String(param));
  return m ? { id: m[1]!, format: m[2] as Format } : { id: String(param), format: 'json' };
}

/** A photo elsewhere: an https URL of reasonable length, nothing we would fetch or run. */
function isPhotoUrl(value: string): boolean {
  if (value.length > 500 || !/^https:\/\/[^\s<>"]+$/.test(value)) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The spec's window: the last 90 days unless given, at most 90 days wide; dates are ISO 8601 instants. */
const MAX_SPAN_MS = 90 * 86_400_000;
function dateRange(startText: string | undefined, endText: string | undefined): { start: string; end: string } {
  const parse = (v: string | undefined) => {
    if (v === undefined || v === '') return undefined;
    const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? Date.parse(v) : Number.NaN;
    if (Number.isNaN(ms)) throw new AppError('OPEN311_DATE_INVALID', 400);
    return ms;
  };
  const startMs = parse(startText);
  const endMs = parse(endText);
  const end = endMs ?? (startMs !== undefined ? startMs + MAX_SPAN_MS : clock.nowMs());
  const start = startMs ?? end - MAX_SPAN_MS;
  if (start > end || end - start > MAX_SPAN_MS) throw new AppError('OPEN311_DATE_INVALID', 400);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/**
 * Runs a handler and answers in the format asked: its result, or its refusal as the spec's error
 * array (our stable code and message) — `<errors><error><code/><description/></error></errors>` in XML.
 */
async function spec(
  reply: FastifyReply,
  lang: Lang,
  format: Format,
  shape: { root: string; item?: string; status?: number },
  run: () => Promise<unknown>,
): Promise<unknown> {
  const send = (status: number, body: unknown, root: string, item?: string) =>
    format === 'xml'
      ? reply
          .status(status)
          .type('application/xml; charset=utf-8')
          .send(xmlDocument(root, body, item))
      : reply.status(status).send(body);
  try {
    return send(shape.status ?? 200, await run(), shape.root, shape.item);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const body = errorBody(lang, err.code, err.params);
    return send(err.status, [{ code: err.status, description: `${err.code}: ${body.error.message}` }], 'errors', 'error');
  }
}
