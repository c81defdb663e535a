import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSubgraphServer, internalClient, privacyConsentSource, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { riskConfigSchema, type RiskConfig } from './config.js';
import { riskContext } from './context.js';
import { seedAssessments } from './domain/seed.js';
import { entities } from './entities.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** Crisis detection. Owns `RiskAssessment`; adds `User.riskAssessments`, `Message.risk`. */
export const risk: SubgraphModule<RiskConfig> = {
  name: 'risk',
  schema: 'risk',
  configSchema: riskConfigSchema,
  entities,
  migrations,
  async build({ config, orm, logger, internalTokenKey, internalSigningKey }) {
    const privacy = internalClient(config.PRIVACY_URL, await internalSigningKey());
    return createSubgraphServer(
      { name: 'risk', schemaPath, resolvers: resolvers as never, permissions, context: riskContext },
      { orm, logger, internalTokenKey, consentSource: privacyConsentSource(privacy) },
    );
  },
  async seed(orm, world) {
    await seedAssessments(orm.orm.em.fork(), world);
  },
};

export { entities } from './entities.js';
export type { RiskAssessment } from './entities.js';
export { recordAssessment, levelForScore } from './domain/assessments.js';
