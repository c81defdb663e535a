import OpenAI from 'openai';

/** Codes for why the LLM did not answer a turn (the turn then uses the local responder). */
export const LlmFailure = {
  CIRCUIT_OPEN: 'LLM_CIRCUIT_OPEN',
  TIMEOUT: 'LLM_TIMEOUT',
  ERROR: 'LLM_ERROR',
  BUDGET: 'LLM_TOKEN_BUDGET',
  EMPTY: 'LLM_EMPTY_REPLY',
} as const;
export type LlmFailure = (typeof LlmFailure)[keyof typeof LlmFailure];

export class LlmError extends Error {
  constructor(readonly code: LlmFailure, message: string) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface LlmOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Per attempt, ms. */
  timeoutMs: number;
  /** Retries after a failed attempt. */
  maxRetries: number;
  /** Tokens one turn may spend over all attempts. */
  tokenBudget: number;
  maxReplyTokens: number;
  breakerFailures: number;
  breakerCooldownMs: number;
  /** First backoff, doubled per retry. Default 200 ms. */
  backoffMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A rough token count (about 4 characters a token for English, fewer for Swahili): errs high. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 3.5);

/**
 * Opens after `failures` consecutive failed turns; while open every turn goes local; after
 * `cooldownMs` one trial turn is let through (half-open): success closes it, failure reopens it.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | null = null;
  private trial = false;

  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'CLOSED' | 'OPEN' | 'HALF_OPEN' {
    if (this.openedAt === null) return 'CLOSED';
    return this.now() - this.openedAt >= this.cooldownMs ? 'HALF_OPEN' : 'OPEN';
  }

  /** May a call go out now? In HALF_OPEN only one at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'CLOSED') return true;
    if (state === 'OPEN' || this.trial) return false;
    this.trial = true;
    return true;
  }

  success(): void {
    this.consecutive = 0;
    this.openedAt = null;
    this.trial = false;
  }

  failure(): void {
    this.trial = false;
    this.consecutive++;
    if (this.openedAt !== null || this.consecutive >= this.failures) this.openedAt = this.now();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An OpenAI-compatible chat endpoint (`openai` package, any base URL): a timeout per attempt,
 * retries with exponential backoff, a circuit breaker over turns and a token budget per turn.
 */
export class LlmClient {
  readonly breaker: CircuitBreaker;
  private readonly client: OpenAI;

  constructor(private readonly options: LlmOptions) {
    this.breaker = new CircuitBreaker(options.breakerFailures, options.breakerCooldownMs, options.now);
    // Our own retries and breaker: the SDK must not retry on its own.
    this.client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey ?? 'unused', maxRetries: 0, timeout: options.timeoutMs });
  }

  /** One reply, or an {@link LlmError}. `messages` must already be free of personal data. */
  async reply(messages: ChatMessage[]): Promise<{ text: string; tokens: number; attempts: number }> {
    const promptTokens = messages.reduce((a, m) => a + estimateTokens(m.content) + 4, 0);
    // A prompt over budget is not the endpoint's failure: refused before the breaker counts anything.
    if (promptTokens + 16 > this.options.tokenBudget) throw new LlmError(LlmFailure.BUDGET, `The prompt (${promptTokens} tokens) exceeds the budget of ${this.options.tokenBudget}.`);
    if (!this.breaker.allow()) throw new LlmError(LlmFailure.CIRCUIT_OPEN, 'The LLM circuit breaker is open.');
    let spent = 0;
    let lastError: LlmError | null = null;
    for (let attempt = 0; attempt <= this.options.maxRetries; attempt++) {
      const maxTokens = Math.min(this.options.maxReplyTokens, this.options.tokenBudget - spent - promptTokens);
      if (maxTokens < 16) {
        lastError = new LlmError(LlmFailure.BUDGET, `Token budget of ${this.options.tokenBudget} spent.`);
        break;
      }
      if (attempt > 0) await sleep((this.options.backoffMs ?? 200) * 2 ** (attempt - 1));
      try {
        const completion = await this.client.chat.completions.create(
          { model: this.options.model, messages, max_tokens: maxTokens, temperature: 0.4 },
          { timeout: this.options.timeoutMs },
        );
        spent += completion.usage?.total_tokens ?? promptTokens + maxTokens;
        const text = completion.choices[0]?.message?.content?.trim();
        if (!text) {
          lastError = new LlmError(LlmFailure.EMPTY, 'The model returned an empty reply.');
          continue;
        }
        this.breaker.success();
        return { text, tokens: spent, attempts: attempt + 1 };
      } catch (error) {
        // A failed attempt may still have cost the prompt.
        spent += promptTokens;
        const timeout = error instanceof OpenAI.APIConnectionTimeoutError || (error as { name?: string })?.name === 'AbortError';
        lastError = new LlmError(timeout ? LlmFailure.TIMEOUT : LlmFailure.ERROR, error instanceof Error ? error.message : String(error));
        // A request the endpoint refuses as invalid will not succeed on retry.
        if (error instanceof OpenAI.APIError && error.status && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) break;
      }
    }
    this.breaker.failure();
    throw lastError ?? new LlmError(LlmFailure.ERROR, 'The model did not answer.');
  }
}
