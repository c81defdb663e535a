import { encodeCursor, parsePageArgs } from '@resona/db';
import { unauthenticated } from '@resona/errors';
import { DateTime } from '@resona/subgraph';
import type { PrivacyContext } from './context.js';
import { currentPolicy } from './domain/policies.js';
import { activeClinicShares, clinicPatients, grantedConsentTypes, sharingClinics } from './domain/consents.js';
import { ConsentEntity } from './entities.js';
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
    patients: async (_parent, _args, ctx) => {
      const ids = await clinicPatients(ctx.em, ctx.principal.clinicId!);
      // Who is a patient of the clinic is itself personal data: the list read is audited.
      ctx.audit.read(null, 'PatientList', null, { count: ids.length });
      return ids.map((id) => ({ id }));
    },
    activeClinicShares: (_parent, { clinicId, userIds }, ctx) => activeClinicShares(ctx.em, clinicId, userIds),
    sharingClinics: (_parent, { userId }, ctx) => sharingClinics(ctx.em, userId),
    grantedConsentTypes: (_parent, { userId }, ctx) => grantedConsentTypes(ctx.em, userId),
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
    consents: async (user, args, ctx) => {
      const { principal } = ctx;
      if (principal.kind === 'service' || principal.userId === user.id) return ctx.consentPages.load({ ownerId: user.id, page: parsePageArgs(args) });
      // A clinician (the rule checked role and MFA) sees only the active sharing with their own clinic.
      return ctx.em.find(ConsentEntity, { userId: user.id, type: 'CLINIC_SHARING', clinicId: principal.clinicId!, granted: true });
    },
  },
};
