import type { Actor } from '../../kernel/actor.ts';
import { allowKinds } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { unauthenticated } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { actingOptions, pendingEnterprises, type ActingFor } from './enterprises.ts';
import { personView } from './persons.ts';
import { subjectOf, totpRequired, totpState, type SubjectKind } from './totp.ts';

/**
 * The signed-in account (a citizen or staff) whose own security settings are at stake. A
 * department system's token is no account: 403, not 401 (it is signed in, just not served).
 */
export function requireSignedIn(actor: Actor): { kind: SubjectKind; id: string } {
  allowKinds(actor, ['person', 'staff']);
  const subject = subjectOf(actor);
  if (!subject) throw unauthenticated();
  return subject;
}

/** 我的账户: a citizen's profile (masked), the state of the second factor, the enterprises they may act for and those awaiting proof. */
export async function myAccount(ctx: AppContext, actor: Actor) {
  const subject = requireSignedIn(actor);
  const { db } = ctx;
  const profile = subject.kind === 'person' ? ((await personView(db, personalData(ctx.config.masterKey), subject.id)) ?? null) : null;
  return {
    profile,
    totp: await totpState(db, subject.kind, subject.id),
    totpRequired: await totpRequired(db, subject.kind, subject.id),
    enterprises: subject.kind === 'person' ? await actingOptions(db, subject.id) : [],
    pendingEnterprises: subject.kind === 'person' ? await pendingEnterprises(db, subject.id) : [],
  };
}

/** The enterprises a citizen may act for (as agent or legal representative). */
export async function myEnterprises(ctx: AppContext, actor: Actor): Promise<ActingFor[]> {
  const person = allowKinds(actor, ['person']);
  return actingOptions(ctx.db, person.id);
}
