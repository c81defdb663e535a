import { encodeCursor, parsePageArgs } from '@resona/db';
import { unauthenticated } from '@resona/errors';
import { DateTime } from '@resona/subgraph';
import type { PrivacyContext } from './context.js';
import { currentPolicy } from './domain/policies.js';
import type { Resolvers } from './generated/resolvers.js';

/** The signed-in caller's id, or `UNAUTHENTICATED`. */
const callerId = (ctx: PrivacyContext): string => {
  if (ctx.principal.kind !== 'user' || !ctx.principal.userId) throw unauthenticated();
  return ctx.principal.userId;
};

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    consentPolicy: (_parent, { type }) => currentPolicy(type),
  },
  Mutation: {
    grantConsent: (_parent, { input }, ctx) =>
      ctx.consentsService.grant(callerId(ctx), input, { ip: ctx.principal.ip, userAgent: ctx.principal.userAgent }),
    revokeConsent: (_parent, { id }, ctx) => ctx.consentsService.revoke(callerId(ctx), id),
  },
  ConsentPolicy: {
    text: (policy, { language }) => policy.text[language ?? 'EN'],
  },
  Consent: {
    __resolveReference: (reference, ctx) => ctx.consents.load(String(reference.id)),
    user: (consent) => ({ id: consent.userId }),
    clinic: (consent) => (consent.clinicId ? { id: consent.clinicId } : null),
    cursor: (consent) => encodeCursor(consent),
  },
  User: {
    __resolveReference: (reference) => ({ id: String(reference.id) }),
    consents: (user, args, ctx) => ctx.consentPages.load({ ownerId: user.id, page: parsePageArgs(args) }),
  },
};
