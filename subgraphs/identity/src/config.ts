import { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

export const identityConfigSchema = subgraphConfigSchema(
  4001,
  {
    /** Ed25519 private key (PKCS8 PEM) that signs people's access tokens. */
    ACCESS_TOKEN_PRIVATE_KEY: z.string().optional(),
  },
  ['ACCESS_TOKEN_PRIVATE_KEY'],
);
export type IdentityConfig = z.infer<typeof identityConfigSchema>;
