import type DataLoader from 'dataloader';
import { entityLoader } from '@resona/db';
import type { SubgraphContext } from '@resona/subgraph';
import { Accounts } from './domain/accounts.js';
import { AuditTrail } from './domain/audit.js';
import { ApiKeys } from './domain/api-keys.js';
import { Clinics } from './domain/clinics.js';
import { SecurityEvents } from './domain/security-events.js';
import type { IdentityServices } from './domain/services.js';
import type { ApiKey, Clinic, User } from './entities.js';

export interface IdentityContext extends SubgraphContext {
  accounts: Accounts;
  clinicAdmin: Clinics;
  apiKeys: ApiKeys;
  securityEvents: SecurityEvents;
  users: DataLoader<string, User | null>;
  clinics: DataLoader<string, Clinic | null>;
  apiKeyLoader: DataLoader<string, ApiKey | null>;
}

export const identityContext = (services: IdentityServices) => (base: SubgraphContext): IdentityContext => {
  const origin = { ip: base.principal.ip, userAgent: base.principal.userAgent };
  const securityEvents = new SecurityEvents(base.em, origin);
  // Sensitive changes are audited as the caller the gateway vouched for.
  const audit = new AuditTrail(base.principal);
  const accounts = new Accounts(base.em, { ...services, logger: base.logger }, securityEvents, origin, audit);
  return {
    ...base,
    accounts,
    clinicAdmin: new Clinics(base.em, services, accounts, audit),
    apiKeys: new ApiKeys(base.em, securityEvents, audit),
    securityEvents,
    users: entityLoader<User>(base.em, 'User'),
    clinics: entityLoader<Clinic>(base.em, 'Clinic'),
    apiKeyLoader: entityLoader<ApiKey>(base.em, 'ApiKey'),
  };
};
