import type { ChatMessage } from './llm.js';
import { estimateTokens } from './llm.js';
import type { Retrieved } from './knowledge.js';
import type { ReplyLanguage } from './language.js';
import type { PiiMasker } from './pii.js';
import type { RiskLevel } from './responder.js';
import type { TextEmotion } from './text-emotion.js';

const LANGUAGE_INSTRUCTION: Record<ReplyLanguage, string> = {
  EN: 'Reply in English.',
  SW: 'Jibu kwa Kiswahili sanifu, rahisi. (Reply in Swahili.)',
  MIXED: 'Reply in the same code-switched mix of Swahili/Sheng and English the person uses.',
};

export interface PromptInput {
  text: string;
  language: ReplyLanguage;
  emotion: TextEmotion;
  riskLevel: RiskLevel | null;
  summary: string;
  knowledge: Retrieved[];
  /** Recent turns, oldest first (raw; masked here). */
  history: { role: 'user' | 'assistant'; text: string }[];
  /** Tokens the prompt may use (the turn's budget minus the reply's). */
  maxPromptTokens: number;
}

/**
 * The chat messages for the model. Every piece of the person's text (message, summary, history)
 * goes through `masker` first: nothing raw leaves. History is dropped oldest first to fit the budget.
 */
export function buildPrompt(input: PromptInput, masker: PiiMasker): ChatMessage[] {
  const system = [
    'You are Resona, a warm, culturally aware mental-health companion for people in Kenya, Uganda and Tanzania. You are not a clinician.',
    'Listen reflectively, name the feeling you hear, offer one small coping suggestion that fits it, and ask one gentle follow-up question. Keep it under 90 words.',
    'Never give medication, dosage or method information; never diagnose; never shame; never promise secrecy or confidentiality (a care team may be told if the person is in danger); never encourage harm.',
    'Only state facts the person told you. Keep placeholders such as [NAME_1] or [PHONE_1] exactly as written.',
    LANGUAGE_INSTRUCTION[input.language],
    `Detected emotion: ${input.emotion.emotion.toLowerCase()} (${input.emotion.feeling.toLowerCase()}), confidence ${input.emotion.confidence.toFixed(2)}.`,
    `Risk level: ${input.riskLevel ?? 'unknown'}.${input.riskLevel === 'HIGH' || input.riskLevel === 'IMMINENT' ? ' Focus on safety; a human from the care team is being told; crisis lines will be added to your reply.' : ''}`,
    `Conversation so far: ${masker.mask(input.summary)}`,
    input.knowledge.length ? `Cultural context:\n${input.knowledge.map((k) => `- ${k.entry.title}: ${k.entry.guidance}`).join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const current: ChatMessage = { role: 'user', content: masker.mask(input.text) };
  let used = estimateTokens(system) + estimateTokens(current.content) + 12;
  const history: ChatMessage[] = [];
  for (const turn of [...input.history].reverse()) {
    const content = masker.mask(turn.text);
    const cost = estimateTokens(content) + 4;
    if (used + cost > input.maxPromptTokens) break;
    used += cost;
    history.unshift({ role: turn.role, content });
  }
  return [{ role: 'system', content: system }, ...history, current];
}
