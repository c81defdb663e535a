import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSubgraphServer, internalClient, privacyConsentSource, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { emotionConfigSchema, type EmotionConfig } from './config.js';
import { emotionContext, type EmotionServices } from './context.js';
import { seedReadings } from './domain/seed.js';
import { entities } from './entities.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers.js';

export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** How people feel, reading by reading. Owns `EmotionReading`; adds `User.emotionReadings`, `Message.emotion`. */
export const emotion: SubgraphModule<EmotionConfig> = {
  name: 'emotion',
  schema: 'emotion',
  configSchema: emotionConfigSchema,
  entities,
  migrations,
  async build({ config, orm, logger, internalTokenKey, internalSigningKey, pubsub }) {
    const privacy = internalClient(config.PRIVACY_URL, await internalSigningKey());
    const consentSource = privacyConsentSource(privacy);
    const services: EmotionServices = {
      pubsub,
      logger,
      shares: async (clinicId, userId) => (await consentSource(clinicId, [userId], null)).includes(userId),
    };
    return createSubgraphServer(
      { name: 'emotion', schemaPath, resolvers: resolvers as never, permissions, context: (base) => emotionContext(base, services) },
      { orm, logger, internalTokenKey, consentSource },
    );
  },
  async seed(orm, world) {
    await seedReadings(orm.orm.em.fork(), world);
  },
};

export { entities } from './entities.js';
export type { EmotionReading } from './entities.js';
export { recordReading } from './domain/readings.js';
