import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSubgraphServer, internalClient, privacyConsentSource, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { riskConfigSchema, type RiskConfig } from './config.js';
import { riskContext, type RiskServices } from './context.js';
import { seedAssessments } from './domain/seed.js';
import { entities } from './entities.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

const SHARING_CLINICS = `query SharingClinics($userId: ID!) { sharingClinics(userId: $userId) }`;

export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** Crisis detection. Owns `RiskAssessment` and `CrisisAlert`; adds `User.riskAssessments`, `Message.risk`. */
export const risk: SubgraphModule<RiskConfig> = {
  name: 'risk',
  schema: 'risk',
  configSchema: riskConfigSchema,
  entities,
  migrations,
  async build({ config, orm, logger, internalTokenKey, internalSigningKey, pubsub }) {
    const privacy = internalClient(config.PRIVACY_URL, await internalSigningKey());
    const consentSource = privacyConsentSource(privacy);
    const services: RiskServices = {
      pubsub,
      logger,
      sharingClinics: async (userId) => (await privacy.request<{ sharingClinics: string[] }>(SHARING_CLINICS, { userId })).sharingClinics,
      shares: async (clinicId, userId) => (await consentSource(clinicId, [userId], null)).includes(userId),
    };
    return createSubgraphServer(
      { name: 'risk', schemaPath, resolvers: resolvers as never, permissions, context: (base) => riskContext(base, services) },
      { orm, logger, internalTokenKey, consentSource },
    );
  },
  async seed(orm, world) {
    await seedAssessments(orm.orm.em.fork(), world);
  },
};

export { entities } from './entities.js';
export type { RiskAssessment } from './entities.js';
export { recordAssessment, levelForScore } from './domain/assessments.js';
