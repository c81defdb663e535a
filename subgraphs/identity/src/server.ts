import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPrivateKey, pemFromConfig } from '@resona/auth';
import { createSubgraphServer, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { identityConfigSchema, type IdentityConfig } from './config.js';
import { identityContext } from './context.js';
import { entities } from './entities.js';
import { permissions } from './permissions.js';
import { seedDemoAccounts } from './domain/demo.js';
import { resolvers } from './resolvers.js';

export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** Accounts, sessions and clinics. Owns `User`, `Clinic`. */
export const identity: SubgraphModule<IdentityConfig> = {
  name: 'identity',
  schema: 'identity',
  configSchema: identityConfigSchema,
  entities,
  migrations,
  async build({ config, orm, logger, internalTokenKey }) {
    const accessTokenKey = await importPrivateKey(
      pemFromConfig(config.ACCESS_TOKEN_PRIVATE_KEY, { dataDir: config.DATA_DIR, name: 'access-token', part: 'private' }),
    );
    return createSubgraphServer(
      { name: 'identity', schemaPath, resolvers: resolvers as never, permissions, context: identityContext(accessTokenKey) },
      { orm, logger, internalTokenKey },
    );
  },
  seed: seedDemoAccounts,
};

export { entities } from './entities.js';
export type { User, Clinic } from './entities.js';
