import { DateTime } from '@resona/subgraph';
import { unauthenticated } from '@resona/errors';
import type { Resolvers } from './generated/resolvers.js';
import type { IdentityContext } from './context.js';
import type { Session } from './domain/accounts.js';

/** The rest of this request acts as the person who just proved who they are (so the payload's `user` resolves). */
function signedIn(ctx: IdentityContext, session: Session): Session {
  ctx.principal = { ...ctx.principal, kind: 'user', userId: session.user.id, roles: session.user.roles, clinicId: session.user.clinicId };
  return session;
}

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    me: async (_parent, _args, ctx) => {
      if (!ctx.principal.userId) throw unauthenticated();
      return ctx.users.load(ctx.principal.userId);
    },
  },
  Mutation: {
    register: async (_parent, { input }, ctx) => signedIn(ctx, await ctx.accounts.register(input)),
    login: async (_parent, { input }, ctx) => signedIn(ctx, await ctx.accounts.login(input)),
    refreshSession: async (_parent, { refreshToken }, ctx) => signedIn(ctx, await ctx.accounts.refresh(refreshToken)),
    logout: (_parent, { refreshToken }, ctx) => ctx.accounts.logout(refreshToken),
  },
  User: {
    __resolveReference: (reference, ctx) => ctx.users.load(String(reference.id)),
    clinic: (user, _args, ctx) => (user.clinicId ? ctx.clinics.load(user.clinicId) : null),
  },
  Clinic: {
    __resolveReference: (reference, ctx) => ctx.clinics.load(String(reference.id)),
  },
};
