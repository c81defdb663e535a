import { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

export const conversationConfigSchema = subgraphConfigSchema(
  4002,
  {
    /** The privacy subgraph (which processing has the person consented to?). Default its development port. */
    PRIVACY_URL: z.string().url().default('http://127.0.0.1:4005/graphql'),
    /** The risk subgraph (`assessMessage`). Default its development port. */
    RISK_URL: z.string().url().default('http://127.0.0.1:4004/graphql'),
    /** The emotion subgraph (`analyzeUtterance`). Default its development port. */
    EMOTION_URL: z.string().url().default('http://127.0.0.1:4003/graphql'),
    /** Resona's own safety team: clinicians (with MFA) of this clinic review moderation decisions. Unset: nobody does. */
    SAFETY_REVIEW_CLINIC_ID: z.string().uuid().optional(),
    /** How long one internal call of the turn may take. Default 3000 ms. */
    PEER_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(3000),
    /** An OpenAI-compatible endpoint (…/v1). Unset: the local responder answers every turn. */
    LLM_BASE_URL: z.string().url().optional(),
    /** The chat model. Default `gpt-4o-mini`. */
    LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
    /** The endpoint's API key (self-hosted endpoints may not need one). */
    LLM_API_KEY: z.string().optional(),
    /** `true` when the endpoint runs in the person's country: used without EXTERNAL_AI consent (PII is still masked). Default false. */
    LLM_IN_COUNTRY: bool,
    /** Per attempt. Default 8000 ms. */
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
    /** Retries after a failed attempt (exponential backoff from 200 ms). Default 2. */
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    /** Tokens one turn may spend over all attempts (prompt + reply). Default 3000. */
    LLM_TOKEN_BUDGET: z.coerce.number().int().min(200).max(100_000).default(3000),
    /** Longest reply, in tokens. Default 300. */
    LLM_MAX_REPLY_TOKENS: z.coerce.number().int().min(16).max(4000).default(300),
    /** Consecutive failed turns that open the circuit breaker. Default 3. */
    LLM_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
    /** How long an open breaker sends every turn to the local responder. Default 30000 ms. */
    LLM_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  },
  // Calls to privacy, risk and emotion are signed with the internal-token private key.
  ['INTERNAL_TOKEN_PRIVATE_KEY'],
);
export type ConversationConfig = z.infer<typeof conversationConfigSchema>;
