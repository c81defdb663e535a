import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encryptionKeysFromConfig } from '@resona/auth';
import { KeyRing } from '@resona/crypto';
import { createSubgraphServer, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { conversationConfigSchema, type ConversationConfig } from './config.js';
import { conversationContext } from './context.js';
import { entities } from './entities.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';
import { seedConversations } from './seed.js';

export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** Conversations and their (encrypted) messages. Owns `Conversation`, `Message`; adds `User.conversations`. */
export const conversation: SubgraphModule<ConversationConfig> = {
  name: 'conversation',
  schema: 'conversation',
  configSchema: conversationConfigSchema,
  entities,
  migrations,
  async build({ config, orm, logger, internalTokenKey }) {
    const keyRing = KeyRing.parse(encryptionKeysFromConfig(config.ENCRYPTION_KEYS, config.DATA_DIR));
    return createSubgraphServer(
      { name: 'conversation', schemaPath, resolvers: resolvers as never, permissions, context: conversationContext(keyRing) },
      { orm, logger, internalTokenKey },
    );
  },
  seed: seedConversations,
};

export { entities } from './entities.js';
export type { Conversation, Message } from './entities.js';
export { composeReply, detectLanguage } from './domain/replies.js';
