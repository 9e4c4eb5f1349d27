import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { hmacSm3 } from '../../../kernel/crypto/sm3.ts';
import { AppError } from '../../../kernel/errors.ts';
import { t, type Lang } from '../../../kernel/i18n/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { staffActor } from '../../org/index.ts';
import { actingOptions } from '../enterprises.ts';
import type { PopulationBase } from '../population.ts';
import { ACCOUNT_POLICY, recordFailure } from '../throttle.ts';
import { beginTotpEnrolment, totpRequired, totpState, verifyTotp, type SubjectKind } from '../totp.ts';
import { ACR, actingAccountId, assuranceLevel } from './accounts.ts';
import { requiredLevel } from './clients.ts';
import { choosePage, enrolPage, stepUpPage, totpPage } from './pages.ts';

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;
export type Step = 'totp' | 'enrol' | 'stepup' | 'choose';
export type Method = 'password' | 'sms';

interface Challenge {
  uid: string;
  subject_kind: SubjectKind;
  subject_id: string;
  method: Method;
  stage: string;
  [key: string]: unknown;
}

const CHALLENGE_SECONDS = 600;

/**
 * The steps of a sign-in after the first factor: the TOTP code of an account that has one,
 * compulsory TOTP enrolment for administrators, a step-up of 实名等级 when the client asks for
 * more than the account has, and the choice of acting for oneself or an enterprise. Progress is
 * kept per provider interaction, which only the browser holding its cookie can continue.
 */
export function interactionSteps(ctx: AppContext, pii: PersonalData, population: PopulationBase) {
  const { db } = ctx;
  const csrfFor = (uid: string) => hmacSm3(ctx.config.masterKey, `oidc.csrf:${uid}`);

  async function challenge(uid: string): Promise<Challenge | undefined> {
    return db.one<Challenge>(
      'select uid, subject_kind, subject_id, method, stage from login_challenge where uid = $1 and expires_at > clock_now()',
      [uid],
    );
  }

  const levelFor = async (p: Provider, details: Details) =>
    requiredLevel(await p.Client.find(String(details.params.client_id)), details.params.acr_values);

  async function nextStep(p: Provider, details: Details, ch: Challenge): Promise<Step | null> {
    const done = new Set(ch.stage.split(',').filter(Boolean));
    const mfa = await totpState(db, ch.subject_kind, ch.subject_id);
    if (mfa === 'active' && !done.has('totp') && !done.has('enrol')) return 'totp';
    if (mfa !== 'active' && (await totpRequired(db, ch.subject_kind, ch.subject_id))) return 'enrol';
    if (ch.subject_kind === 'person') {
      if ((await assuranceLevel(db, 'person', ch.subject_id)) < (await levelFor(p, details))) return 'stepup';
      if (!done.has('choose') && (await actingOptions(db, ch.subject_id)).length > 0) return 'choose';
    }
    return null;
  }

  async function render(lang: Lang, p: Provider, details: Details, ch: Challenge, step: Step, error?: string): Promise<string> {
    const csrf = csrfFor(details.uid);
    if (step === 'totp') return totpPage(lang, details.uid, csrf, error);
    if (step === 'enrol') {
      const label =
        ch.subject_kind === 'staff'
          ? ((await staffActor(db, ch.subject_id))?.username ?? ch.subject_id)
          : ch.subject_id;
      const enrolment = await beginTotpEnrolment(db, pii, ch.subject_kind, ch.subject_id, label);
      return enrolPage(lang, details.uid, csrf, enrolment ?? { qr: '', secret: '' }, error);
    }
    if (step === 'stepup') return stepUpPage(lang, details.uid, csrf, await levelFor(p, details), error);
    const person = await db.one<{ name: string }>('select name from person where id = $1', [ch.subject_id]);
    return choosePage(lang, details.uid, csrf, person?.name ?? '', await actingOptions(db, ch.subject_id));
  }

  /** Finish the sign-in: the provider issues the code, the audit log records how it was proven. */
  async function finish(
    req: FastifyRequest,
    reply: FastifyReply,
    p: Provider,
    details: Details,
    ch: Challenge,
    enterpriseId: string | null,
  ) {
    const level = await assuranceLevel(db, ch.subject_kind, ch.subject_id);
    const done = ch.stage.split(',');
    const amr = [ch.method === 'sms' ? 'sms' : 'pwd', ...(done.includes('totp') || done.includes('enrol') ? ['otp'] : [])];
    const accountId = enterpriseId ? actingAccountId(ch.subject_id, enterpriseId) : ch.subject_id;
    await db.transaction(async (tx) => {
      await tx.query('delete from login_challenge where uid = $1', [details.uid]);
      await appendAudit(
        tx,
        { kind: ch.subject_kind, id: ch.subject_id },
        {
          action: 'auth.login',
          objectType: ch.subject_kind,
          objectId: ch.subject_id,
          details: {
            ip: req.ip,
            method: ch.method,
            amr,
            level,
            client: String(details.params.client_id),
            actingFor: enterpriseId,
          },
        },
      );
    });
    const result: InteractionResults = { login: { accountId, acr: ACR[level], amr } };
    reply.hijack();
    await p.interactionFinished(req.raw, reply.raw, result, { mergeWithLastSubmission: false });
  }

  /** Move to the next step, or finish when none is left. */
  async function advance(req: FastifyRequest, reply: FastifyReply, p: Provider, details: Details, ch: Challenge) {
    const step = await nextStep(p, details, ch);
    if (!step) return finish(req, reply, p, details, ch, null);
    return reply.type('text/html').send(await render(req.lang, p, details, ch, step));
  }

  return {
    csrfFor,
    challenge,
    nextStep,
    render,
    advance,

    /** First factor passed: remember who, then continue. */
    async begin(
      req: FastifyRequest,
      reply: FastifyReply,
      p: Provider,
      details: Details,
      subject: { kind: SubjectKind; id: string },
      method: Method,
    ) {
      await db.query(
        `insert into login_challenge (uid, subject_kind, subject_id, method, stage, expires_at) values ($1, $2, $3, $4, '', clock_now() + make_interval(secs => $5))
         on conflict (uid) do update set subject_kind = excluded.subject_kind, subject_id = excluded.subject_id, method = excluded.method, stage = '', expires_at = excluded.expires_at`,
        [details.uid, subject.kind, subject.id, method, CHALLENGE_SECONDS],
      );
      return advance(req, reply, p, details, (await challenge(details.uid))!);
    },

    /** A step's form was posted: check it, record it, continue (or show the step again with the error). */
    async answer(
      req: FastifyRequest,
      reply: FastifyReply,
      p: Provider,
      details: Details,
      step: Step,
      body: Record<string, string>,
    ) {
      const ch = await challenge(details.uid);
      if (!ch) throw new AppError('SIGN_IN_EXPIRED', 400);
      const expected = await nextStep(p, details, ch);
      if (expected !== step) return advance(req, reply, p, details, ch);
      const fail = async (code: string) =>
        reply
          .status(422)
          .type('text/html')
          .send(await render(req.lang, p, details, ch, step, t(req.lang, `error.${code}`)));
      if (step === 'totp' || step === 'enrol') {
        if (!(await verifyTotp(db, pii, ch.subject_kind, ch.subject_id, String(body.code ?? '')))) {
          await recordFailure(db, `totp:${ch.subject_id}`, ACCOUNT_POLICY);
          await db.transaction((tx) =>
            appendAudit(
              tx,
              { kind: ch.subject_kind, id: ch.subject_id },
              { action: 'auth.totp_failed', objectType: ch.subject_kind, objectId: ch.subject_id, details: { ip: req.ip } },
            ),
          );
          return fail('TOTP_INVALID');
        }
        if (step === 'enrol') {
          await db.transaction((tx) =>
            appendAudit(
              tx,
              { kind: ch.subject_kind, id: ch.subject_id },
              { action: 'auth.totp_enrolled', objectType: ch.subject_kind, objectId: ch.subject_id, details: { ip: req.ip } },
            ),
          );
        }
      } else if (step === 'stepup') {
        const own = await db.one<{ name: string; matches: boolean }>(
          'select name, id_number_index = $2 as matches from person where id = $1',
          [ch.subject_id, pii.index(String(body.idNumber ?? '').trim())],
        );
        const check =
          own?.matches && own.name === String(body.name ?? '').trim()
            ? await population.check(own.name, String(body.idNumber).trim())
            : 'name_mismatch';
        if (check !== 'match') {
          await db.transaction((tx) =>
            appendAudit(
              tx,
              { kind: 'person', id: ch.subject_id },
              { action: 'auth.stepup_failed', objectType: 'person', objectId: ch.subject_id, details: { ip: req.ip, check } },
            ),
          );
          return fail('IDENTITY_MISMATCH');
        }
        await db.transaction(async (tx) => {
          await tx.query(
            "update person set assurance_level = greatest(assurance_level, 2), level_source = 'population_base' where id = $1",
            [ch.subject_id],
          );
          await appendAudit(
            tx,
            { kind: 'person', id: ch.subject_id },
            {
              action: 'person.level_raised',
              objectType: 'person',
              objectId: ch.subject_id,
              details: { level: 2, via: 'population_base' },
            },
          );
        });
      } else {
        const actAs = String(body.actAs ?? 'self');
        if (actAs !== 'self' && !(await actingOptions(db, ch.subject_id)).some((o) => o.enterpriseId === actAs))
          return fail('FORBIDDEN');
        ch.stage = `${ch.stage},choose`;
        return finish(req, reply, p, details, ch, actAs === 'self' ? null : actAs);
      }
      await db.query("update login_challenge set stage = stage || ',' || $2 where uid = $1", [details.uid, step]);
      return advance(req, reply, p, details, (await challenge(details.uid))!);
    },
  };
}
