import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entityLoader, isUuid, pageLoader } from '@resona/db';
import type { SubgraphContext } from '@resona/subgraph';
import { RiskAssessmentEntity, type RiskAssessment } from './entities.js';

export interface RiskContext extends SubgraphContext {
  assessments: DataLoader<string, RiskAssessment | null>;
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

export const riskContext = (base: SubgraphContext): RiskContext => ({
  ...base,
  assessments: entityLoader<RiskAssessment>(base.em, 'RiskAssessment'),
  assessmentsByUser: pageLoader<RiskAssessment>(base.em, 'RiskAssessment', 'user_id'),
  assessmentsByMessage: byMessageLoader(base.em),
});
