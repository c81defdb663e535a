import { encodeCursor, isUuid, parsePageArgs } from '@resona/db';
import { badUserInput, notFound, unauthenticated } from '@resona/errors';
import { DateTime } from '@resona/subgraph';
import type { ConversationContext } from './context.js';
import { anonymisedMessages } from './domain/anonymised.js';
import type { Resolvers } from './generated/resolvers.js';

/** The signed-in caller's id, or `UNAUTHENTICATED`. */
const callerId = (ctx: ConversationContext): string => {
  if (ctx.principal.kind !== 'user' || !ctx.principal.userId) throw unauthenticated();
  return ctx.principal.userId;
};

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    conversation: async (_parent, { id }, ctx) => {
      if (!isUuid(id)) throw badUserInput('id is not a valid id.', 'id');
      const conversation = await ctx.conversations.load(id);
      // Someone else's conversation looks exactly like a missing one.
      return conversation && conversation.userId === callerId(ctx) ? conversation : null;
    },
    moderationReviewQueue: (_parent, { first }, ctx) => ctx.moderationReviews.pending(first ?? 20),
    // Every text decrypted here is another person's words leaving the subgraph: each is audited (a READ per person).
    anonymisedMessages: (_parent, { ids }, ctx) => anonymisedMessages(ctx.em, ctx.vault, ids, { hasResearchConsent: ctx.hasResearchConsent, onRead: (m) => ctx.audit.read(m.userId, 'Message', m.id) }),
  },
  ModerationReview: {
    reasons: (decision) => decision.reviewReasons,
    status: (decision) => (decision.reviewStatus === 'NONE' ? 'RESOLVED' : decision.reviewStatus),
    note: (decision) => decision.reviewNote,
    sentReply: (decision, _args, ctx) => ctx.moderationReviews.sentReply(decision),
    candidateReply: (decision, _args, ctx) => ctx.moderationReviews.candidateReply(decision),
  },
  Mutation: {
    startConversation: (_parent, _args, ctx) => ctx.conversationsService.start(callerId(ctx)),
    sendMessage: (_parent, { input }, ctx) => ctx.conversationsService.send(callerId(ctx), input),
    reviewModeration: (_parent, { id, verdict, note }, ctx) => ctx.moderationReviews.review(id, verdict, note ?? null, ctx.principal),
    syncMessages: (_parent, { input }, ctx) => ctx.conversationsService.sync(callerId(ctx), input),
  },
  SendMessagePayload: {
    // References: the emotion and risk subgraphs resolve the rest.
    emotion: (payload) => (payload.userMessage.emotionReadingId ? { id: payload.userMessage.emotionReadingId } : null),
    risk: (payload) => (payload.userMessage.riskAssessmentId ? { id: payload.userMessage.riskAssessmentId } : null),
  },
  Conversation: {
    __resolveReference: (reference, ctx) => ctx.conversations.load(String(reference.id)),
    user: (conversation) => ({ id: conversation.userId }),
    cursor: (conversation) => encodeCursor(conversation),
    messages: (conversation, args, ctx) => ctx.messagePages.load({ ownerId: conversation.id, page: parsePageArgs(args) }),
  },
  Message: {
    __resolveReference: (reference, ctx) => ctx.messages.load(String(reference.id)),
    conversation: async (message, _args, ctx) => {
      const conversation = await ctx.conversations.load(message.conversationId);
      if (!conversation) throw notFound('Conversation not found.');
      return conversation;
    },
    text: (message, _args, ctx) => ctx.vault.decrypt(message.userId, message.textCiphertext, message.id),
    cursor: (message) => encodeCursor(message),
  },
  User: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    conversations: (user, args, ctx) => ctx.conversationPages.load({ ownerId: user.id, page: parsePageArgs(args) }),
  },
};
