import OpenAI from 'openai';
import { RISK_LEVELS, type RiskLevel } from '../entities.js';
import { maskPii } from './pii.js';

/** What the LLM layer is asked for: a structured C-SSRS judgement. */
export const LLM_SYSTEM_PROMPT = `You are a suicide-risk triage assistant for a mental-health service in Kenya, Uganda and Tanzania.
Messages may be in English, Swahili, Sheng or a mix. Judge ONLY the writer's own current risk using the
Columbia Suicide Severity Rating Scale (C-SSRS) categories: wish_dead, ideation, method, intent, plan,
preparatory, actual_attempt, past_attempt, self_harm, harm_others. Idioms ("this traffic is killing me",
"njaa inaniua"), negations ("sitaki kujiua") and other people's words (news, lyrics, a friend) are not
the writer's risk. Answer with JSON only:
{"level":"NONE|LOW|MODERATE|HIGH|IMMINENT","categories":["..."],"rationale":"one sentence"}`;

export interface LlmJudgement {
  level: RiskLevel;
  categories: string[];
  rationale: string;
}

export interface LlmOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
}

/**
 * Layer 3 (optional): any OpenAI-compatible chat endpoint. The message is PII-masked first; the
 * answer is parsed strictly and anything malformed is ignored (the lexicon's level stands).
 */
export class LlmJudge {
  private readonly client: OpenAI;
  constructor(private readonly options: LlmOptions) {
    this.client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey ?? 'none', timeout: options.timeoutMs, maxRetries: 1 });
  }

  async judge(text: string, context: { lexiconLevel: RiskLevel; language?: string | null }): Promise<LlmJudgement | null> {
    const completion = await this.client.chat.completions.create({
      model: this.options.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: LLM_SYSTEM_PROMPT },
        { role: 'user', content: JSON.stringify({ message: maskPii(text), language: context.language ?? null, keywordLayerLevel: context.lexiconLevel }) },
      ],
    });
    return parseJudgement(completion.choices[0]?.message?.content ?? '');
  }
}

/** A judgement from the model's text, or null when it is not one. */
export function parseJudgement(content: string): LlmJudgement | null {
  try {
    const json = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')) as Partial<LlmJudgement>;
    const level = String(json.level ?? '').toUpperCase() as RiskLevel;
    if (!RISK_LEVELS.includes(level)) return null;
    return { level, categories: Array.isArray(json.categories) ? json.categories.map(String).slice(0, 10) : [], rationale: String(json.rationale ?? '').slice(0, 300) };
  } catch {
    return null;
  }
}
