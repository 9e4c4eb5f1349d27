import type { Actor } from '../../kernel/actor.ts';
import { scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError, unauthenticated } from '../../kernel/errors.ts';
import { personalData, type PersonalData } from '../../kernel/pii.ts';
import { textWords } from '../catalog/index.ts';
import type { DuplicateCandidate, DuplicateQuery } from './schemas.ts';
import { CENTRE_ROLES, isCentre } from './store.ts';
import { OPEN } from './vocab.ts';

/** How far back an open ticket counts as the same matter (calendar days). */
export const DUPLICATE_WINDOW_DAYS = 7;
/** Two places within this many metres are the same place. */
export const SAME_PLACE_METRES = 100;
/** Word overlap (Jaccard over jieba words) from which two texts say the same thing. */
export const SIMILAR_TEXT = 0.3;
const MAX_CANDIDATES = 10;

type Row = {
  id: string;
  number: string;
  title: string;
  content: string;
  status: DuplicateCandidate['status'];
  category_name: string | null;
  created_at: string;
  caller_phone_index: string | null;
  region_code: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
};

/** Metres between two WGS-84 points (haversine: exact enough at 100 m). */
export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Jaccard similarity of the two texts' word sets. */
export function textSimilarity(a: string, b: string): number {
  const x = new Set(textWords(a));
  const y = new Set(textWords(b));
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

/** An address compared as written, whatever the spacing and full-width characters. */
const sameAddress = (a: string | null | undefined, b: string | null | undefined) =>
  Boolean(a && b && a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, ''));

/**
 * Open tickets of the last days that look like the same matter as this one, with why: the same
 * caller (the phone's blind index) or the same place (the region and the address as written, or
 * coordinates within 100 m), and — unless it is the same caller about the same thing in other
 * words — a similar text. Only the centre looks (a department never sees another caller's ticket),
 * and only within its regions.
 */
export async function findDuplicates(
  q: Queryable,
  pii: PersonalData,
  actor: Actor,
  input: DuplicateQuery,
): Promise<DuplicateCandidate[]> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!isCentre(actor)) throw new AppError('HOTLINE_DUPLICATES_CENTRE_ONLY', 403);
  const place = input.place ?? {};
  const params: unknown[] = [[...OPEN], DUPLICATE_WINDOW_DAYS];
  const near: string[] = [];
  const phoneIndex = input.callerPhone ? pii.index(input.callerPhone) : null;
  if (phoneIndex) near.push(`t.caller_phone_index = $${params.push(phoneIndex)}`);
  if (place.regionCode) near.push(`t.region_code = $${params.push(place.regionCode)}`);
  if (place.lat !== undefined && place.lng !== undefined) {
    // a box a little larger than 100 m around the point; the exact distance is measured below
    const dLat = (SAME_PLACE_METRES * 1.5) / 111_320;
    const dLng = dLat / Math.max(Math.cos((place.lat * Math.PI) / 180), 0.01);
    near.push(
      `(t.lat between $${params.push(place.lat - dLat)} and $${params.push(place.lat + dLat)} and t.lng between $${params.push(place.lng - dLng)} and $${params.push(place.lng + dLng)})`,
    );
  }
  if (!near.length) return [];
  const scope = scopeCondition(actor, CENTRE_ROLES, { region: 't.region_code' }, params);
  const exclude = input.excludeId ? `and t.id <> $${params.push(input.excludeId)}` : '';
  const rows = await q.query<Row>(
    `select t.id, t.number, t.title, t.content, t.status, c.name as category_name, t.created_at, t.caller_phone_index,
            t.region_code, t.address, t.lat, t.lng
       from hotline_ticket t left join hotline_category c on c.code = t.category_code
      where t.status = any($1) and t.created_at >= clock_now() - make_interval(days => $2::int)
        and (${near.join(' or ')}) and ${scope} ${exclude}
      order by t.created_at desc limit 200`,
    params,
  );
  const found: DuplicateCandidate[] = [];
  for (const r of rows) {
    const distance =
      place.lat !== undefined && place.lng !== undefined && r.lat !== null && r.lng !== null
        ? Math.round(metresBetween({ lat: place.lat, lng: place.lng }, { lat: r.lat, lng: r.lng }))
        : null;
    const sameCaller = Boolean(phoneIndex && r.caller_phone_index === phoneIndex);
    const samePlace =
      (distance !== null && distance <= SAME_PLACE_METRES) ||
      (place.regionCode === r.region_code && sameAddress(place.address, r.address));
    const similarity = Math.round(textSimilarity(input.content, `${r.title} ${r.content}`) * 100) / 100;
    const similar = similarity >= SIMILAR_TEXT;
    if (!similar || !(sameCaller || samePlace)) continue;
    const reasons: DuplicateCandidate['reasons'] = [];
    if (sameCaller) reasons.push('same_caller');
    if (samePlace) reasons.push('same_place');
    reasons.push('similar_text');
    found.push({
      id: r.id,
      number: r.number,
      title: r.title,
      status: r.status,
      categoryName: r.category_name,
      createdAt: new Date(r.created_at).toISOString(),
      reasons,
      similarity,
      distance,
    });
  }
  return found.sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity).slice(0, MAX_CANDIDATES);
}

/** `POST /api/hotline/tickets/duplicates`: the intake form asks while the agent types. */
export function duplicatesFor(ctx: AppContext, actor: Actor, input: DuplicateQuery): Promise<DuplicateCandidate[]> {
  return findDuplicates(ctx.db, personalData(ctx.config.masterKey), actor, input);
}
