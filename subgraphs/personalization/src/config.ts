import type { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

export const personalizationConfigSchema = subgraphConfigSchema(4006, {});
export type PersonalizationConfig = z.infer<typeof personalizationConfigSchema>;
