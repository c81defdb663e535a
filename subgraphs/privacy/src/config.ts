import type { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

export const privacyConfigSchema = subgraphConfigSchema(4005, {});
export type PrivacyConfig = z.infer<typeof privacyConfigSchema>;
