import type { IRules } from 'graphql-shield';
import { Role } from '@resona/auth';
import {
  allow,
  and,
  clinicianWithConsent,
  hasRole,
  isAuthenticated,
  isSelf,
  isService,
  or,
  partnerKeyWithConsent,
  rule,
  type SubgraphContext,
} from '@resona/subgraph';
import { API_KEY_SCOPES } from './domain/api-keys.js';
import type { ApiKey, User } from './entities.js';

/** The caller proved a second factor when signing in. */
const hasMfa = rule({ cache: 'contextual' })((_p, _a, ctx: SubgraphContext) => ctx.principal.kind === 'user' && ctx.principal.mfa);
const isAdmin = hasRole(Role.ADMIN);
const isAdminWithMfa = and(isAdmin, hasMfa);
/** A clinic admin of a clinic, signed in with a second factor. */
const isClinicAdminWithMfa = and(
  hasRole(Role.CLINIC_ADMIN),
  hasMfa,
  rule({ cache: 'contextual' })((_p, _a, ctx: SubgraphContext) => !!ctx.principal.clinicId),
);
/**
 * Someone caring for the person: a clinician or clinic admin with MFA, or a partner key holding
 * `risk:read` or `emotion:read`, of a clinic the person shares with (an active CLINIC_SHARING
 * consent, asked of privacy on every request). Each granted read is audited (`READ`, `User`).
 */
const caresForPerson = or(
  clinicianWithConsent<User>((user) => user.id),
  partnerKeyWithConsent<User>(API_KEY_SCOPES.RISK_READ, (user) => user.id),
  partnerKeyWithConsent<User>(API_KEY_SCOPES.EMOTION_READ, (user) => user.id),
);

/** The key belongs to the caller's clinic. */
const ownsClinicKey = rule({ cache: 'no_cache' })((key: ApiKey, _a, ctx: SubgraphContext) => key.clinicId === ctx.principal.clinicId);

/**
 * Who may read and do what in identity. Anything not listed is denied.
 *
 * | field | who |
 * |---|---|
 * | register, login, refreshSession, logout, verifyEmail, requestPasswordReset, resetPassword, oidcAuthorizationUrl, completeOidcLogin, acceptInvitation | anyone (the token or credentials are the proof) |
 * | me, logoutEverywhere, requestEmailVerification, enrollMfa, confirmMfa, disableMfa | a signed-in person |
 * | securityEvents, createClinic | ADMIN with MFA |
 * | inviteClinician | CLINIC_ADMIN of a clinic or ADMIN, with MFA |
 * | apiKeys, createApiKey, rotateApiKey, revokeApiKey | CLINIC_ADMIN of a clinic with MFA (own clinic's keys) |
 * | verifyApiKey | the gateway (service) only |
 * | User.* | the person, a service; ADMIN also reads email, displayName, roles |
 * | User.displayName, User.preferredLanguage | also a clinician or clinic admin with MFA, or a partner key with `risk:read` or `emotion:read`, of a clinic the person shares with (consent checked through privacy; reads audited). A clinician without MFA gets the MFA message. |
 * | ApiKey.* | a service, or a CLINIC_ADMIN with MFA of the key's clinic |
 */
export const permissions: IRules = {
  Query: {
    me: isAuthenticated,
    securityEvents: isAdminWithMfa,
    oidcAuthorizationUrl: allow,
    apiKeys: isClinicAdminWithMfa,
    verifyApiKey: isService,
  },
  Mutation: {
    register: allow,
    login: allow,
    refreshSession: allow,
    logout: allow,
    logoutEverywhere: isAuthenticated,
    requestEmailVerification: isAuthenticated,
    verifyEmail: allow,
    requestPasswordReset: allow,
    resetPassword: allow,
    enrollMfa: isAuthenticated,
    confirmMfa: isAuthenticated,
    disableMfa: isAuthenticated,
    completeOidcLogin: allow,
    createClinic: isAdminWithMfa,
    inviteClinician: and(or(hasRole(Role.CLINIC_ADMIN), isAdmin), hasMfa),
    acceptInvitation: allow,
    createApiKey: isClinicAdminWithMfa,
    rotateApiKey: isClinicAdminWithMfa,
    revokeApiKey: isClinicAdminWithMfa,
  },
  // Only the person themself (or a Resona service) reads their account; the id is just a key.
  // Administrators read who an account is (administration), nothing more. Those caring for the
  // person (with the person's consent) read how to address them: name and language, never the
  // email, roles or security settings.
  User: {
    '*': isSelf,
    id: allow,
    email: or(isSelf, isAdmin),
    displayName: or(isSelf, isAdmin, caresForPerson),
    preferredLanguage: or(isSelf, caresForPerson),
    roles: or(isSelf, isAdmin),
  },
  Clinic: isAuthenticated,
  AuthPayload: allow,
  MfaEnrollment: allow,
  MfaConfirmation: allow,
  OidcStart: allow,
  CreatedApiKey: allow,
  ApiKeyIdentity: isService,
  SecurityEvent: isAdminWithMfa,
  ApiKey: or(isService, and(isClinicAdminWithMfa, ownsClinicKey)),
};
