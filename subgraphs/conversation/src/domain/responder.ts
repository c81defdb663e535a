import { readFileSync } from 'node:fs';
import { formatCrisisResources, type Country } from './crisis-resources.js';
import { detectLanguage, stableIndex, type ReplyLanguage } from './language.js';
import { analyseText, type Feeling, type TextEmotion } from './text-emotion.js';

/** How likely a person is to be in danger (the risk subgraph's levels). */
export type RiskLevel = 'NONE' | 'LOW' | 'MODERATE' | 'HIGH' | 'IMMINENT';
export const isCrisisLevel = (level: RiskLevel | null | undefined): boolean => level === 'HIGH' || level === 'IMMINENT';

type ByLanguage<T> = Record<ReplyLanguage, T>;
interface Parts {
  reflect: ByLanguage<string[]>;
  cope?: ByLanguage<string[]>;
  ask: ByLanguage<string[]>;
}
interface Templates {
  feelings: Record<Exclude<Feeling, 'NEUTRAL'>, Parts>;
  neutral: Parts;
  deflection: Parts;
  voice: Record<VoiceNote, ByLanguage<string>>;
  crisis: { reflect: ByLanguage<string>; human: ByLanguage<string>; resourcesHeader: ByLanguage<string>; ask: ByLanguage<string> };
}

export const TEMPLATES = JSON.parse(readFileSync(new URL('../../data/responder-templates.json', import.meta.url), 'utf8')) as Templates;

/** The fixed sentence that tells the person a human is being told, per language (moderation checks for it). */
export const HUMAN_NOTICE: ByLanguage<string> = TEMPLATES.crisis.human;

/**
 * A voice message the responder has no words for: `wordless` when it was heard but had no
 * transcript (the feeling may still come from the voice), `notHeard` without VOICE_PROCESSING
 * consent, `unavailable` when it could not be processed now (emotion or privacy down).
 */
export type VoiceNote = 'wordless' | 'notHeard' | 'unavailable';

export interface ResponderInput {
  text: string;
  /** The risk level of this message; HIGH or IMMINENT adds the crisis block. Default NONE. */
  riskLevel?: RiskLevel | null;
  /** The person's country, for crisis lines; every country's lines when unknown. */
  country?: Country | null;
  /** A culturally informed sentence from the knowledge base, already in the reply's language. */
  culturalNote?: string | null;
  /** The emotion of the message, when already computed. */
  emotion?: TextEmotion;
  /** Override the detected language (e.g. the person's preferred one). */
  language?: ReplyLanguage;
  /** A voice message without words: the reply says so first. */
  voice?: VoiceNote | null;
}

export interface LocalReply {
  language: ReplyLanguage;
  text: string;
  feeling: Feeling;
}

/** The crisis block: a human is being told, the local lines, and a safety question. */
export function crisisBlock(language: ReplyLanguage, country: Country | null | undefined): string {
  const c = TEMPLATES.crisis;
  return `${c.human[language]}\n${c.resourcesHeader[language]}\n${formatCrisisResources(country, language)}\n${c.ask[language]}`;
}

/**
 * The local responder: reflective listening, a coping suggestion fitting the feeling, a cultural
 * note when the knowledge base has a good match, and one follow-up question, in the person's
 * language, from curated templates (`data/responder-templates.json`). The variant is chosen by a
 * stable hash of the message, never at random. At HIGH/IMMINENT risk the reply leads with safety:
 * a human is being told and the local crisis lines.
 */
export function composeReply(textOrInput: string | ResponderInput): LocalReply {
  const input: ResponderInput = typeof textOrInput === 'string' ? { text: textOrInput } : textOrInput;
  const language = input.language ?? detectLanguage(input.text);
  const emotion = input.emotion ?? analyseText(input.text);
  const key = input.text.trim().toLowerCase();
  const choose = (options: string[], salt: string) => options[stableIndex(`${salt}:${key}`, options.length)]!;

  if (isCrisisLevel(input.riskLevel)) {
    const c = TEMPLATES.crisis;
    return { language, feeling: emotion.feeling, text: `${c.reflect[language]} ${crisisBlock(language, input.country)}` };
  }
  const parts = emotion.deflection ? TEMPLATES.deflection : emotion.feeling === 'NEUTRAL' ? TEMPLATES.neutral : TEMPLATES.feelings[emotion.feeling];
  // A voice note not listened to has nothing to reflect on: say so, and how to reach us instead.
  if (input.voice && input.voice !== 'wordless') return { language, feeling: emotion.feeling, text: TEMPLATES.voice[input.voice][language] };
  const sentences = input.voice ? [TEMPLATES.voice[input.voice][language]] : [];
  sentences.push(choose(parts.reflect[language], 'r'));
  if (parts.cope) sentences.push(choose(parts.cope[language], 'c'));
  if (input.culturalNote) sentences.push(input.culturalNote);
  // Hopelessness, and any message risk rates MODERATE (a passive wish to die, a past attempt), asks
  // about suicide directly: asking does not plant the idea, and it finds those at risk.
  const ask = input.riskLevel === 'MODERATE' ? TEMPLATES.feelings.HOPELESS.ask : parts.ask;
  sentences.push(choose(ask[language], 'a'));
  return { language, feeling: emotion.feeling, text: sentences.join(' ') };
}
