import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Principal } from '@resona/auth';

/** What every resolver receives; each subgraph adds its own loaders and services. */
export interface SubgraphContext {
  principal: Principal;
  /** A fresh EntityManager for this request only. */
  em: EntityManager;
  logger: Logger;
}
