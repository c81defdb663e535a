import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { AuditAction, appendAudit, auditEntry } from '@resona/audit';
import { anonymousPrincipal, type Principal } from '@resona/auth';
import { isUuid, type DataKeyVault } from '@resona/db';
import { badUserInput, notFound } from '@resona/errors';
import { ConversationEntity, MessageEntity, type Conversation, type Message } from '../entities.js';
import { composeReply } from './replies.js';

/** Longest message a person can send, in characters. */
export const MAX_MESSAGE_LENGTH = 4000;
/** Longest client message id, in characters. */
export const MAX_CLIENT_MESSAGE_ID_LENGTH = 100;

export interface SentMessage {
  userMessage: Message;
  reply: Message;
}

/** Conversations and messages of one person. Knows nothing of GraphQL. */
export class Conversations {
  /** @param actor who acts, for the audit log; default Resona itself (seeding). */
  constructor(
    private readonly em: EntityManager,
    private readonly vault: DataKeyVault,
    private readonly actor: Principal = anonymousPrincipal({ kind: 'service' }),
  ) {}

  /** The audit record of a change, in the change's transaction. Never the message text. */
  private audit(tx: EntityManager, action: string, userId: string, resourceType: string, resourceId: string, detail?: Record<string, unknown>) {
    return appendAudit(tx, [auditEntry(this.actor, { action, subjectUserId: userId, resourceType, resourceId, detail })]);
  }

  async start(userId: string): Promise<Conversation> {
    return this.em.fork().transactional(async (tx) => {
      const conversation = tx.create(ConversationEntity, { id: randomUUID(), userId, title: null, createdAt: new Date() });
      await tx.flush();
      await this.audit(tx, AuditAction.CONVERSATION_STARTED, userId, 'Conversation', conversation.id);
      return conversation;
    });
  }

  /** The person's conversation, or `NOT_FOUND` (also when it is someone else's: existence is not revealed). */
  async owned(userId: string, conversationId: string): Promise<Conversation> {
    if (!isUuid(conversationId)) throw badUserInput('conversationId is not a valid id.', 'conversationId');
    const conversation = await this.em.findOne(ConversationEntity, { id: conversationId });
    if (!conversation || conversation.userId !== userId) throw notFound('Conversation not found.');
    return conversation;
  }

  /**
   * Stores the person's message and Resona's reply in one transaction. Sending the same
   * `clientMessageId` again (an offline replay) returns the first pair and stores nothing.
   */
  async send(userId: string, input: { conversationId: string; text: string; clientMessageId: string }): Promise<SentMessage> {
    const { text, clientMessageId } = input;
    if (!text.trim() || [...text].length > MAX_MESSAGE_LENGTH) throw badUserInput(`text must be 1 to ${MAX_MESSAGE_LENGTH} characters.`, 'text');
    if (!clientMessageId.trim() || clientMessageId.length > MAX_CLIENT_MESSAGE_ID_LENGTH) {
      throw badUserInput(`clientMessageId must be 1 to ${MAX_CLIENT_MESSAGE_ID_LENGTH} characters.`, 'clientMessageId');
    }
    const conversation = await this.owned(userId, input.conversationId);
    const replayed = await this.findSent(userId, clientMessageId);
    if (replayed) return replayed;

    const reply = composeReply(text);
    const now = Date.now();
    const userMessageId = randomUUID();
    const replyId = randomUUID();
    // Encrypt first: creating the person's data key is its own (idempotent) statement.
    const userCiphertext = await this.vault.encrypt(userId, text, userMessageId);
    const replyCiphertext = await this.vault.encrypt(userId, reply.text, replyId);
    try {
      return await this.em.fork().transactional(async (tx) => {
        const userMessage = tx.create(MessageEntity, {
          id: userMessageId,
          conversationId: conversation.id,
          userId,
          role: 'USER',
          textCiphertext: userCiphertext,
          clientMessageId,
          replyToId: null,
          createdAt: new Date(now),
        });
        // One millisecond later, so the reply sorts after the message it answers.
        const replyMessage = tx.create(MessageEntity, {
          id: replyId,
          conversationId: conversation.id,
          userId,
          role: 'ASSISTANT',
          textCiphertext: replyCiphertext,
          clientMessageId: null,
          replyToId: userMessageId,
          createdAt: new Date(now + 1),
        });
        await tx.flush();
        await this.audit(tx, AuditAction.MESSAGE_SENT, userId, 'Message', userMessageId, { conversationId: conversation.id, replyId });
        return { userMessage, reply: replyMessage };
      });
    } catch (error) {
      // A concurrent replay of the same clientMessageId won the race: answer with its pair.
      if (error instanceof UniqueConstraintViolationException) {
        const stored = await this.findSent(userId, clientMessageId);
        if (stored) return stored;
      }
      throw error;
    }
  }

  private async findSent(userId: string, clientMessageId: string): Promise<SentMessage | null> {
    const em = this.em.fork();
    const userMessage = await em.findOne(MessageEntity, { userId, clientMessageId });
    if (!userMessage) return null;
    const reply = await em.findOneOrFail(MessageEntity, { replyToId: userMessage.id });
    return { userMessage, reply };
  }
}
