import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@resona/config';
import { isUuid } from '@resona/db';
import { badUserInput } from '@resona/errors';
import { detect, raiseWithJudgement, type Detection, type DetectionInput } from '../detection/combine.js';
import type { Lexicon } from '../detection/lexicon.js';
import type { LlmJudge } from '../detection/llm.js';
import { RISK_LEVELS, RiskAssessmentEntity, type RiskAssessment } from '../entities.js';
import { recordAssessmentWithAlerts, type RecordDeps } from './alerts.js';

export interface AssessMessageInput extends DetectionInput {
  userId: string;
  messageId: string;
  externalAiConsent?: boolean | null;
}

export interface AssessDeps extends RecordDeps {
  lexicon: Lexicon;
  /** The optional LLM layer; null when not configured. */
  llm: LlmJudge | null;
}

/** Longest message assessed (longer text is assessed in its first part; transcripts are short). */
export const MAX_TEXT = 20_000;

/**
 * When the LLM layer is asked (for people who consented): for every message the other layers did
 * not already alert on. On independent held-out sets the lexicon finds only about half of the
 * people at HIGH/IMMINENT risk, and most of those it misses look calm to it (NONE), so asking only
 * where it was unsure would miss them too. An alert is never held up waiting for the model.
 */
export const asksLlm = (d: Detection) => RISK_LEVELS.indexOf(d.level) < RISK_LEVELS.indexOf('HIGH');

/**
 * The assess API the conversation engine calls for every message: lexicon and signal layers,
 * the LLM layer when the person consented to external AI and the other layers did not alert (it
 * may raise the level, never lower it), then one transaction that stores the assessment with the signals
 * explaining it and, for HIGH or IMMINENT, the escalation, alerts and outbox rows. Idempotent per
 * messageId.
 */
export async function assessMessage(em: EntityManager, input: AssessMessageInput, deps: AssessDeps & { logger: Logger }): Promise<RiskAssessment> {
  if (!isUuid(input.userId)) throw badUserInput('userId must be a UUID.', 'userId');
  if (!isUuid(input.messageId)) throw badUserInput('messageId must be a UUID.', 'messageId');
  for (const [field, value, max] of [['emotionConfidence', input.emotionConfidence, 1], ['dissonance', input.dissonance, 1], ['baselineDeviation', input.baselineDeviation, 100]] as const) {
    if (value != null && (!Number.isFinite(value) || value < (field === 'baselineDeviation' ? -100 : 0) || value > max)) throw badUserInput(`${field} is out of range.`, field);
  }
  const existing = await em.findOne(RiskAssessmentEntity, { messageId: input.messageId });
  if (existing) return existing;

  const history = await em.find(RiskAssessmentEntity, { userId: input.userId }, { orderBy: { createdAt: 'desc' }, limit: 5, fields: ['score', 'level', 'createdAt'] });
  let detection = detect(deps.lexicon, { ...input, text: input.text.slice(0, MAX_TEXT) }, history);
  if (deps.llm && input.externalAiConsent === true && asksLlm(detection)) {
    try {
      const judgement = await deps.llm.judge(input.text.slice(0, 4_000), { lexiconLevel: detection.level, language: input.language });
      detection = raiseWithJudgement(detection, judgement?.level ?? null, judgement?.rationale ?? null);
    } catch (err) {
      // The lexicon's answer stands; the failure is a signal, not an outage.
      deps.logger.warn({ err }, 'LLM risk layer unavailable');
      detection = { ...detection, signals: [...detection.signals, { code: 'LLM_UNAVAILABLE', weight: 0, detail: null }] };
    }
  }
  return recordAssessmentWithAlerts(
    em,
    { userId: input.userId, messageId: input.messageId, score: detection.score, level: detection.level, signals: detection.signals },
    deps,
    { review: [...new Set(detection.review)], lookedForExisting: true },
  );
}
