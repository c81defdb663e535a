import { DateTime } from '@resona/subgraph';
import { encodeCursor } from '@resona/db';
import { forbidden, unauthenticated } from '@resona/errors';
import type { Resolvers } from './generated/resolvers.js';
import type { IdentityContext } from './context.js';
import type { Session } from './domain/accounts.js';
import { scopeName } from './domain/api-keys.js';

/** The rest of this request acts as the person who just proved who they are (so the payload's `user` resolves). */
function signedIn(ctx: IdentityContext, session: Session): Session {
  ctx.principal = { ...ctx.principal, kind: 'user', userId: session.user.id, roles: session.user.roles, clinicId: session.user.clinicId };
  return session;
}

const callerId = (ctx: IdentityContext) => {
  if (!ctx.principal.userId) throw unauthenticated();
  return ctx.principal.userId;
};

/** The caller's own clinic (clinic admins act only on it). */
const callerClinic = (ctx: IdentityContext) => {
  if (!ctx.principal.clinicId) throw forbidden('You are not a member of a clinic.');
  return ctx.principal.clinicId;
};

const caller = async (ctx: IdentityContext) => (await ctx.users.load(callerId(ctx))) ?? Promise.reject(unauthenticated());

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    me: async (_parent, _args, ctx) => ctx.users.load(callerId(ctx)),
    securityEvents: (_parent, args, ctx) => ctx.securityEvents.list(args),
    oidcAuthorizationUrl: (_parent, _args, ctx) => ctx.accounts.startOidcLogin(),
    apiKeys: (_parent, _args, ctx) => ctx.apiKeys.list(callerClinic(ctx)),
    verifyApiKey: (_parent, { key }, ctx) => ctx.apiKeys.verify(key),
  },
  Mutation: {
    register: async (_parent, { input }, ctx) => signedIn(ctx, await ctx.accounts.register(input)),
    login: async (_parent, { input }, ctx) => signedIn(ctx, await ctx.accounts.login(input)),
    refreshSession: async (_parent, { refreshToken }, ctx) => signedIn(ctx, await ctx.accounts.refresh(refreshToken)),
    logout: (_parent, { refreshToken }, ctx) => ctx.accounts.logout(refreshToken),
    logoutEverywhere: (_parent, _args, ctx) => ctx.accounts.logoutEverywhere(callerId(ctx)),
    requestEmailVerification: (_parent, _args, ctx) => ctx.accounts.requestEmailVerification(callerId(ctx)),
    verifyEmail: (_parent, { token }, ctx) => ctx.accounts.verifyEmail(token),
    requestPasswordReset: (_parent, { email }, ctx) => ctx.accounts.requestPasswordReset(email),
    resetPassword: (_parent, { token, newPassword }, ctx) => ctx.accounts.resetPassword(token, newPassword),
    enrollMfa: async (_parent, _args, ctx) => ctx.accounts.mfa.enroll(await caller(ctx)),
    confirmMfa: async (_parent, { code }, ctx) => ({ recoveryCodes: await ctx.accounts.mfa.confirm(await caller(ctx), code) }),
    disableMfa: async (_parent, { code }, ctx) => ctx.accounts.mfa.disable(await caller(ctx), code),
    completeOidcLogin: async (_parent, { code, state, totpCode, recoveryCode }, ctx) =>
      signedIn(ctx, await ctx.accounts.completeOidcLogin(code, state, { totpCode, recoveryCode })),
    createClinic: (_parent, { name }, ctx) => ctx.clinicAdmin.create(name),
    inviteClinician: (_parent, { input }, ctx) => ctx.clinicAdmin.invite(ctx.principal, input),
    acceptInvitation: async (_parent, { input }, ctx) => signedIn(ctx, await ctx.clinicAdmin.accept(input)),
    createApiKey: (_parent, { input }, ctx) => ctx.apiKeys.create(callerClinic(ctx), callerId(ctx), input),
    rotateApiKey: (_parent, { id }, ctx) => ctx.apiKeys.rotate(callerClinic(ctx), callerId(ctx), id),
    revokeApiKey: (_parent, { id }, ctx) => ctx.apiKeys.revoke(callerClinic(ctx), callerId(ctx), id),
  },
  User: {
    __resolveReference: (reference, ctx) => ctx.users.load(String(reference.id)),
    clinic: (user, _args, ctx) => (user.clinicId ? ctx.clinics.load(user.clinicId) : null),
  },
  Clinic: {
    __resolveReference: (reference, ctx) => ctx.clinics.load(String(reference.id)),
  },
  ApiKey: {
    __resolveReference: (reference, ctx) => ctx.apiKeyLoader.load(String(reference.id)),
    scopes: (apiKey) => apiKey.scopes.map(scopeName),
    clinic: async (apiKey, _args, ctx) => (await ctx.clinics.load(apiKey.clinicId))!,
  },
  SecurityEvent: {
    detail: (event) => (event.detail ? JSON.stringify(event.detail) : null),
    cursor: (event) => encodeCursor(event),
  },
};
