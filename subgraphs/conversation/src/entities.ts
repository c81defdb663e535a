import { EntitySchema } from '@mikro-orm/postgresql';
import { dataKeyEntity } from '@resona/db';

export type MessageRole = 'USER' | 'ASSISTANT';

export interface Conversation {
  id: string;
  userId: string;
  title: string | null;
  /** The person's country (KE, UG, TZ) when known, for crisis lines. */
  country: string | null;
  /** The summary for prompts (JSON), encrypted under the owner's data key (AAD: user id / `summary:<conversation id>`). */
  summaryCiphertext: Buffer | null;
  createdAt: Date;
}

export interface Message {
  id: string;
  conversationId: string;
  /** The conversation's owner, kept on each message for ownership checks and idempotency. */
  userId: string;
  role: MessageRole;
  /** AES-256-GCM ciphertext of the text under the owner's data key (AAD: user id / message id). */
  textCiphertext: Buffer;
  clientMessageId: string | null;
  /** For a reply: the user message it answers. */
  replyToId: string | null;
  /** EN, SW or MIXED. */
  language: string | null;
  /** A person's message: the emotion subgraph's reading and the risk subgraph's assessment of it. */
  emotionReadingId: string | null;
  riskAssessmentId: string | null;
  /** The level the reply was written for (from risk, or the local screen when risk was down). */
  riskLevel: string | null;
  /** A person's message: codes of the parts of its turn that failed (e.g. RISK_UNAVAILABLE). Never text. */
  turnErrors: string[];
  /** A reply: LOCAL, LLM or LLM_IN_COUNTRY. */
  source: string | null;
  /** A person's spoken message: its text is the transcript (the device's or speech to text's), empty when there was none. */
  voice: boolean;
  createdAt: Date;
}

/** One moderation decision per reply; uncertain ones (and every crisis) wait in the human review queue. */
export interface ModerationDecision {
  id: string;
  replyId: string;
  userId: string;
  action: 'ALLOW' | 'REWRITE' | 'BLOCK';
  /** Rule codes that matched (certain and uncertain). */
  rules: string[];
  source: string;
  reviewStatus: 'NONE' | 'PENDING' | 'RESOLVED';
  /** Why a human should look: UNCERTAIN_MODERATION, CRISIS, CRISIS_UNASSESSED. */
  reviewReasons: string[];
  /** The candidate reply before moderation, when it was changed; encrypted (AAD: user id / `candidate:<reply id>`). */
  candidateCiphertext: Buffer | null;
  createdAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  /** A safety reviewer's judgement of the decision: labelled data for the moderation rules. */
  verdict: ModerationVerdict | null;
  reviewNote: string | null;
}

export type ModerationVerdict = 'CORRECT' | 'OVER_MODERATED' | 'UNSAFE_SENT';

/** A `User` as this subgraph knows it: only the key. */
export interface UserRef {
  id: string;
}

export const ConversationEntity = new EntitySchema<Conversation>({
  name: 'Conversation',
  tableName: 'conversation',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    title: { type: 'string', nullable: true },
    country: { type: 'string', nullable: true },
    summaryCiphertext: { type: 'blob', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const MessageEntity = new EntitySchema<Message>({
  name: 'Message',
  tableName: 'message',
  properties: {
    id: { type: 'uuid', primary: true },
    conversationId: { type: 'uuid' },
    userId: { type: 'uuid' },
    role: { type: 'string' },
    textCiphertext: { type: 'blob' },
    clientMessageId: { type: 'string', nullable: true },
    replyToId: { type: 'uuid', nullable: true },
    language: { type: 'string', nullable: true },
    emotionReadingId: { type: 'uuid', nullable: true },
    riskAssessmentId: { type: 'uuid', nullable: true },
    riskLevel: { type: 'string', nullable: true },
    turnErrors: { type: 'json', default: '[]' },
    source: { type: 'string', nullable: true },
    voice: { type: 'boolean', default: false },
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const ModerationDecisionEntity = new EntitySchema<ModerationDecision>({
  name: 'ModerationDecision',
  tableName: 'moderation_decision',
  properties: {
    id: { type: 'uuid', primary: true },
    replyId: { type: 'uuid' },
    userId: { type: 'uuid' },
    action: { type: 'string' },
    rules: { type: 'json' },
    source: { type: 'string' },
    reviewStatus: { type: 'string' },
    reviewReasons: { type: 'json' },
    candidateCiphertext: { type: 'blob', nullable: true },
    createdAt: { type: 'Date', onCreate: () => new Date() },
    reviewedAt: { type: 'Date', nullable: true },
    reviewedBy: { type: 'string', nullable: true },
    verdict: { type: 'string', nullable: true },
    reviewNote: { type: 'text', nullable: true },
  },
});

export const entities = [ConversationEntity, MessageEntity, ModerationDecisionEntity, dataKeyEntity()];
