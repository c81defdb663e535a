import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encryptionKeysFromConfig } from '@resona/auth';
import { KeyRing } from '@resona/crypto';
import { createSubgraphServer, internalClient, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { conversationConfigSchema, type ConversationConfig } from './config.js';
import { conversationContext } from './context.js';
import { ReplyEngine } from './domain/engine.js';
import { LlmClient } from './domain/llm.js';
import { internalPeers } from './domain/peers.js';
import { MAX_AUDIO_BASE64_CHARS } from './domain/voice.js';
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
  async build({ config, orm, logger, internalTokenKey, internalSigningKey }) {
    const keyRing = KeyRing.parse(encryptionKeysFromConfig(config.ENCRYPTION_KEYS, config.DATA_DIR));
    const signingKey = await internalSigningKey();
    const client = (url: string) => internalClient(url, signingKey, { timeoutMs: config.PEER_TIMEOUT_MS });
    const peers = internalPeers({ privacy: client(config.PRIVACY_URL), emotion: client(config.EMOTION_URL), risk: client(config.RISK_URL) });
    const engine = buildEngine(config);
    logger.info({ llm: config.LLM_BASE_URL ? { model: config.LLM_MODEL, inCountry: config.LLM_IN_COUNTRY } : null }, 'reply engine');
    return createSubgraphServer(
      { name: 'conversation', schemaPath, resolvers: resolvers as never, permissions, context: conversationContext(keyRing, { peers, engine, safetyReviewClinicId: config.SAFETY_REVIEW_CLINIC_ID ?? null }) },
      // A voice message's base64 audio, plus room for the rest of the request.
      { orm, logger, internalTokenKey, bodyLimit: `${Math.ceil(MAX_AUDIO_BASE64_CHARS / 1024) + 64}kb` },
    );
  },
  seed: seedConversations,
};

/** The reply engine from config: the LLM when `LLM_BASE_URL` is set (local responder otherwise and as fallback). */
export function buildEngine(config: ConversationConfig): ReplyEngine {
  const llm = config.LLM_BASE_URL
    ? new LlmClient({
        baseUrl: config.LLM_BASE_URL,
        model: config.LLM_MODEL,
        apiKey: config.LLM_API_KEY,
        timeoutMs: config.LLM_TIMEOUT_MS,
        maxRetries: config.LLM_MAX_RETRIES,
        tokenBudget: config.LLM_TOKEN_BUDGET,
        maxReplyTokens: config.LLM_MAX_REPLY_TOKENS,
        breakerFailures: config.LLM_BREAKER_FAILURES,
        breakerCooldownMs: config.LLM_BREAKER_COOLDOWN_MS,
      })
    : null;
  return new ReplyEngine({ llm, llmInCountry: config.LLM_IN_COUNTRY, tokenBudget: config.LLM_TOKEN_BUDGET, maxReplyTokens: config.LLM_MAX_REPLY_TOKENS });
}

export { entities } from './entities.js';
export type { Conversation, Message } from './entities.js';
export { composeReply } from './domain/responder.js';
export { detectLanguage } from './domain/language.js';
