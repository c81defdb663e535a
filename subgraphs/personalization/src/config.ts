import { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

export const personalizationConfigSchema = subgraphConfigSchema(
  4006,
  {
    /** The privacy subgraph, asked whether a person shares with a clinic. Default its development port. */
    PRIVACY_URL: z.string().url().default('http://127.0.0.1:4005/graphql'),
  },
  // Calls to privacy are signed with the internal-token private key.
  ['INTERNAL_TOKEN_PRIVATE_KEY', 'PRIVACY_URL'],
);
export type PersonalizationConfig = z.infer<typeof personalizationConfigSchema>;
