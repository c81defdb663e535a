import type { IRules } from 'graphql-shield';
import type { Principal, Role } from '@resona/auth';
import { forbidden } from '@resona/errors';
import {
  allow,
  clinicianWithConsent,
  isAuthenticated,
  isSelf,
  isService,
  MFA_REQUIRED_MESSAGE,
  or,
  ownsParent,
  partnerKeyWithConsent,
  rule,
  type SubgraphContext,
} from '@resona/subgraph';
import type { EmotionReading } from './entities.js';

/** The API-key scope a partner system needs for readings. */
export const EMOTION_SCOPE = 'emotion:read';

const CLINIC_ROLES: Role[] = ['CLINICIAN', 'CLINIC_ADMIN'];

/** Does `p` act for a clinic: a clinician or clinic admin with MFA, or a partner key with `scope`? `mfa`: a clinician without a second factor. */
function clinicAccess(p: Principal, scope: string): 'ok' | 'mfa' | 'no' {
  if (!p.clinicId) return 'no';
  if (p.kind === 'partner') return p.apiKey?.scopes.includes(scope) ? 'ok' : 'no';
  if (p.kind !== 'user' || p.apiKey || !p.roles.some((r) => CLINIC_ROLES.includes(r))) return 'no';
  return p.mfa === true ? 'ok' : 'mfa';
}

/**
 * At subscribe time: refuses (throws FORBIDDEN) unless the caller is the person, or a clinician
 * (MFA) or partner key (`scope`) of a clinic the person shares with now.
 */
export async function assertMayWatchPerson(ctx: SubgraphContext, userId: string, scope: string) {
  const p = ctx.principal;
  if (p.kind === 'user' && p.userId === userId) return;
  const access = clinicAccess(p, scope);
  if (access === 'mfa') throw forbidden(MFA_REQUIRED_MESSAGE);
  if (access !== 'ok' || !(await ctx.consent.shares(userId))) throw forbidden();
}

/** Per event of a person's stream: the caller is the person, or acts for a clinic; the readings' own rule checks consent. */
const watchesPersonArg = (scope: string) =>
  rule({ cache: 'no_cache' })((_p, args: { userId: string }, ctx: SubgraphContext) => {
    if (ctx.principal.kind === 'user' && ctx.principal.userId === args.userId) return true;
    const access = clinicAccess(ctx.principal, scope);
    return access === 'mfa' ? forbidden(MFA_REQUIRED_MESSAGE) : access === 'ok';
  });

/** Who may read what in emotion (docs/authorization.md has the whole table). Anything not listed is denied. */
export const permissions: IRules = {
  // The owner (and Resona's services); a clinician with MFA, or a partner key with `emotion:read`, of a
  // clinic the owner shares with now. However it was reached (list, message, _entities, an event).
  EmotionReading: or(
    ownsParent<EmotionReading>((x) => x.userId),
    clinicianWithConsent<EmotionReading>((x) => x.userId),
    partnerKeyWithConsent<EmotionReading>(EMOTION_SCOPE, (x) => x.userId),
  ),
  EmotionScore: allow,
  User: {
    id: allow,
    emotionReadings: or(isSelf, clinicianWithConsent<{ id: string }>((u) => u.id, 'EmotionReading'), partnerKeyWithConsent<{ id: string }>(EMOTION_SCOPE, (u) => u.id, 'EmotionReading')),
    // Not in the partner contract: the person and the clinicians they share with.
    emotionBaseline: or(isSelf, clinicianWithConsent<{ id: string }>((u) => u.id, 'EmotionBaseline')),
  },
  // Reached only through User.emotionBaseline, whose rule decides.
  EmotionBaseline: allow,
  BaselineValue: allow,
  // Anyone signed in may ask; the reading's own rule decides whether they see it.
  Message: { id: allow, emotion: or(isService, isAuthenticated) },
  // Conversation's voice turn; never through the gateway (@inaccessible).
  Mutation: { recordEmotionReading: isService, analyzeUtterance: isService },
  // Only ever returned to a service (the mutation's own rule); the reading inside keeps its rule.
  UtteranceAnalysis: isService,
  // Checked for every event (subscribe time is checked in the resolver).
  Subscription: { emotionReadings: watchesPersonArg(EMOTION_SCOPE) },
};
