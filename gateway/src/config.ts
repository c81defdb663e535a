import { env, z } from '@resona/config';

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
    /** Largest request body accepted. Default `100kb`. */
    BODY_LIMIT: z.string().default('100kb'),
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
