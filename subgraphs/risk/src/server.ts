import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSubgraphServer, internalClient, privacyConsentSource, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { riskConfigSchema, type RiskConfig } from './config.js';
import { riskContext, type RiskServices } from './context.js';
import { loadLexicon } from './detection/lexicon.js';
import { LlmJudge } from './detection/llm.js';
import { loadContacts, SmsAdapter } from './domain/notify.js';
import { riskRelay } from './domain/relay.js';
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
    const sms =
      config.SMS_BASE_URL && config.SMS_ACCOUNT_SID && config.SMS_AUTH_TOKEN && config.SMS_FROM
        ? new SmsAdapter({ baseUrl: config.SMS_BASE_URL, accountSid: config.SMS_ACCOUNT_SID, authToken: config.SMS_AUTH_TOKEN, from: config.SMS_FROM })
        : null;
    const escalation = { contacts: loadContacts(config.RISK_CONTACTS_FILE), smsEnabled: sms !== null, reminderMs: { IMMINENT: config.ESCALATION_REMINDER_MS, HIGH: config.ESCALATION_HIGH_REMINDER_MS } };
    const relay = riskRelay({
      em: () => orm.orm.em.fork(),
      pubsub,
      logger,
      escalation,
      sms,
      webhookSecret: config.WEBHOOK_SIGNING_SECRET,
      pollMs: config.RISK_RELAY_POLL_MS,
      backoffMs: config.RISK_RELAY_BACKOFF_MS,
    });
    const services: RiskServices = {
      pubsub,
      logger,
      sharingClinics: async (userId) => (await privacy.request<{ sharingClinics: string[] }>(SHARING_CLINICS, { userId })).sharingClinics,
      shares: async (clinicId, userId) => (await consentSource(clinicId, [userId], null)).includes(userId),
      lexicon: loadLexicon(),
      llm: config.RISK_LLM_BASE_URL
        ? new LlmJudge({ baseUrl: config.RISK_LLM_BASE_URL, model: config.RISK_LLM_MODEL, apiKey: config.RISK_LLM_API_KEY, timeoutMs: config.RISK_LLM_TIMEOUT_MS })
        : null,
      escalation,
      onCallClinicId: config.RISK_ONCALL_CLINIC_ID ?? null,
      wake: () => relay.wake(),
    };
    const server = await createSubgraphServer(
      { name: 'risk', schemaPath, resolvers: resolvers as never, permissions, context: (base) => riskContext(base, services) },
      { orm, logger, internalTokenKey, consentSource },
    );
    // The relay runs while the server listens: it starts with it and stops (finishing its batch) before it closes.
    return {
      ...server,
      async listen(port, host) {
        const running = await server.listen(port, host);
        relay.start();
        return {
          ...running,
          async close() {
            await relay.stop();
            await running.close();
          },
        };
      },
    };
  },
  async seed(orm, world) {
    await seedAssessments(orm.orm.em.fork(), world);
  },
};

export { entities } from './entities.js';
export type { RiskAssessment } from './entities.js';
export { recordAssessment, levelForScore } from './domain/assessments.js';
