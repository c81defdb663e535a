import type { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

export const emotionConfigSchema = subgraphConfigSchema(4003, {});
export type EmotionConfig = z.infer<typeof emotionConfigSchema>;
