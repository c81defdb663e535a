import type { Orm } from '@resona/db';
import { DataKeyVault } from '@resona/db';
import { KeyRing } from '@resona/crypto';
import { encryptionKeysFromConfig } from '@resona/auth';
import type { DemoWorld } from '@resona/subgraph';
import type { ConversationConfig } from './config.js';
import { Conversations } from './domain/conversations.js';
import { ConversationEntity, type Message } from './entities.js';

/** What each demo patient has said, by their preferred language. */
const DEMO_LINES: Record<'EN' | 'SW' | 'MIXED', string[]> = {
  EN: ['I have been feeling really tired and stressed about work this week.', 'I could not sleep again last night.'],
  SW: ['Nimechoka sana na nina wasiwasi kuhusu kazi yangu wiki hii.', 'Sikulala vizuri usiku wa jana.'],
  MIXED: ['Maze, nimechoka sana na hii stress ya kazi this week.', 'Sijalala poa, my mind just keeps racing.'],
};

/** One conversation with two exchanges per demo patient (skipped for patients who already have one). */
export async function seedConversations(orm: Orm, world: DemoWorld, config: ConversationConfig): Promise<void> {
  const em = orm.orm.em.fork();
  const keyRing = KeyRing.parse(encryptionKeysFromConfig(config.ENCRYPTION_KEYS, config.DATA_DIR));
  const service = new Conversations(em, new DataKeyVault(em, keyRing));
  for (const user of world.users.filter((u) => u.roles.includes('PATIENT'))) {
    if (await em.count(ConversationEntity, { userId: user.id })) continue;
    const conversation = await service.start(user.id);
    for (const [index, text] of DEMO_LINES[user.preferredLanguage].entries()) {
      const { userMessage, reply } = await service.send(user.id, { conversationId: conversation.id, text, clientMessageId: `seed-${index}` });
      const replyText = await new DataKeyVault(em, keyRing).decrypt(user.id, reply.textCiphertext, reply.id);
      world.messages.push(asWorldMessage(userMessage, text), asWorldMessage(reply, replyText));
    }
  }
}

const asWorldMessage = (message: Message, text: string): DemoWorld['messages'][number] => ({
  id: message.id,
  userId: message.userId,
  role: message.role,
  text,
  createdAt: message.createdAt,
});
