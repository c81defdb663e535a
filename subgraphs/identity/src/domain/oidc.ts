import * as client from 'openid-client';
import type { Logger } from '@resona/config';
import { badUserInput, forbidden } from '@resona/errors';

export interface OidcSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Allows an `http://` issuer (development and tests only). */
  allowInsecure: boolean;
}

/** What the provider vouched for about the person. */
export interface OidcProfile {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** What the callback needs to finish a login; kept server-side between the two steps. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * Social login with any OpenID Connect provider (`openid-client`): authorization-code flow with
 * PKCE (S256), state and nonce. The provider's metadata is discovered once, on first use.
 */
export class OidcClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    private readonly settings: OidcSettings,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<{ url: string; checks: OidcChecks }> {
    const config = await this.config();
    const checks: OidcChecks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url: url.href, checks };
  }

  /** Exchanges the code (checking state, nonce, PKCE and the ID token) and reads the person's claims. */
  async finish(code: string, checks: OidcChecks): Promise<OidcProfile> {
    const config = await this.config();
    const callback = new URL(this.settings.redirectUri);
    callback.searchParams.set('code', code);
    callback.searchParams.set('state', checks.state);
    // RFC 9207: the provider names itself in the redirect. With one configured provider there is
    // no other issuer to mix up, so the app passes only code and state and we add the issuer.
    const metadata = config.serverMetadata();
    if (metadata.authorization_response_iss_parameter_supported) callback.searchParams.set('iss', metadata.issuer);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'OIDC code exchange failed');
      throw forbidden('The identity provider did not confirm this sign-in. Please try again.');
    }
    const idToken = tokens.claims()!;
    const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    const email = typeof info.email === 'string' ? info.email : typeof idToken.email === 'string' ? idToken.email : null;
    const verified = info.email_verified ?? idToken.email_verified;
    return {
      issuer: String(idToken.iss),
      subject: idToken.sub,
      email,
      emailVerified: verified === true,
      name: typeof info.name === 'string' ? info.name : null,
    };
  }

  private config(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.settings.issuerUrl),
        this.settings.clientId,
        undefined,
        client.ClientSecretBasic(this.settings.clientSecret),
        this.settings.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = null; // try discovery again next time
        throw error;
      });
    return this.configuration;
  }
}

/** Social login is off when no provider is configured. */
export const oidcDisabled = () => badUserInput('Sign-in with an identity provider is not configured.');
