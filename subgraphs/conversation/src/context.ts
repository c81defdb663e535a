import type DataLoader from 'dataloader';
import type { KeyRing } from '@resona/crypto';
import { DataKeyVault, entityLoader, pageLoader } from '@resona/db';
import type { SubgraphContext } from '@resona/subgraph';
import { Conversations } from './domain/conversations.js';
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
}

export const conversationContext = (keyRing: KeyRing) => (base: SubgraphContext): ConversationContext => {
  const vault = new DataKeyVault(base.em, keyRing);
  return {
    ...base,
    vault,
    conversationsService: new Conversations(base.em, vault, base.principal),
    conversations: entityLoader<Conversation>(base.em, 'Conversation'),
    messages: entityLoader<Message>(base.em, 'Message'),
    conversationPages: pageLoader<Conversation>(base.em, 'Conversation', 'user_id'),
    messagePages: pageLoader<Message>(base.em, 'Message', 'conversation_id'),
  };
};
