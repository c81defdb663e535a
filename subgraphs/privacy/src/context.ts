import type DataLoader from 'dataloader';
import { entityLoader, pageLoader } from '@resona/db';
import type { PubSub } from '@resona/pubsub';
import type { SubgraphContext } from '@resona/subgraph';
import { Consents } from './domain/consents.js';
import type { Consent } from './entities.js';

export interface PrivacyContext extends SubgraphContext {
  consentsService: Consents;
  consents: DataLoader<string, Consent | null>;
  /** Pages of a person's consent records, keyed by user id. */
  consentPages: ReturnType<typeof pageLoader<Consent>>;
}

export const privacyContext = (base: SubgraphContext, pubsub: PubSub): PrivacyContext => ({
  ...base,
  consentsService: new Consents(base.em, base.principal, { pubsub, logger: base.logger }),
  consents: entityLoader<Consent>(base.em, 'Consent'),
  consentPages: pageLoader<Consent>(base.em, 'Consent', 'user_id'),
});
