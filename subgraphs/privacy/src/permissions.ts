import type { IRules } from 'graphql-shield';
import { allow, and, isAuthenticated, isClinicianWithMfa, isPartnerKey, isSelf, isService, or, ownsParent, rule, type SubgraphContext } from '@resona/subgraph';
import type { Consent } from './entities.js';

const ownsConsent = ownsParent<Consent>((c) => c.userId);

/** The consent is an active CLINIC_SHARING grant to the caller's own clinic (reading it is audited). */
const sharesWithCallersClinic = rule({ cache: 'no_cache' })((consent: Consent, _a, ctx: SubgraphContext) => {
  const ok = consent.type === 'CLINIC_SHARING' && consent.granted && !!ctx.principal.clinicId && consent.clinicId === ctx.principal.clinicId;
  if (ok) ctx.audit.read(consent.userId, 'Consent', consent.id);
  return ok;
});

/**
 * Who may read and do what in privacy (docs/authorization.md has the whole table). Anything not
 * listed is denied.
 */
export const permissions: IRules = {
  // Anyone may read a policy before signing up.
  Query: {
    consentPolicy: allow,
    patients: or(isClinicianWithMfa, isPartnerKey('emotion:read', 'risk:read')),
    // How other subgraphs learn about consent; never reachable through the gateway (@inaccessible).
    activeClinicShares: isService,
    // Which clinics get a person's crisis alerts (risk asks); never through the gateway either.
    sharingClinics: isService,
    grantedConsentTypes: isService,
  },
  ConsentPolicy: allow,
  Mutation: { grantConsent: isAuthenticated, revokeConsent: isAuthenticated },
  // The person (or a Resona service) reads every record; a clinician with MFA only their own
  // clinic's active sharing consent, and never where the person granted it from.
  Consent: {
    '*': or(ownsConsent, and(isClinicianWithMfa, sharesWithCallersClinic)),
    ipAddress: ownsConsent,
    userAgent: ownsConsent,
  },
  Clinic: { id: allow },
  User: { id: allow, consents: or(isSelf, isClinicianWithMfa) },
};
