import path from 'node:path';
import { REPO_ROOT } from '@resona/config';
import type { SubgraphModule } from '@resona/subgraph';
import { identity } from '@resona/identity';
import { conversation } from '@resona/conversation';
import { emotion } from '@resona/emotion';
import { risk } from '@resona/risk';
import { privacy } from '@resona/privacy';
import { personalization } from '@resona/personalization';

/** Every subgraph with its default port, in seeding order (identity first: others refer to its users). */
export const SUBGRAPHS: { module: SubgraphModule<any>; port: number }[] = [
  { module: identity, port: 4001 },
  { module: conversation, port: 4002 },
  { module: emotion, port: 4003 },
  { module: risk, port: 4004 },
  { module: privacy, port: 4005 },
  { module: personalization, port: 4006 },
];

export const schemaPathOf = (name: string) => path.join(REPO_ROOT, 'subgraphs', name, 'schema.graphql');
