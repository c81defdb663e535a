import type DataLoader from 'dataloader';
import { entityLoader } from '@resona/db';
import type { SubgraphContext } from '@resona/subgraph';
import type { CryptoKey } from '@resona/auth';
import { Accounts } from './domain/accounts.js';
import type { Clinic, User } from './entities.js';

export interface IdentityContext extends SubgraphContext {
  accounts: Accounts;
  users: DataLoader<string, User | null>;
  clinics: DataLoader<string, Clinic | null>;
}

export const identityContext = (accessTokenKey: CryptoKey) => (base: SubgraphContext): IdentityContext => ({
  ...base,
  accounts: new Accounts(base.em, accessTokenKey),
  users: entityLoader<User>(base.em, 'User'),
  clinics: entityLoader<Clinic>(base.em, 'Clinic'),
});
