import type { CryptoKey } from '@resona/auth';
import type { Logger } from '@resona/config';
import type { KeyRing } from '@resona/crypto';
import type { PubSub } from '@resona/pubsub';
import type { LoginLockout } from './lockout.js';
import type { Mailer } from './mailer.js';
import type { OidcClient } from './oidc.js';

/** What identity's domain classes share across requests, built once at start. */
export interface IdentityServices {
  accessTokenKey: CryptoKey;
  keyRing: KeyRing;
  mailer: Mailer;
  lockout: LoginLockout;
  /** Null when social login is not configured. */
  oidc: OidcClient | null;
  /** Base of links in mails, without a trailing slash. */
  publicAppUrl: string;
  logger: Logger;
  /** Where ended sessions are announced (`Topic.sessionRevoked`), so the gateway closes their sockets. */
  pubsub: PubSub;
}
