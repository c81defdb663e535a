import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@resona/config';
import { entityLoader, isUuid, pageLoader } from '@resona/db';
import type { PubSub } from '@resona/pubsub';
import type { SubgraphContext } from '@resona/subgraph';
import { RiskAssessmentEntity, type CrisisAlert, type RiskAssessment } from './entities.js';

/** What the subgraph holds for its whole life and every context shares. */
export interface RiskServices {
  pubsub: PubSub;
  logger: Logger;
  /** The clinics a person shares with now (privacy's `sharingClinics`). */
  sharingClinics(userId: string): Promise<string[]>;
  /** A fresh question to privacy (never a request's cached answer): does `userId` share with `clinicId`? */
  shares(clinicId: string, userId: string): Promise<boolean>;
}

export interface RiskContext extends SubgraphContext {
  services: RiskServices;
  assessments: DataLoader<string, RiskAssessment | null>;
  alerts: DataLoader<string, CrisisAlert | null>;
  /** A person's assessments, newest first: one SQL query per batch of people. */
  assessmentsByUser: ReturnType<typeof pageLoader<RiskAssessment>>;
  /** The assessment of each message: one SQL query per batch of messages. */
  assessmentsByMessage: DataLoader<string, RiskAssessment | null>;
}

function byMessageLoader(em: EntityManager): DataLoader<string, RiskAssessment | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await em.find(RiskAssessmentEntity, { messageId: { $in: valid } }) : [];
    const byMessage = new Map(rows.map((row) => [row.messageId, row]));
    return ids.map((id) => byMessage.get(id) ?? null);
  });
}

export const riskContext = (base: SubgraphContext, services: RiskServices): RiskContext => ({
  ...base,
  services,
  assessments: entityLoader<RiskAssessment>(base.em, 'RiskAssessment'),
  alerts: entityLoader<CrisisAlert>(base.em, 'CrisisAlert'),
  assessmentsByUser: pageLoader<RiskAssessment>(base.em, 'RiskAssessment', 'user_id'),
  assessmentsByMessage: byMessageLoader(base.em),
});
