import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSubgraphServer, internalClient, privacyConsentSource, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { personalizationConfigSchema, type PersonalizationConfig } from './config.js';
import { personalizationContext } from './context.js';
import { seedConfigs } from './domain/seed.js';
import { entities } from './entities.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** The interface each person sees. Owns `UIConfig`; adds `User.uiConfig`. */
export const personalization: SubgraphModule<PersonalizationConfig> = {
  name: 'personalization',
  schema: 'personalization',
  configSchema: personalizationConfigSchema,
  entities,
  migrations,
  async build({ config, orm, logger, internalTokenKey, internalSigningKey }) {
    const privacy = internalClient(config.PRIVACY_URL, await internalSigningKey());
    return createSubgraphServer(
      { name: 'personalization', schemaPath, resolvers: resolvers as never, permissions, context: personalizationContext },
      { orm, logger, internalTokenKey, consentSource: privacyConsentSource(privacy) },
    );
  },
  async seed(orm, world) {
    await seedConfigs(orm.orm.em.fork(), world);
  },
};

export { entities } from './entities.js';
export type { UIConfig } from './entities.js';
export { buildUiConfig, publishUiConfig } from './domain/builder.js';
