import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@resona/db';
import { badUserInput } from '@resona/errors';
import { RISK_LEVELS, RiskAssessmentEntity, type RiskAssessment, type RiskLevel, type RiskSignal } from '../entities.js';

/** Lower bound of each level's score band: below 0.2 NONE, below 0.4 LOW, below 0.6 MODERATE, below 0.8 HIGH. */
const BANDS: [number, RiskLevel][] = [
  [0.8, 'IMMINENT'],
  [0.6, 'HIGH'],
  [0.4, 'MODERATE'],
  [0.2, 'LOW'],
  [0, 'NONE'],
];

/** The level a score falls in. */
export const levelForScore = (score: number): RiskLevel => BANDS.find(([min]) => score >= min)![1];

export interface AssessmentInput {
  userId: string;
  messageId?: string | null;
  /** 0..1. */
  score: number;
  /**
   * Default: the score's band. A hard signal (an explicit plan, say) may raise the level above
   * the band; nothing may lower it below.
   */
  level?: RiskLevel;
  signals: { code: string; weight: number; detail?: string | null }[];
  /** Default: now. */
  createdAt?: Date;
}

const SIGNAL_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** Checks an assessment; problems are `BAD_USER_INPUT`. */
export function validateAssessment(input: AssessmentInput): Omit<RiskAssessment, 'id'> {
  if (!isUuid(input.userId)) throw badUserInput('userId must be a UUID.', 'userId');
  if (input.messageId != null && !isUuid(input.messageId)) throw badUserInput('messageId must be a UUID.', 'messageId');
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > 1) throw badUserInput('score must be between 0 and 1.', 'score');
  const band = levelForScore(input.score);
  const level = input.level ?? band;
  if (!RISK_LEVELS.includes(level)) throw badUserInput(`Unknown level ${level}.`, 'level');
  if (RISK_LEVELS.indexOf(level) < RISK_LEVELS.indexOf(band)) throw badUserInput(`A score of ${input.score} is at least ${band}.`, 'level');
  const signals: RiskSignal[] = input.signals.map(({ code, weight, detail }) => {
    if (!SIGNAL_CODE.test(code)) throw badUserInput(`Signal code ${code} must be UPPER_SNAKE_CASE.`, 'signals');
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) throw badUserInput('Every signal weight must be between 0 and 1.', 'signals');
    return { code, weight, detail: detail ?? null };
  });
  return { userId: input.userId, messageId: input.messageId ?? null, level, score: input.score, signals, createdAt: input.createdAt ?? new Date() };
}

/** Validates and stores one assessment. */
export async function recordAssessment(em: EntityManager, input: AssessmentInput): Promise<RiskAssessment> {
  const assessment = em.create(RiskAssessmentEntity, { id: randomUUID(), ...validateAssessment(input) });
  await em.flush();
  return assessment;
}
