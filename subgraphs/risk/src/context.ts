import DataLoader from 'dataloader';
import type { Logger } from '@resona/config';
import { entityLoader, pageLoader } from '@resona/db';
import type { PubSub } from '@resona/pubsub';
import type { SubgraphContext } from '@resona/subgraph';
import type { Lexicon } from './detection/lexicon.js';
import type { LlmJudge } from './detection/llm.js';
import type { EscalationDeps } from './domain/escalations.js';
import type { CrisisAlert, CrisisEscalation, RiskAssessment } from './entities.js';

/** What the subgraph holds for its whole life and every context shares. */
export interface RiskServices {
  pubsub: PubSub;
  logger: Logger;
  /** The clinics a person shares with now (privacy's `sharingClinics`). */
  sharingClinics(userId: string): Promise<string[]>;
  /** A fresh question to privacy (never a request's cached answer): does `userId` share with `clinicId`? */
  shares(clinicId: string, userId: string): Promise<boolean>;
  /** The lexicon, loaded once. */
  lexicon: Lexicon;
  /** The optional LLM layer (null when `RISK_LLM_BASE_URL` is unset). */
  llm: LlmJudge | null;
  escalation: EscalationDeps;
  /** The service's own on-call clinic (`RISK_ONCALL_CLINIC_ID`). */
  onCallClinicId: string | null;
  /** Tells the outbox relay that rows were committed. */
  wake: () => void;
}

export interface RiskContext extends SubgraphContext {
  services: RiskServices;
  assessments: DataLoader<string, RiskAssessment | null>;
  alerts: DataLoader<string, CrisisAlert | null>;
  /** A person's assessments, newest first: one SQL query per batch of people. */
  assessmentsByUser: ReturnType<typeof pageLoader<RiskAssessment>>;
  /** The assessment of each message: one SQL query per batch of messages. */
  assessmentsByMessage: DataLoader<string, RiskAssessment | null>;
  /** The escalation of each assessment: one SQL query per batch. */
  escalationsByAssessment: DataLoader<string, CrisisEscalation | null>;
  escalations: DataLoader<string, CrisisEscalation | null>;
}

export const riskContext = (base: SubgraphContext, services: RiskServices): RiskContext => ({
  ...base,
  services,
  assessments: entityLoader<RiskAssessment>(base.em, 'RiskAssessment'),
  alerts: entityLoader<CrisisAlert>(base.em, 'CrisisAlert'),
  assessmentsByUser: pageLoader<RiskAssessment>(base.em, 'RiskAssessment', 'user_id'),
  assessmentsByMessage: entityLoader<RiskAssessment>(base.em, 'RiskAssessment', 'messageId'),
  escalationsByAssessment: entityLoader<CrisisEscalation>(base.em, 'CrisisEscalation', 'assessmentId'),
  escalations: entityLoader<CrisisEscalation>(base.em, 'CrisisEscalation'),
});
