import path from 'node:path';
import { REPO_ROOT, env, z } from '@resona/config';

/** Subgraph names, in the order the supergraph lists them. */
export const SUBGRAPH_NAMES = ['identity', 'conversation', 'emotion', 'risk', 'privacy', 'personalization'] as const;

export const gatewayConfigSchema = z
  .object({
    NODE_ENV: env.nodeEnv,
    LOG_LEVEL: env.logLevel,
    PORT: env.port(4000),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: env.dataDir,
    /** The composed supergraph: a file path or an http(s) URL. Default `schema/supergraph.graphql`. */
    SUPERGRAPH: z.string().optional(),
    /** The partner contract supergraph (file or URL). Default `schema/supergraph.partner.graphql`. */
    PARTNER_SUPERGRAPH: z.string().optional(),
    /** Overrides of subgraph URLs from the supergraph, e.g. `IDENTITY_URL=http://identity:4001/graphql`. */
    IDENTITY_URL: env.optionalUrl,
    CONVERSATION_URL: env.optionalUrl,
    EMOTION_URL: env.optionalUrl,
    RISK_URL: env.optionalUrl,
    PRIVACY_URL: env.optionalUrl,
    PERSONALIZATION_URL: env.optionalUrl,
    /** Ed25519 public key (SPKI PEM) that verifies access tokens identity signs. */
    ACCESS_TOKEN_PUBLIC_KEY: z.string().optional(),
    /** Ed25519 private key (PKCS8 PEM) that signs internal identity tokens for the subgraphs. */
    INTERNAL_TOKEN_PRIVATE_KEY: z.string().optional(),
    /** Redis for shared rate-limit counters (and subscriptions) across gateway replicas; memory when unset. */
    REDIS_URL: env.optionalUrl,
    /** Requests per minute per client address. Default 600. */
    RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(600),
    /** Requests per minute per signed-in person. Default 300. */
    RATE_LIMIT_PER_USER: z.coerce.number().int().positive().default(300),
    /** Requests per minute per partner API key. Default 1200. */
    RATE_LIMIT_PER_API_KEY: z.coerce.number().int().positive().default(1200),
    /** Browser origins allowed to call the API (comma-separated); none by default (apps do not need CORS). */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value) => value.split(',').map((o) => o.trim()).filter(Boolean)),
    /** Proxy hops in front of the gateway whose X-Forwarded-For is trusted for the client address. Default 0. */
    TRUST_PROXY: z.coerce.number().int().min(0).default(0),
    /** `off`, `allow` (default) or `require`: see gateway/src/trusted-documents.ts. */
    TRUSTED_DOCUMENTS: z.enum(['off', 'allow', 'require']).default('allow'),
    /** The persisted-documents manifest codegen writes for the apps. */
    TRUSTED_DOCUMENTS_MANIFEST: z.string().default(path.join(REPO_ROOT, 'clients', 'app', 'src', 'gql', 'persisted-documents.json')),
    /** How long a subgraph may take to answer before its part of the response fails. Default 10 s. */
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV !== 'production') return;
    for (const key of ['ACCESS_TOKEN_PUBLIC_KEY', 'INTERNAL_TOKEN_PRIVATE_KEY'] as const) {
      if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
  });
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** The subgraph URL overrides that are set, by subgraph name. */
export function subgraphUrlOverrides(config: GatewayConfig): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = config[`${name.toUpperCase()}_URL` as keyof GatewayConfig];
    if (typeof url === 'string') overrides[name] = url;
  }
  return overrides;
}
