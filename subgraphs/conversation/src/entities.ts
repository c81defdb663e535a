import { EntitySchema } from '@mikro-orm/postgresql';
import { dataKeyEntity } from '@resona/db';

export type MessageRole = 'USER' | 'ASSISTANT';

export interface Conversation {
  id: string;
  userId: string;
  title: string | null;
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
  createdAt: Date;
}

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
    createdAt: { type: 'Date', onCreate: () => new Date() },
  },
});

export const entities = [ConversationEntity, MessageEntity, dataKeyEntity()];
