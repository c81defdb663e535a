import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSubgraphServer, internalClient, privacyConsentSource, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { emotionConfigSchema, type EmotionConfig } from './config.js';
import { emotionContext, type EmotionServices } from './context.js';
import { SileroVad } from './audio/vad.js';
import { DEFAULT_AUDIO_LIMITS } from './audio/wav.js';
import { openAiTranscriber } from './domain/stt.js';
import { EmotionClassifier } from './model/classifier.js';
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
    // Models load once, at start: a missing or mismatched model fails the start, not a request.
    const [vad, classifier] = await Promise.all([SileroVad.load(config.VAD_MODEL_PATH), EmotionClassifier.load(config.EMOTION_MODEL_PATH)]);
    const limits = { ...DEFAULT_AUDIO_LIMITS, maxSeconds: config.AUDIO_MAX_SECONDS, maxBytes: config.AUDIO_MAX_BYTES };
    const transcriber = config.STT_BASE_URL
      ? openAiTranscriber({ baseUrl: config.STT_BASE_URL, model: config.STT_MODEL, apiKey: config.STT_API_KEY, inCountry: config.STT_IN_COUNTRY })
      : null;
    const services: EmotionServices = {
      pubsub,
      logger,
      shares: async (clinicId, userId) => (await consentSource(clinicId, [userId], null)).includes(userId),
      analyzer: { vad, classifier, transcriber, limits, pubsub, logger },
    };
    const server = await createSubgraphServer(
      { name: 'emotion', schemaPath, resolvers: resolvers as never, permissions, context: (base) => emotionContext(base, services) },
      // Base64 audio of the largest accepted file, plus room for the rest of the request.
      { orm, logger, internalTokenKey, consentSource, bodyLimit: `${Math.ceil((limits.maxBytes * 4) / 3 / 1024) + 64}kb` },
    );
    return {
      ...server,
      async listen(port, host) {
        const running = await server.listen(port, host);
        return {
          ...running,
          async close() {
            await running.close();
            await Promise.all([vad.close(), classifier.close()]);
          },
        };
      },
    };
  },
  async seed(orm, world) {
    await seedReadings(orm.orm.em.fork(), world);
  },
};

export { entities } from './entities.js';
export type { EmotionReading } from './entities.js';
export { recordReading } from './domain/readings.js';
