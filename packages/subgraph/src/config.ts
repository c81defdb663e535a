import { env, z } from '@resona/config';

/** Keys a production deployment must set; in development they default to files under `.data/keys/`. */
const PRODUCTION_SECRETS = ['INTERNAL_TOKEN_PUBLIC_KEY', 'ENCRYPTION_KEYS'] as const;

/**
 * The settings every subgraph reads. Each subgraph's `config.ts` extends this with its own.
 * @param defaultPort the subgraph's port when `PORT` is unset (4001–4006).
 * @param productionSecrets extra settings this subgraph requires in production.
 */
export function subgraphConfigSchema<E extends z.ZodRawShape>(defaultPort: number, extra: E, productionSecrets: string[] = []) {
  return z
    .object({
      NODE_ENV: env.nodeEnv,
      LOG_LEVEL: env.logLevel,
      PORT: env.port(defaultPort),
      HOST: z.string().default('127.0.0.1'),
      DATA_DIR: env.dataDir,
      /** PostgreSQL URL; required when a subgraph runs on its own. */
      DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
      /** Ed25519 public key (SPKI PEM) that verifies the gateway's internal tokens. */
      INTERNAL_TOKEN_PUBLIC_KEY: z.string().optional(),
      /**
       * Ed25519 private key (PKCS8 PEM) that signs `service` tokens for calls to other subgraphs
       * (the same pair as `INTERNAL_TOKEN_PUBLIC_KEY`). Default: the development key under `.data/keys/`.
       */
      INTERNAL_TOKEN_PRIVATE_KEY: z.string().optional(),
      /** Redis for events between services and replicas (PubSub); in-process when unset. */
      REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
      /** Key-encryption keys, `"1:<base64 32 bytes>,2:<…>"`; the highest version wraps new data keys. */
      ENCRYPTION_KEYS: z.string().optional(),
      ...extra,
    })
    .superRefine((config, ctx) => {
      const values = config as Record<string, unknown>;
      if (values.NODE_ENV !== 'production') return;
      for (const key of [...PRODUCTION_SECRETS, ...productionSecrets]) {
        if (!values[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    });
}
