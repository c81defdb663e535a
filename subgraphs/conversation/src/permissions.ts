import type { IRules } from 'graphql-shield';
import { allow, isAuthenticated, isClinicianWithMfa, isSelf, isService, ownsParent, rule, and, type SubgraphContext } from '@resona/subgraph';
import type { Conversation, Message } from './entities.js';

/** A clinician of Resona's own safety team (SAFETY_REVIEW_CLINIC_ID); MFA is checked by the rule it is combined with. */
const ofSafetyTeam = rule({ cache: 'contextual' })((_p, _a, ctx: SubgraphContext & { safetyReviewClinicId: string | null }) =>
  Boolean(ctx.safetyReviewClinicId) && ctx.principal.clinicId === ctx.safetyReviewClinicId,
);
const isSafetyReviewer = and(isClinicianWithMfa, ofSafetyTeam);

/** Who may read and do what in conversation. Anything not listed is denied. */
export const permissions: IRules = {
  // anonymisedMessages: the crisis-corrections export (a Resona job with the service token); never through the gateway (@inaccessible).
  Query: { conversation: isAuthenticated, moderationReviewQueue: isSafetyReviewer, anonymisedMessages: isService },
  Mutation: { startConversation: isAuthenticated, sendMessage: isAuthenticated, syncMessages: isAuthenticated, reviewModeration: isSafetyReviewer },
  // De-identified (masked replies, no person): only the safety team, however it was reached.
  ModerationReview: isSafetyReviewer,
  AnonymisedMessage: isService,
  // Only the owner (or a Resona service) reads a conversation or message, however it was reached.
  Conversation: { '*': ownsParent<Conversation>((c) => c.userId) },
  Message: { '*': ownsParent<Message>((m) => m.userId) },
  User: { id: allow, conversations: isSelf },
  // Only the sender ever receives a payload (the mutations are the person's own).
  SendMessagePayload: allow,
  EmotionReading: { id: allow },
  RiskAssessment: { id: allow },
};
