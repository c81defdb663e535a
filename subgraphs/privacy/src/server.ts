import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSubgraphServer, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { privacyConfigSchema, type PrivacyConfig } from './config.js';
import { privacyContext } from './context.js';
import { entities } from './entities.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';
import { seedConsents } from './seed.js';
import { activeClinicShares } from './domain/consents.js';

export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** Granular, versioned consent. Owns `Consent`; adds `User.consents`. */
export const privacy: SubgraphModule<PrivacyConfig> = {
  name: 'privacy',
  schema: 'privacy',
  configSchema: privacyConfigSchema,
  entities,
  migrations,
  async build({ orm, logger, internalTokenKey, pubsub }) {
    return createSubgraphServer(
      { name: 'privacy', schemaPath, resolvers: resolvers as never, permissions, context: (base) => privacyContext(base, pubsub) },
      // Privacy owns the consents: it checks them in its own database, per request, not over HTTP.
      { orm, logger, internalTokenKey, consentSource: (clinicId, userIds) => activeClinicShares(orm.orm.em.fork(), clinicId, userIds) },
    );
  },
  seed: seedConsents,
};

export { entities } from './entities.js';
export type { Consent, ConsentType } from './entities.js';
export { POLICIES, currentPolicy } from './domain/policies.js';
