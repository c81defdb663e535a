import type { Country } from './crisis-resources.js';
import type { Fact } from './facts.js';
import { extractFacts } from './facts.js';
import { Bm25Retriever, MIN_RELEVANCE, type Retrieved, type Retriever } from './knowledge.js';
import type { ReplyLanguage } from './language.js';
import { LlmError, type LlmClient } from './llm.js';
import { moderateReply, type ModerationResult } from './moderation.js';
import { PiiMasker } from './pii.js';
import { buildPrompt } from './prompt.js';
import { composeReply, type RiskLevel, type VoiceNote } from './responder.js';
import { summaryText, type ConversationSummary } from './summary.js';
import type { TextEmotion } from './text-emotion.js';

/** A knowledge entry must score at least this for the local responder to quote its note (precision over recall; see README). */
export const LOCAL_NOTE_MIN_SCORE = 4.5;
/** Entries in the LLM prompt. */
export const PROMPT_KNOWLEDGE = 2;

export type ReplySource = 'LOCAL' | 'LLM' | 'LLM_IN_COUNTRY';

export interface GenerateInput {
  text: string;
  language: ReplyLanguage;
  emotion: TextEmotion;
  riskLevel: RiskLevel | null;
  country: Country | null;
  summary: ConversationSummary;
  /** Recent turns, oldest first. */
  history: { role: 'user' | 'assistant'; text: string }[];
  /** Has the person granted EXTERNAL_AI? */
  externalAiConsent: boolean;
  /** A voice message without words (the local responder says so; there is nothing to send a model). */
  voice?: VoiceNote | null;
}

export interface Generated {
  text: string;
  source: ReplySource;
  moderation: ModerationResult;
  /** The reply before moderation (kept encrypted for reviewers when moderation changed it). */
  candidate: string;
  /** Codes of what failed (the reply still came). */
  errors: string[];
  /** Knowledge entries used. */
  topics: string[];
  facts: Fact[];
}

export interface EngineOptions {
  llm?: LlmClient | null;
  /** The endpoint runs in-country: usable without EXTERNAL_AI consent. */
  llmInCountry?: boolean;
  retriever?: Retriever;
  /** Tokens one turn may spend; the prompt gets this minus the reply's share. */
  tokenBudget?: number;
  maxReplyTokens?: number;
}

/**
 * Writes Resona's reply to one message: cultural context by retrieval, the LLM (masked) when
 * allowed and healthy, otherwise the local responder; then moderation, always.
 */
export class ReplyEngine {
  readonly retriever: Retriever;

  constructor(private readonly options: EngineOptions = {}) {
    this.retriever = options.retriever ?? new Bm25Retriever();
  }

  /** May this turn use the external model? Only with consent, or an in-country endpoint. */
  llmAllowed(externalAiConsent: boolean): boolean {
    return Boolean(this.options.llm) && (externalAiConsent || Boolean(this.options.llmInCountry));
  }

  async generate(input: GenerateInput): Promise<Generated> {
    const errors: string[] = [];
    const knowledge: Retrieved[] = this.retriever.search(`${input.text}`, 3).filter((r) => r.score >= MIN_RELEVANCE);
    const facts = [...input.summary.facts, ...extractFacts(input.text)];
    const local = () => {
      const note = knowledge[0] && knowledge[0].score >= LOCAL_NOTE_MIN_SCORE ? knowledge[0].entry.local[input.language] : null;
      return composeReply({ text: input.text, language: input.language, emotion: input.emotion, riskLevel: input.riskLevel, country: input.country, culturalNote: note, voice: input.voice }).text;
    };

    let candidate: string | null = null;
    let source: ReplySource = 'LOCAL';
    if (this.llmAllowed(input.externalAiConsent) && !input.voice) {
      const masker = new PiiMasker();
      const budget = this.options.tokenBudget ?? 3000;
      const messages = buildPrompt(
        {
          text: input.text,
          language: input.language,
          emotion: input.emotion,
          riskLevel: input.riskLevel,
          summary: summaryText(input.summary),
          knowledge: knowledge.slice(0, PROMPT_KNOWLEDGE),
          history: input.history,
          // Half the budget at most, so a retry still fits in the turn's budget.
          maxPromptTokens: Math.max(400, Math.floor(budget / 2) - (this.options.maxReplyTokens ?? 300)),
        },
        masker,
      );
      try {
        const reply = await this.options.llm!.reply(messages);
        candidate = masker.restore(reply.text);
        source = this.options.llmInCountry ? 'LLM_IN_COUNTRY' : 'LLM';
      } catch (error) {
        errors.push(error instanceof LlmError ? error.code : 'LLM_ERROR');
      }
    }
    const trusted = candidate === null;
    candidate ??= local();
    const moderation = moderateReply({ text: candidate, language: input.language, riskLevel: input.riskLevel, country: input.country, facts, fallback: local, trusted });
    return { text: moderation.text, source, moderation, candidate, errors, topics: knowledge.map((k) => k.entry.id), facts };
  }
}
