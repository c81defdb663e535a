import type { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

export const riskConfigSchema = subgraphConfigSchema(4004, {});
export type RiskConfig = z.infer<typeof riskConfigSchema>;
