import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Principal } from '@resona/auth';
import type { RequestAudit } from './audit.js';
import type { ConsentChecker } from './consent.js';

/** What every resolver receives; each subgraph adds its own loaders and services. */
export interface SubgraphContext {
  principal: Principal;
  /** A fresh EntityManager for this request only. */
  em: EntityManager;
  logger: Logger;
  /** Does a person share with the caller's clinic? Batched per request, never cached across requests. */
  consent: ConsentChecker;
  /** Reads of other people's data in this request; written to the audit log when the response is sent. */
  audit: RequestAudit;
}
