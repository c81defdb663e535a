import type { IRules } from 'graphql-shield';
import { allow, isAuthenticated, isSelf, ownsParent } from '@resona/subgraph';
import type { Conversation, Message } from './entities.js';

/** Who may read and do what in conversation. Anything not listed is denied. */
export const permissions: IRules = {
  Query: { conversation: isAuthenticated },
  Mutation: { startConversation: isAuthenticated, sendMessage: isAuthenticated, syncMessages: isAuthenticated },
  // Only the owner (or a Resona service) reads a conversation or message, however it was reached.
  Conversation: { '*': ownsParent<Conversation>((c) => c.userId) },
  Message: { '*': ownsParent<Message>((m) => m.userId) },
  User: { id: allow, conversations: isSelf },
  // Only the sender ever receives a payload (the mutations are the person's own).
  SendMessagePayload: allow,
  EmotionReading: { id: allow },
  RiskAssessment: { id: allow },
};
