import type DataLoader from 'dataloader';
import type { KeyRing } from '@resona/crypto';
import { DataKeyVault, entityLoader, pageLoader } from '@resona/db';
import type { SubgraphContext } from '@resona/subgraph';
import { Conversations } from './domain/conversations.js';
import { ModerationReviews } from './domain/moderation-review.js';
import type { ReplyEngine } from './domain/engine.js';
import type { Peers } from './domain/peers.js';
import type { Conversation, Message } from './entities.js';

export interface ConversationContext extends SubgraphContext {
  vault: DataKeyVault;
  conversationsService: Conversations;
  conversations: DataLoader<string, Conversation | null>;
  messages: DataLoader<string, Message | null>;
  /** Pages of a person's conversations, keyed by user id. */
  conversationPages: ReturnType<typeof pageLoader<Conversation>>;
  /** Pages of a conversation's messages, keyed by conversation id. */
  messagePages: ReturnType<typeof pageLoader<Message>>;
  moderationReviews: ModerationReviews;
  /** Resona's safety team's clinic (SAFETY_REVIEW_CLINIC_ID), whose clinicians review moderation. */
  safetyReviewClinicId: string | null;
  /** Whether the person's RESEARCH consent is active now (privacy); false when privacy is not configured. */
  hasResearchConsent(userId: string): Promise<boolean>;
}

/** What the turn shares across requests: the peers and the reply engine (with its circuit breaker). */
export interface TurnServices {
  peers: Peers | null;
  engine: ReplyEngine;
  safetyReviewClinicId?: string | null;
}

export const conversationContext =
  (keyRing: KeyRing, services: TurnServices) =>
  (base: SubgraphContext): ConversationContext => {
    const vault = new DataKeyVault(base.em, keyRing);
    return {
      ...base,
      vault,
      conversationsService: new Conversations(base.em, vault, base.principal, {
        peers: services.peers,
        engine: services.engine,
        logger: base.logger,
        requestId: base.principal.requestId ?? null,
      }),
      conversations: entityLoader<Conversation>(base.em, 'Conversation'),
      messages: entityLoader<Message>(base.em, 'Message'),
      conversationPages: pageLoader<Conversation>(base.em, 'Conversation', 'user_id'),
      messagePages: pageLoader<Message>(base.em, 'Message', 'conversation_id'),
      moderationReviews: new ModerationReviews(base.em, vault),
      safetyReviewClinicId: services.safetyReviewClinicId ?? null,
      hasResearchConsent: async (userId) => !!services.peers && (await services.peers.consentTypes(userId, base.principal.requestId ?? null)).has('RESEARCH'),
    };
  };
