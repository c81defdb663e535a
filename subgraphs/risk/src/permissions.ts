import type { IRules } from 'graphql-shield';
import type { Principal } from '@resona/auth';
import { forbidden } from '@resona/errors';
import {
  allow,
  clinicCaller,
  clinicianWithConsent,
  isAuthenticated,
  isClinicianWithMfa,
  isSelf,
  isService,
  MFA_REQUIRED_MESSAGE,
  or,
  ownsParent,
  partnerKeyWithConsent,
  rule,
  type SubgraphContext,
} from '@resona/subgraph';
import type { RiskContext } from './context.js';
import type { CrisisAlert, CrisisEscalation, ReviewItem, RiskAssessment } from './entities.js';

/** The API-key scope a partner system needs for its clinic's crisis alerts. */
export const ALERTS_SCOPE = 'alerts:subscribe';
/** The API-key scope a partner system needs for assessments. */
export const RISK_SCOPE = 'risk:read';

/**
 * May `p` act for `clinicId`: a clinician or clinic admin of it with MFA, or its partner key with
 * `scope`? `mfa` is a clinician of it without a second factor.
 */
export function clinicAccess(p: Principal, clinicId: string | null | undefined, scope: string): 'ok' | 'mfa' | 'no' {
  if (!clinicId || p.clinicId !== clinicId) return 'no';
  if (p.kind === 'partner') return p.apiKey?.scopes.includes(scope) ? 'ok' : 'no';
  return clinicCaller(p);
}

/** `clinicAccess` as a shield answer: the MFA refusal passes as its own message. */
const verdict = (access: 'ok' | 'mfa' | 'no') => (access === 'mfa' ? forbidden(MFA_REQUIRED_MESSAGE) : access === 'ok');

/** At subscribe time: refuses (throws FORBIDDEN) unless the caller acts for `clinicId`. */
export function assertActsForClinic(p: Principal, clinicId: string) {
  const access = clinicAccess(p, clinicId, ALERTS_SCOPE);
  if (access !== 'ok') throw access === 'mfa' ? forbidden(MFA_REQUIRED_MESSAGE) : forbidden();
}

/**
 * At subscribe time: refuses (throws FORBIDDEN) unless the caller is the person, or a clinician
 * (MFA) or partner key (`scope`) of a clinic the person shares with now.
 */
export async function assertMayWatchPerson(ctx: SubgraphContext, userId: string, scope: string) {
  const p = ctx.principal;
  if (p.kind === 'user' && p.userId === userId) return;
  const access = clinicAccess(p, p.clinicId, scope);
  if (access === 'mfa') throw forbidden(MFA_REQUIRED_MESSAGE);
  if (access !== 'ok' || !(await ctx.consent.shares(userId))) throw forbidden();
}

/** The `clinicId` argument is a clinic the caller acts for (alerts). */
const actsForClinicArg = rule({ cache: 'no_cache' })((_p, args: { clinicId: string }, ctx: SubgraphContext) => verdict(clinicAccess(ctx.principal, args.clinicId, ALERTS_SCOPE)));

/** The alert is for a clinic the caller acts for. */
const alertOfCallersClinic = rule({ cache: 'no_cache' })((alert: CrisisAlert, _a, ctx: SubgraphContext) => verdict(clinicAccess(ctx.principal, alert.clinicId, ALERTS_SCOPE)));

/** Per event of a person's stream: the caller is the person, or acts for a clinic; the items' own rules check consent. */
const watchesPersonArg = (scope: string) =>
  rule({ cache: 'no_cache' })((_p, args: { userId: string }, ctx: SubgraphContext) =>
    ctx.principal.kind === 'user' && ctx.principal.userId === args.userId ? true : verdict(clinicAccess(ctx.principal, ctx.principal.clinicId, scope)),
  );

/**
 * May the caller see an escalation: a clinician (MFA) or partner key (alerts:subscribe) of a clinic
 * it alerted, and, unless it went to the on-call clinic, only while the person still shares with
 * that clinic (a fresh consent answer per request).
 */
export async function mayActOnEscalation(ctx: SubgraphContext, escalation: CrisisEscalation): Promise<'ok' | 'mfa' | 'no'> {
  const access = clinicAccess(ctx.principal, ctx.principal.clinicId, ALERTS_SCOPE);
  if (access !== 'ok') return access;
  if (!escalation.clinicIds.includes(ctx.principal.clinicId!)) return 'no';
  if (escalation.onCall) return 'ok';
  return (await ctx.consent.shares(escalation.userId)) ? 'ok' : 'no';
}

const escalationReader = rule({ cache: 'no_cache' })(async (escalation: CrisisEscalation, _a, ctx: SubgraphContext) => verdict(await mayActOnEscalation(ctx, escalation)));

/** Privacy's answers for one request (the rule runs for every field of every assessment it returns). */
const sharingAnswers = new WeakMap<RiskContext, Map<string, Promise<boolean>>>();

/**
 * Is the caller a clinician of Resona's on-call clinic acting for a person who shares with no clinic
 * (the people whose alerts and reviews go to that clinic)? Asked of privacy once per request and
 * person: once the person shares with a clinic, their data is that clinic's to see.
 */
export function onCallForUnshared(ctx: RiskContext, userId: string): Promise<boolean> {
  const { onCallClinicId } = ctx.services;
  if (!onCallClinicId || ctx.principal.clinicId !== onCallClinicId) return Promise.resolve(false);
  let answers = sharingAnswers.get(ctx);
  if (!answers) sharingAnswers.set(ctx, (answers = new Map()));
  if (!answers.has(userId)) answers.set(userId, ctx.services.sharingClinics(userId).then((clinics) => clinics.length === 0));
  return answers.get(userId)!;
}

/**
 * Assessments for the on-call clinic's clinicians (MFA), of people who share with no clinic: the
 * alerts and review items they act on carry the assessment. A granted read is audited.
 */
const onCallClinicianForUnshared = rule({ cache: 'no_cache' })(async (assessment: RiskAssessment, _a, ctx: RiskContext) => {
  const caller = clinicCaller(ctx.principal);
  if (caller === 'no' || !(await onCallForUnshared(ctx, assessment.userId))) return false;
  if (caller === 'mfa') return forbidden(MFA_REQUIRED_MESSAGE);
  ctx.audit.read(assessment.userId, 'RiskAssessment', assessment.id);
  return true;
});

/** Review items: clinicians (MFA) of a clinic the person shares with, or of the on-call clinic for people who share with none. */
const reviewReader = rule({ cache: 'no_cache' })(async (item: ReviewItem, _a, ctx: RiskContext) => {
  const caller = clinicCaller(ctx.principal);
  if (caller === 'no') return false;
  if (caller === 'mfa') return forbidden(MFA_REQUIRED_MESSAGE);
  return (await onCallForUnshared(ctx, item.userId)) || ctx.consent.shares(item.userId);
});

/** Who may read what in risk (docs/authorization.md has the whole table). Anything not listed is denied. */
export const permissions: IRules = {
  // The owner (and Resona's services); a clinician with MFA, or a partner key with `risk:read`, of a
  // clinic the owner shares with now. However it was reached (list, message, _entities, an event).
  RiskAssessment: or(
    ownsParent<RiskAssessment>((x) => x.userId),
    clinicianWithConsent<RiskAssessment>((x) => x.userId),
    partnerKeyWithConsent<RiskAssessment>(RISK_SCOPE, (x) => x.userId),
    onCallClinicianForUnshared,
  ),
  RiskSignal: allow,
  // Only the alerted clinic (its clinicians with MFA, its partner key with alerts:subscribe); the
  // assessment inside keeps its own rule (consent), checked again for every event.
  CrisisAlert: or(isService, alertOfCallersClinic),
  // The clinics it alerted, while the person shares with them (or the on-call clinic). Never the person themself.
  CrisisEscalation: or(isService, escalationReader),
  EscalationEvent: allow,
  ReviewItem: or(isService, reviewReader),
  ReviewedItem: isService,
  Clinic: { id: allow },
  User: {
    id: allow,
    riskAssessments: or(isSelf, clinicianWithConsent<{ id: string }>((u) => u.id, 'RiskAssessment'), partnerKeyWithConsent<{ id: string }>(RISK_SCOPE, (u) => u.id, 'RiskAssessment')),
  },
  // Anyone signed in may ask; the assessment's own rule decides whether they see it.
  Message: { id: allow, risk: or(isService, isAuthenticated) },
  Query: {
    openCrisisAlerts: actsForClinicArg,
    // The resolvers return only what the caller's clinic may see.
    escalation: isClinicianWithMfa,
    openEscalations: isClinicianWithMfa,
    reviewQueue: isClinicianWithMfa,
    // The crisis-corrections export (a Resona job with the service token); never through the gateway (@inaccessible).
    reviewedItems: isService,
  },
  Mutation: {
    // The resolver checks that the alert is the clinician's own clinic's.
    acknowledgeCrisisAlert: isClinicianWithMfa,
    // Conversation's voice turn; never through the gateway (@inaccessible).
    recordRiskAssessment: isService,
    assessMessage: isService,
    // The resolvers check the escalation / item is the clinician's clinic's (else NOT_FOUND).
    transitionEscalation: isClinicianWithMfa,
    reviewAssessment: isClinicianWithMfa,
  },
  // Checked for every event (subscribe time is checked in the resolver).
  Subscription: { crisisAlerts: actsForClinicArg, riskAssessmentUpdated: watchesPersonArg(RISK_SCOPE) },
};
