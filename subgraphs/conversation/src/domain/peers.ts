import type { InternalClient } from '@resona/subgraph';
import type { RiskLevel } from './responder.js';
import type { TextEmotion } from './text-emotion.js';

/** The consent types a person has granted (privacy's ConsentType values). */
export type ConsentType = 'VOICE_PROCESSING' | 'EMOTION_ANALYSIS' | 'EXTERNAL_AI' | 'CLINIC_SHARING' | 'RESEARCH';

export interface RiskResult {
  id: string;
  level: RiskLevel;
  score: number;
}

/** What emotion read in a message (analyzeUtterance): its reading, and for a voice message the transcript, dissonance and quality. */
export interface UtteranceAnalysis {
  /** The reading; null without EMOTION_ANALYSIS consent or with nothing to read. */
  reading: { id: string; emotion: string; confidence: number; source: string } | null;
  /** The device's transcript, or speech to text's (with consent); null when there was none. */
  transcript: string | null;
  /** The words say fine, the voice does not. */
  concealment: boolean | null;
  dissonance: number | null;
  /** Standard deviations from the person's own baseline. */
  deviation: number | null;
  qualityFlags: string[];
}

/** What the turn asks other subgraphs. Each call may fail; the turn degrades, never loses the message. */
export interface Peers {
  consentTypes(userId: string, requestId: string | null): Promise<Set<ConsentType>>;
  /** Emotion reads a message: its words, and a voice message's audio (decoded and validated there: a bad file is its BAD_USER_INPUT). */
  analyzeUtterance(
    input: { userId: string; messageId: string; audio: { base64: string; mimeType: string } | null; transcript: string | null; consents: ConsentType[] },
    requestId: string | null,
  ): Promise<UtteranceAnalysis>;
  assessRisk(
    input: {
      userId: string;
      messageId: string;
      text: string;
      language: string;
      emotion: string;
      emotionConfidence: number;
      externalAiConsent: boolean;
      baselineDeviation?: number | null;
      dissonance?: number | null;
    },
    requestId: string | null,
  ): Promise<RiskResult>;
}

/** Privacy: the person's active consent types (service-only; requested from the privacy owner, see README). */
export const GRANTED_CONSENT_TYPES = `query GrantedConsentTypes($userId: ID!) { grantedConsentTypes(userId: $userId) }`;
/** Emotion: read a message, words and/or voice (service-only). */
export const ANALYZE_UTTERANCE = `mutation AnalyzeUtterance($input: AnalyzeUtteranceInput!) {
  analyzeUtterance(input: $input) { reading { id emotion confidence source } transcript concealment dissonance deviation qualityFlags }
}`;
/** Risk: assess a message (service-only). */
export const ASSESS_MESSAGE = `mutation AssessMessage($input: AssessMessageInput!) { assessMessage(input: $input) { id level score signals { code detail } } }`;

/** The peers over HTTP, as Resona itself (service tokens). */
export function internalPeers(clients: { privacy: InternalClient; emotion: InternalClient; risk: InternalClient }): Peers {
  return {
    async consentTypes(userId, requestId) {
      const data = await clients.privacy.request<{ grantedConsentTypes: ConsentType[] }>(GRANTED_CONSENT_TYPES, { userId }, { requestId });
      return new Set(data.grantedConsentTypes);
    },
    async analyzeUtterance(input, requestId) {
      const data = await clients.emotion.request<{ analyzeUtterance: UtteranceAnalysis }>(ANALYZE_UTTERANCE, { input }, { requestId });
      return data.analyzeUtterance;
    },
    async assessRisk(input, requestId) {
      const data = await clients.risk.request<{ assessMessage: RiskResult }>(ASSESS_MESSAGE, { input }, { requestId });
      return data.assessMessage;
    },
  };
}

/**
 * When risk cannot answer: a small, deliberately over-inclusive EN/SW/Sheng screen for explicit
 * statements of suicidal intent. A match is treated as HIGH for the reply (crisis lines, a human
 * told through the review queue). It is no substitute for the risk subgraph.
 */
const CRISIS_SCREEN =
  /\b(?:suicid\w*|kill myself|end (?:my|it) (?:life|all)|take my (?:own )?life|want to die|wanna die|don'?t want to (?:live|be alive)|better off dead|hurt myself|overdose|kujiua|nijiue|najiua|nitajiua|nataka kufa|sitaki kuishi|kujinyonga|nijinyonge|kujidhuru|nimechoka na maisha)\b/i;
export const crisisScreen = (text: string): boolean => CRISIS_SCREEN.test(text);
