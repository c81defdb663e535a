import type { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

export const conversationConfigSchema = subgraphConfigSchema(4002, {});
export type ConversationConfig = z.infer<typeof conversationConfigSchema>;
