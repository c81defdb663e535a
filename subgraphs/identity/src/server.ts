import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { encryptionKeysFromConfig, importPrivateKey, pemFromConfig } from '@resona/auth';
import { KeyRing } from '@resona/crypto';
import { createSubgraphServer, internalClient, privacyConsentSource, type SubgraphModule } from '@resona/subgraph';
import { migrations } from '../migrations/index.js';
import { identityConfigSchema, type IdentityConfig } from './config.js';
import { identityContext } from './context.js';
import { entities } from './entities.js';
import { permissions } from './permissions.js';
import { seedDemoAccounts } from './domain/demo.js';
import { LoginLockout } from './domain/lockout.js';
import { Mailer } from './domain/mailer.js';
import { OidcClient } from './domain/oidc.js';
import { resolvers } from './resolvers.js';

export const schemaPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../schema.graphql');

/** Accounts, sessions, clinics and partner API keys. Owns `User`, `Clinic`, `ApiKey`. */
export const identity: SubgraphModule<IdentityConfig> = {
  name: 'identity',
  schema: 'identity',
  configSchema: identityConfigSchema,
  entities,
  migrations,
  async build({ config, orm, logger, internalTokenKey, internalSigningKey, pubsub }) {
    const accessTokenKey = await importPrivateKey(
      pemFromConfig(config.ACCESS_TOKEN_PRIVATE_KEY, { dataDir: config.DATA_DIR, name: 'access-token', part: 'private' }),
    );
    const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
    const mailer = new Mailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger });
    const oidc =
      config.OIDC_ISSUER_URL && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET && config.OIDC_REDIRECT_URI
        ? new OidcClient({
            issuerUrl: config.OIDC_ISSUER_URL,
            clientId: config.OIDC_CLIENT_ID,
            clientSecret: config.OIDC_CLIENT_SECRET,
            redirectUri: config.OIDC_REDIRECT_URI,
            allowInsecure: config.NODE_ENV !== 'production',
          }, logger)
        : null;
    const services = {
      accessTokenKey,
      keyRing: KeyRing.parse(encryptionKeysFromConfig(config.ENCRYPTION_KEYS, config.DATA_DIR)),
      mailer,
      lockout: new LoginLockout(redis),
      oidc,
      publicAppUrl: config.PUBLIC_APP_URL.replace(/\/+$/, ''),
      logger,
      pubsub,
    };
    // Clinicians and partner keys read a patient's name and language only while the patient shares with their clinic.
    const privacy = internalClient(config.PRIVACY_URL, await internalSigningKey());
    const server = await createSubgraphServer(
      { name: 'identity', schemaPath, resolvers: resolvers as never, permissions, context: identityContext(services) },
      { orm, logger, internalTokenKey, consentSource: privacyConsentSource(privacy) },
    );
    return {
      ...server,
      async listen(port, host) {
        const running = await server.listen(port, host);
        return {
          ...running,
          async close() {
            await running.close();
            mailer.close();
            redis?.disconnect();
          },
        };
      },
    };
  },
  seed: seedDemoAccounts,
};

export { entities } from './entities.js';
export { DEMO_ONCALL_CLINIC_ID } from './domain/demo.js';
export type { User, Clinic, ApiKey } from './entities.js';
