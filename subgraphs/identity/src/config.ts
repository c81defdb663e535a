import { z } from '@resona/config';
import { subgraphConfigSchema } from '@resona/subgraph';

const optionalString = z.string().min(1).optional();

export const identityConfigSchema = subgraphConfigSchema(
  4001,
  {
    /** Ed25519 private key (PKCS8 PEM) that signs people's access tokens. */
    ACCESS_TOKEN_PRIVATE_KEY: z.string().optional(),
    /**
     * Where mail goes, e.g. `smtps://user:pass@smtp.example.com:465`. Default: unset, and every mail
     * is written to the log as JSON instead (the embedded default).
     */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
    /** The sender of every mail. Default `Resona <no-reply@resona.local>`. */
    MAIL_FROM: z.string().min(3).default('Resona <no-reply@resona.local>'),
    /** Base of the links in mails (the app that opens them). Default `http://127.0.0.1:4000`. */
    PUBLIC_APP_URL: z.url().default('http://127.0.0.1:4000'),
    /** OpenID Connect provider for social login (its issuer URL). Default: unset, social login off. */
    OIDC_ISSUER_URL: z.url().optional(),
    /** Client id registered with the provider. Default: unset. */
    OIDC_CLIENT_ID: optionalString,
    /** Client secret registered with the provider. Default: unset. */
    OIDC_CLIENT_SECRET: optionalString,
    /** Where the provider sends the browser back (the app passes `code` and `state` to `completeOidcLogin`). Default: unset. */
    OIDC_REDIRECT_URI: z.url().optional(),
    /** Redis for the login lockout counters, shared by every replica. Default: unset, counters in memory. */
    REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
    /**
     * The privacy subgraph, asked whether a person shares with a clinic (clinicians and partner keys
     * reading a patient's name and language). Default its development port.
     */
    PRIVACY_URL: z.string().url().default('http://127.0.0.1:4005/graphql'),
  },
  // Calls to privacy are signed with the internal-token private key.
  ['ACCESS_TOKEN_PRIVATE_KEY', 'INTERNAL_TOKEN_PRIVATE_KEY', 'PRIVACY_URL'],
).superRefine((config, ctx) => {
  const oidc = [config.OIDC_ISSUER_URL, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET, config.OIDC_REDIRECT_URI];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER_URL'], message: 'OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI go together' });
  }
});
export type IdentityConfig = z.infer<typeof identityConfigSchema>;
